// Reranking's dual execution, measured in Node on the same Pyodide engine the worker runs (one core):
// HumanEval's 164 canonical solutions against their own tests' one-line assertions (`candidate`
// renamed to the function), as if a model had written them — once as one job per sample with every
// test inside (Benchtop's way), once as one job per sample and test (a process per pair, as CodeT's
// harness runs them). Both ways must give every test the same verdict. (Not every line passes: the
// crude extraction here also takes the first line of multi-line assertions and lines that use the
// check function's own variables — those fail both ways.)
//   npx tsx bench/dual.ts     (npm run bench runs it too)
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { harnessSources, pythonEngine } from '../runtimes/python/engine';
import type { Problem } from '../src/lib/benchmarks/types';
import { DEFAULT_LIMITS } from '../src/lib/execution/runtime';
import { dualJob, readRow } from '../src/lib/pipeline/dual';

const ROOT = new URL('..', import.meta.url).pathname;

export interface DualFigures {
	samples: number;
	tests: number;
	/** Tests the reference passed (one job per sample). */
	passed: number;
	/** Tests given the same verdict both ways, of `tests`. */
	agree: number;
	perSampleJobs: { seconds: number; perTest: number };
	perTestJobs: { seconds: number; perTest: number };
	speedup: number;
}

export async function dualSpeed(): Promise<DualFigures> {
	const bench = JSON.parse(readFileSync(`${ROOT}public/benchmarks/humaneval.json`, 'utf8')) as {
		problems: Problem[];
	};
	const py = await loadPyodide({ stdout: () => {}, stderr: () => {} });
	const engine = pythonEngine(
		py,
		null,
		harnessSources((f) => readFileSync(`${ROOT}runtimes/python/${f}`, 'utf8')),
	);
	const b = { language: 'python' as const, composition: 'human-eval' as const };
	const marker = 'BENCHTOP-TESTS-bench:';
	const cases = bench.problems.map((p) => ({
		p,
		tests: p.tests
			.split('\n')
			.map((l) => l.trim())
			.filter((l) => l.startsWith('assert candidate(') || l.startsWith('assert  candidate('))
			.map((l) => l.replaceAll('candidate(', `${p.entryPoint}(`)),
	}));
	const d = (p: Problem) => ({
		bench: b,
		problem: p,
		sample: { code: p.reference!, full: false },
		limits: DEFAULT_LIMITS,
		perTestMs: 1000,
	});
	const tests = cases.reduce((n, c) => n + c.tests.length, 0);
	const together: boolean[] = [];
	let t = performance.now();
	for (const c of cases) {
		const r = await engine.run(dualJob(d(c.p), c.tests, marker), Infinity);
		together.push(...(readRow(r.message, marker, c.tests.length) ?? c.tests.map(() => false)));
	}
	const perSample = (performance.now() - t) / 1000;
	const apart: boolean[] = [];
	t = performance.now();
	for (const c of cases)
		for (const test of c.tests) {
			const r = await engine.run(dualJob(d(c.p), [test], marker), Infinity);
			apart.push(readRow(r.message, marker, 1)?.[0] ?? false);
		}
	const perTest = (performance.now() - t) / 1000;
	return {
		samples: cases.length,
		tests,
		passed: together.filter(Boolean).length,
		agree: together.filter((x, i) => x === apart[i]).length,
		perSampleJobs: { seconds: perSample, perTest: (perSample * 1000) / tests },
		perTestJobs: { seconds: perTest, perTest: (perTest * 1000) / tests },
		speedup: perTest / perSample,
	};
}

if (process.argv[1] === new URL(import.meta.url).pathname)
	console.log(JSON.stringify(await dualSpeed(), null, 2));
