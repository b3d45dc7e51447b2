// A compiled CPython extension as Pyodide's own wheels carry them (numpy's `.so` files): a
// WebAssembly side module — a `dylink.0` section first, the main module's memory, table and C API
// imported — written here in WebAssembly text and assembled with wabt, since the real index's
// wheels need the network. `tinyext.twice(x)` calls back into CPython (PyLong_AsLong/FromLong)
// through a function pointer the loader places in the shared table, so installing it exercises
// what numpy's installation does: Pyodide's loadDynlib, symbol resolution, data placed at
// __memory_base, table slots at __table_base, then CPython's own dlopen/dlsym at import time.
import wabtInit from 'wabt';
import { strToU8, zipSync } from 'fflate';

// Memory the module asks the loader for (dylink.0's mem info), and where things sit in it.
const DEF = 0; // PyModuleDef, 52 bytes on wasm32 (CPython 3.14)
const METHODS = 52; // PyMethodDef[2]: twice, then the zeroed sentinel (16 bytes each)
const NAME = 84; // "tinyext\0"
const ANSWER = 92; // "answer\0"
const TWICE = 99; // "twice\0"
const SIZE = 112;
const METH_O = 8;

const zeros = (n: number) => '\\00'.repeat(n);
const WAT = `(module
  (import "env" "memory" (memory 0))
  (import "env" "__indirect_function_table" (table 0 funcref))
  (import "env" "__memory_base" (global $mb i32))
  (import "env" "__table_base" (global $tb i32))
  (import "env" "PyModule_Create2" (func $create (param i32 i32) (result i32)))
  (import "env" "PyModule_AddIntConstant" (func $addint (param i32 i32 i32) (result i32)))
  (import "env" "PyLong_AsLong" (func $aslong (param i32) (result i32)))
  (import "env" "PyLong_FromLong" (func $fromlong (param i32) (result i32)))
  ;; The PyModuleDef: refcount 1, m_size -1 (single-phase init); pointers are filled in at init.
  (data (global.get $mb) "\\01" ${'"' + zeros(27) + '"'} "\\ff\\ff\\ff\\ff" ${'"' + zeros(20) + '"'}
    ${'"' + zeros(32) + '"'} "tinyext\\00answer\\00twice\\00")
  (elem (global.get $tb) $twice)
  ;; METH_O: PyObject *twice(PyObject *self, PyObject *x)
  (func $twice (param i32 i32) (result i32)
    (call $fromlong (i32.mul (call $aslong (local.get 1)) (i32.const 2))))
  (func (export "PyInit_tinyext") (result i32)
    (local $m i32)
    (i32.store offset=${DEF + 20} (global.get $mb) (i32.add (global.get $mb) (i32.const ${NAME})))
    (i32.store offset=${DEF + 32} (global.get $mb) (i32.add (global.get $mb) (i32.const ${METHODS})))
    (i32.store offset=${METHODS} (global.get $mb) (i32.add (global.get $mb) (i32.const ${TWICE})))
    (i32.store offset=${METHODS + 4} (global.get $mb) (global.get $tb))
    (i32.store offset=${METHODS + 8} (global.get $mb) (i32.const ${METH_O}))
    (local.set $m (call $create (i32.add (global.get $mb) (i32.const ${DEF})) (i32.const 1013)))
    (if (i32.eqz (local.get $m)) (then (return (i32.const 0))))
    (drop (call $addint (local.get $m) (i32.add (global.get $mb) (i32.const ${ANSWER})) (i32.const 42)))
    (local.get $m)))`;

const leb = (n: number): number[] => {
	const out: number[] = [];
	do {
		let byte = n & 127;
		n >>>= 7;
		if (n) byte |= 128;
		out.push(byte);
	} while (n);
	return out;
};

/** The side module: wabt's binary with the dylink.0 section Emscripten's loader reads first. */
export async function extensionModule(): Promise<Uint8Array> {
	const wabt = await wabtInit();
	const parsed = wabt.parseWat('tinyext.wat', WAT);
	const { buffer } = parsed.toBinary({});
	parsed.destroy();
	const name = [...strToU8('dylink.0')];
	// WASM_DYLINK_MEM_INFO: memory size, its alignment (log2), table size, its alignment.
	const memInfo = [...leb(SIZE), ...leb(3), ...leb(1), ...leb(0)];
	const payload = [...leb(name.length), ...name, 1, ...leb(memInfo.length), ...memInfo];
	return new Uint8Array([...buffer.slice(0, 8), 0, ...leb(payload.length), ...payload, ...buffer.slice(8)]);
}

export const EXTENSION_FILE = 'tinyext-1.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl';

/** The wheel as Pyodide's build writes one: the .so under its ABI suffix and the dist-info. */
export async function extensionWheel(): Promise<Uint8Array> {
	const info = 'tinyext-1.0.dist-info';
	return zipSync({
		'tinyext.cpython-314-wasm32-emscripten.so': await extensionModule(),
		[`${info}/METADATA`]: strToU8('Metadata-Version: 2.1\nName: tinyext\nVersion: 1.0\n'),
		[`${info}/WHEEL`]: strToU8(
			'Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp314-cp314-pyemscripten_2026_0_wasm32\n',
		),
		[`${info}/RECORD`]: strToU8(''),
	});
}
