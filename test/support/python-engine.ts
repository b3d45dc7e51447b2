// The Python engine on the real Pyodide build, in Node (the same wasm the worker loads), with the
// harness files read from runtimes/python/: what the engine's unit tests run samples on.
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { harnessSources, pythonEngine } from '../../runtimes/python/engine';

export async function loadPythonEngine() {
	const py = await loadPyodide({ stdout: () => {}, stderr: () => {} });
	return pythonEngine(
		py,
		null,
		harnessSources((f) => readFileSync(new URL(`../../runtimes/python/${f}`, import.meta.url), 'utf8')),
	);
}
