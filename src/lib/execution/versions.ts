// The runtimes' versions, recorded with every run (RunMeta.runtimes, results files) and shown beside
// every score: a verdict is the runtime's as much as the harness's.
import pkg from '../../../package.json';

/** The Python inside the pinned Pyodide (its pyodide-lock.json says so; a unit test keeps the two in
 * step). Recorded and shown beside every score: published numbers come from 3.9–3.12. */
export const PYTHON_VERSION = '3.14.2';

export const RUNTIME_VERSIONS: Record<string, string> = {
	python: PYTHON_VERSION,
	pyodide: pkg.dependencies.pyodide,
	'quickjs-emscripten': pkg.dependencies['quickjs-emscripten-core'],
	wasmoon: pkg.dependencies.wasmoon,
};

/** What a language's samples ran on, as shown beside a score. For Python, the rules where 3.14 would
 * give another verdict than the references' Pythons (runtimes/python/guard.py, syntax311.py). */
export function runtimeLabel(language: string, v: Record<string, string> = RUNTIME_VERSIONS): string {
	switch (language) {
		case 'python':
			return `Python ${v.python ?? '(version not recorded)'} (Pyodide ${v.pyodide}) with 3.11's rules where they change a verdict: its grammar, annotations evaluated at def, sum() and sorted()`;
		case 'javascript':
		case 'typescript':
			return `QuickJS (quickjs-emscripten ${v['quickjs-emscripten']}) with Node 20's assert, modules and event-loop order`;
		case 'lua':
			return `Lua 5.4 (wasmoon ${v.wasmoon}) with LuaUnit`;
		default:
			return language;
	}
}
