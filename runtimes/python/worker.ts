// Python sandbox worker: loads Pyodide (from the first worker's snapshot when there is one) and
// serves jobs with the engine in engine.ts.
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { Engine } from '../../src/lib/execution/runtime';
import { serveSandbox, type SandboxContext } from '../../src/lib/execution/sandbox/serve';
import { pythonEngine } from './engine';
import guard from './guard.py?raw';
import evalplus from './evalplus.py?raw';
import harness from './harness.py?raw';
import syntax from './syntax311.py?raw';
import { PRELOAD } from './preload';

async function load(ctx: SandboxContext): Promise<Engine> {
	const asmUrl = ctx.assets.urls['pyodide.asm.mjs'];
	if (!asmUrl) throw new Error('pyodide.asm.mjs URL missing');
	const { default: createPyodideModule } = await import(/* @vite-ignore */ asmUrl);
	const py: PyodideAPI = await loadPyodide({
		indexURL: new URL('./pyodide/', self.location.href).href,
		createPyodideModule,
		env: { HOME: '/home/pyodide' },
		stdout: () => {},
		stderr: () => {},
		// The first worker snapshots its memory once the stdlib samples commonly use is imported;
		// the pool starts every later worker from that (respawn after a timeout: ~3 s → ~0.3 s).
		...(ctx.snapshot ? { _loadSnapshot: ctx.snapshot } : { _makeSnapshot: true }),
	});
	let snapshot: Uint8Array | undefined;
	if (!ctx.snapshot) {
		py.runPython(PRELOAD.map((m) => `import ${m}`).join('\n'));
		snapshot = py.makeMemorySnapshot();
	}
	return { ...pythonEngine(py, ctx.interrupt, { harness, guard, syntax, evalplus }), snapshot };
}

serveSandbox(load);
