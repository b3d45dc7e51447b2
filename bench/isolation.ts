// The Python sandbox's isolation, measured in Node on the same Pyodide build the worker loads (one
// core, no browser, no pool): what restoring the memory image costs per sample, the per-sample floor
// of the whole engine, and the engine against a bare loop that exec()s the same programs in fresh
// globals with no isolation at all (the ceiling).
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { harnessSources, pythonEngine } from '../runtimes/python/engine';
import { DEFAULT_LIMITS } from '../src/lib/execution/runtime';

const ROOT = new URL('..', import.meta.url).pathname;

export interface IsolationFigures {
	imageBytes: number;
	restoreMs: number;
	floorMs: number;
	engineRate: number;
	bareRate: number;
	ratio: number;
	passed: number;
	samples: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function isolationCost(programs: string[]): Promise<IsolationFigures> {
	const py = await loadPyodide({ stdout: () => {}, stderr: () => {} });
	const engine = pythonEngine(
		py,
		null,
		harnessSources((f) => readFileSync(`${ROOT}runtimes/python/${f}`, 'utf8')),
	);
	const job = (program: string) => ({ language: 'python' as const, program, limits: DEFAULT_LIMITS });
	// Restoring alone, in rounds of 200 (the median round, per restore).
	const rounds: number[] = [];
	for (let r = 0; r < 7; r++) {
		const t = performance.now();
		for (let i = 0; i < 200; i++) engine.image.restore();
		rounds.push((performance.now() - t) / 200);
	}
	const floor: number[] = [];
	for (let r = 0; r < 7; r++) {
		const t = performance.now();
		for (let i = 0; i < 200; i++) engine.run(job('pass'), Infinity);
		floor.push((performance.now() - t) / 200);
	}
	// The programs through the engine, then the same programs bare.
	let passed = 0;
	let t = performance.now();
	for (const p of programs) if ((await engine.run(job(p), Infinity)).status === 'passed') passed++;
	const engineRate = programs.length / ((performance.now() - t) / 1000);
	const bare = py.runPython(
		'def _bare(src):\n    exec(compile(src, "<string>", "exec"), {})\n_bare',
	) as unknown as ((src: string) => void) & { destroy(): void };
	// A fresh Pyodide would be fairer still; the bare loop keeps every module the programs import.
	t = performance.now();
	for (const p of programs) {
		try {
			bare(p);
		} catch {
			// a failing program counts its time too
		}
	}
	const bareRate = programs.length / ((performance.now() - t) / 1000);
	return {
		imageBytes: engine.image.bytes,
		restoreMs: median(rounds),
		floorMs: median(floor),
		engineRate,
		bareRate,
		ratio: engineRate / bareRate,
		passed,
		samples: programs.length,
	};
}
