// Diversity by behaviour: solutions merged by their outputs on extra inputs (hand-worked), and the
// plan's jobs run on the real Pyodide engine with HumanEval+'s plus inputs for a HumanEval problem.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Benchmark } from '../../src/lib/benchmarks/types';
import type { ExecResult } from '../../src/lib/core/result';
import { DEFAULT_LIMITS, type Engine } from '../../src/lib/execution/runtime';
import { companionOf } from '../../src/lib/benchmarks/support';
import { planBehaviour } from '../../src/lib/pipeline/behaviour';
import { behaviourGroups, diversity, type Diversity } from '../../src/lib/scoring/analyses/diversity';
import { loadPythonEngine } from '../support/python-engine';

const bundled = (id: string) => JSON.parse(readFileSync(`public/benchmarks/${id}.json`, 'utf8')) as Benchmark;

describe('behaviour groups', () => {
	it('merges solutions with equal signatures; one that cannot be told stays apart', () => {
		const d: Diversity = {
			definition: '',
			meanDistinct: 3,
			expected: {},
			perProblem: [
				{
					taskId: 't',
					n: 5,
					c: 4,
					groups: [{ samples: [0, 2] }, { samples: [1] }, { samples: [3] }],
					expected: {},
				},
			],
		};
		const sig = new Map([
			[0, 'a'],
			[1, 'a'],
		]);
		const b = behaviourGroups(d, [1, 5], (_t, g) => sig.get(g.samples[0]!), 'extra inputs');
		expect(b.perProblem[0]!.groups.map((g) => g.samples)).toEqual([[0, 1, 2], [3]]);
		// distinct@1 = 3/5 + 1/5; distinct@5 = 1 + 1 (every draw has both).
		expect(b.perProblem[0]!.expected['distinct@1']).toBeCloseTo(0.8, 12);
		expect(b.perProblem[0]!.expected['distinct@5']).toBe(2);
		expect([b.ran, b.unknown, b.meanDistinct]).toEqual([3, 1, 2]);
		expect(b.definition).toMatch(/same outputs on extra inputs/);
	});
});

describe("HumanEval/0's correct solutions on HumanEval+'s plus inputs", () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await loadPythonEngine();
	}, 120_000);

	// All four pass HumanEval's seven asserts; the first two are one behaviour in two shapes, the
	// third reads numbers[0] first (an empty list raises), the fourth counts a distance equal to the
	// threshold as close.
	const BODIES = [
		'    for i, a in enumerate(numbers):\n        for j, b in enumerate(numbers):\n            if i != j and abs(a - b) < threshold:\n                return True\n    return False\n',
		'    s = sorted(numbers)\n    return any(b - a < threshold for a, b in zip(s, s[1:]))\n',
		'    first = numbers[0]\n    return any(abs(a - b) < threshold for i, a in enumerate(numbers) for b in numbers[i + 1:])\n',
		'    s = sorted(numbers)\n    return any(b - a <= threshold for a, b in zip(s, s[1:]))\n',
	];

	it('runs one sample per shape and merges by outputs', async () => {
		const bench = { ...bundled('humaneval'), id: 'humaneval' };
		expect(companionOf(bench)).toMatchObject({ id: 'humaneval+', label: "HumanEval+'s plus inputs" });
		const codes = [BODIES[0]!, BODIES[1]!, BODIES[0]!, BODIES[2]!, BODIES[3]!];
		const d = diversity(
			codes.map((code) => ({ taskId: 'HumanEval/0', code, passed: true })),
			'python',
			[1],
		);
		expect(d.perProblem[0]!.groups.length).toBe(4);
		const plan = planBehaviour(
			d,
			[1],
			bench,
			bundled('humaneval+'),
			(_t, at) => ({ code: codes[at]!, full: false }),
			DEFAULT_LIMITS,
		);
		expect(plan.jobs.length).toBe(4);
		const results: ExecResult[] = [];
		for (const job of plan.jobs) results.push(await engine.run(job, performance.now() + 20_000));
		const b = (await plan.report(results)).behaviour!;
		expect(b.inputs).toBe("HumanEval+'s plus inputs");
		expect([b.ran, b.unknown]).toEqual([4, 0]);
		expect(b.perProblem[0]!.groups.map((g) => g.samples)).toEqual([[0, 1, 2], [3], [4]]);
	}, 60_000);
});
