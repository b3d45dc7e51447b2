// Python on Pyodide: the main-thread half. The worker gets Pyodide's wasm (compiled once here),
// its stdlib and lock file as bytes, and imports pyodide.asm.mjs from this origin.
import type { Runtime } from '../../src/lib/execution/runtime';
import asmUrl from 'pyodide/pyodide.asm.mjs?url';
import wasmUrl from 'pyodide/pyodide.asm.wasm?url';
import stdlibUrl from 'pyodide/python_stdlib.zip?url';
import lockUrl from 'pyodide/pyodide-lock.json?url';
import { version } from 'pyodide/package.json';

export const python: Runtime = {
	language: 'python',
	engine: `Pyodide ${version}`,
	assets: [
		{ name: 'pyodide.asm.wasm', url: wasmUrl, wasm: true },
		{ name: 'python_stdlib.zip', url: stdlibUrl },
		{ name: 'pyodide-lock.json', url: lockUrl },
		{ name: 'pyodide.asm.mjs', url: asmUrl, script: true },
	],
	// (not in development: there the worker's code changes under the same URL)
	imageKey: import.meta.env.DEV ? undefined : import.meta.url,
	// Pyodide's own CDN folder for this release: the wheels its lock file names.
	packageIndex: { url: `https://cdn.jsdelivr.net/pyodide/v${version}/full/`, lockUrl },
	spawn: () =>
		new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'benchtop-python' }),
};
