// Emscripten's addFunction turns a JavaScript function into a table entry by compiling a new
// one-function WebAssembly module on every call. wasmoon calls it about eight times per lua_State
// (its allocator, each type extension's metamethods) and the worker once more for the hook, so a
// fresh state per sample compiled ~8 modules per sample — and in Chromium each compile also costs
// the browser process CPU (measured: 5,000 tiny compiles took 0.25 s in the worker and 0.19 s in the
// browser process; instantiating one compiled module 5,000 times took 0.035 s and nothing there).
// Here the module is compiled once per signature and instantiated per function: the same wrapper
// emscripten would build, handed to addFunction already a WebAssembly function, so it goes into the
// table as is.

/** Emscripten's signature letters: the result first ('v' = none), then the parameters. */
const TYPES: Record<string, number> = { i: 0x7f, p: 0x7f, j: 0x7e, f: 0x7d, d: 0x7c };

/** A module that imports `e.f` with the signature and exports it again as `f`. */
function wrapperModule(sig: string): WebAssembly.Module {
	const code = (c: string) => {
		const t = TYPES[c];
		if (t === undefined) throw new Error(`unsupported signature letter "${c}" in "${sig}"`);
		return t;
	};
	const params = [...sig.slice(1)].map(code);
	const results = sig[0] === 'v' ? [] : [code(sig[0]!)];
	// One function type; params and results stay far below 128, so each length is one LEB128 byte.
	const type = [1, 0x60, params.length, ...params, results.length, ...results];
	return new WebAssembly.Module(
		new Uint8Array([
			...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
			...[0x01, type.length, ...type],
			// import section: 1 import, module "e", field "f", a function of type 0
			...[0x02, 0x07, 0x01, 0x01, 0x65, 0x01, 0x66, 0x00, 0x00],
			// export section: 1 export, "f", the function with index 0
			...[0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00],
		]),
	);
}

interface EmscriptenModule {
	addFunction: (fn: (...a: never[]) => unknown, sig: string) => number;
}

/** Makes `module.addFunction` compile each signature's wrapper once instead of once per call. */
export function cacheFunctionWrappers(module: EmscriptenModule): void {
	const modules = new Map<string, WebAssembly.Module>();
	const add = module.addFunction.bind(module);
	module.addFunction = (fn, sig) => {
		let m = modules.get(sig);
		if (!m) modules.set(sig, (m = wrapperModule(sig)));
		const wrapped = new WebAssembly.Instance(m, { e: { f: fn } }).exports.f as (...a: never[]) => unknown;
		return add(wrapped, sig);
	};
}
