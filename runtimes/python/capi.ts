// What the worker does in CPython's C API directly, with no Python frame of ours involved: run a
// sample's code object, tell which exception ended it, and take out of the interpreter what a
// sample must never have (the C modules that read and write raw memory, and every JavaScript object
// the interpreter could otherwise name).
import { hiwireEntries, type PyodideModule } from './image';

export interface CApiModule extends PyodideModule {
	_PyEval_EvalCode(code: number, globals: number, locals: number): number;
	_PyErr_GetRaisedException(): number;
	_PyErr_GivenExceptionMatches(exc: number, type: number): number;
	_PyList_Append(list: number, item: number): number;
	_Py_DecRef(obj: number): void;
	_Py_IncRef(obj: number): void;
	_PyObject_Call(fn: number, args: number, kwargs: number): number;
	_PyObject_CallNoArgs(fn: number): number;
	_PyErr_Clear(): void;
	_PyList_GetItem(list: number, i: number): number;
	_PyList_Size(list: number): number;
	_PyBytes_FromStringAndSize(at: number, size: number): number;
	_malloc(size: number): number;
	_free(at: number): void;
	_PyImport_Inittab: number;
	_PyType_Modified(type: number): void;
	/** The address of int's type object. */
	_PyLong_Type: number;
	UTF8ToString(ptr: number): string;
	[name: `_PyExc_${string}`]: number;
}

/** Builtin C modules no sample gets: raw memory (ctypes), CPython's test hooks, the debugger. */
export const REMOVED_BUILTINS = [
	'_ctypes',
	'_testcapi',
	'_testinternalcapi',
	'_testlimitedcapi',
	'_testclinic',
	'_testclinic_limited',
	'_testbuffer',
	'_xxtestfuzz',
	'_remote_debugging',
] as const;

/**
 * Remove modules from CPython's table of builtin modules — the original and the copy the runtime
 * made at start-up — so neither `import` nor `_imp.create_builtin` (which raises no audit event)
 * can create them. Returns how many tables were rewritten.
 */
export function removeBuiltinModules(m: CApiModule, names: readonly string[]): number {
	const u32 = m.HEAPU32;
	const table = u32[m._PyImport_Inittab >>> 2]!;
	const entries: [number, number][] = [];
	for (let p = table >>> 2; u32[p] !== 0; p += 2) entries.push([u32[p]!, u32[p + 1]!]);
	const keep = entries.filter(([name]) => !names.includes(m.UTF8ToString(name)));
	const [a, b] = entries;
	if (!a || !b) return 0;
	let rewritten = 0;
	// Each copy holds the same (name, init) pairs in the same order: find them by their first two.
	for (let i = 0; i + entries.length * 2 < u32.length; i++) {
		if (u32[i] !== a[0] || u32[i + 1] !== a[1] || u32[i + 2] !== b[0] || u32[i + 3] !== b[1]) continue;
		keep.forEach(([name, init], k) => {
			u32[i + 2 * k] = name;
			u32[i + 2 * k + 1] = init;
		});
		for (let k = keep.length; k < entries.length; k++) u32[i + 2 * k] = u32[i + 2 * k + 1] = 0;
		rewritten++;
		i += entries.length * 2;
	}
	return rewritten;
}

/**
 * Replace every JavaScript object in the interpreter's table of JS references with an inert one.
 * Those entries are how Python reaches JavaScript: `js` (the worker's global scope), `pyodide_js`
 * (Pyodide's API, and through it the raw memory), the event loop's scheduler. After this, a sample
 * that imports them finds empty objects. Pyodide's own markers (primitives, symbols) stay.
 */
export function cutJavaScriptBridge(m: PyodideModule): number {
	let cut = 0;
	hiwireEntries(m).forEach((v, i) => {
		if ((typeof v === 'object' && v !== null) || typeof v === 'function') {
			m.__hiwire_set(i, Object.freeze(Object.create(null)));
			cut++;
		}
	});
	return cut;
}

/** How a sample's exception is classified, most specific first (RecursionError is a RuntimeError). */
const KINDS = [
	['KeyboardInterrupt', 'timeout'],
	['SystemExit', 'early-exit'],
	['AssertionError', 'assertion'],
	['RecursionError', 'stack'],
	['MemoryError', 'memory'],
	['SyntaxError', 'syntax'],
] as const;

export type ExceptionKind = (typeof KINDS)[number][1] | 'exception';

/** Classify by CPython's own subclass test on the exception's type: no Python code runs. */
export function exceptionKinds(m: CApiModule): (exc: number) => ExceptionKind {
	const types = KINDS.map(([name, kind]) => [m.HEAPU32[(m[`_PyExc_${name}`] ?? 0) >>> 2]!, kind] as const);
	return (exc) => {
		for (const [type, kind] of types) if (m._PyErr_GivenExceptionMatches(exc, type)) return kind;
		return 'exception';
	};
}
