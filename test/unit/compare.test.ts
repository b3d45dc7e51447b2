// Comparing two runs: per-problem outcomes and a paired test that calls a real difference
// meaningful and noise not.
import { describe, expect, it } from 'vitest';
import { taskId } from '../../src/lib/core/ids';
import { bestCounts, compareRuns, problemTable } from '../../src/lib/scoring/compare';
import { score } from '../../src/lib/scoring';

const run = (passes: Record<string, boolean[]>) =>
	score(
		Object.entries(passes).flatMap(([t, ps]) =>
			ps.map((p) => ({ taskId: taskId(t), status: p ? ('passed' as const) : ('failed' as const) })),
		),
		[1],
	);

describe('compareRuns', () => {
	it('names the winner of each problem and the mean difference', () => {
		const c = compareRuns(
			run({ p1: [true, true], p2: [false, false], p3: [true, false] }),
			run({ p1: [false, false], p2: [false, false], p4: [true, true] }),
		);
		expect(c.problems).toEqual([
			{ taskId: 'p1', a: 1, b: 0, outcome: 'a' },
			{ taskId: 'p2', a: 0, b: 0, outcome: 'tie' },
			{ taskId: 'p3', a: 0.5, b: null, outcome: 'only-a' },
			{ taskId: 'p4', a: null, b: 1, outcome: 'only-b' },
		]);
		expect(c.shared).toBe(2);
		expect(c.difference).toBe(0.5);
	});

	it('a consistent win over 30 problems is meaningful; identical runs are not', () => {
		const strong = Object.fromEntries(
			Array.from({ length: 30 }, (_, i) => [`p${i}`, [true, true, i % 5 !== 0]]),
		);
		const weak = Object.fromEntries(
			Array.from({ length: 30 }, (_, i) => [`p${i}`, [i % 3 === 0, false, false]]),
		);
		const c = compareRuns(run(strong), run(weak));
		expect(c.meaningful).toBe(true);
		expect(c.pValue).toBeLessThan(0.001);
		expect(c.ci[0]).toBeGreaterThan(0);
		const same = compareRuns(run(strong), run(strong));
		expect(same).toMatchObject({ difference: 0, meaningful: false, pValue: 1 });
	});

	it('a difference resting on one problem out of many is not meaningful', () => {
		const a = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i}`, [i % 2 === 0]]));
		const b = { ...a, p1: [true] };
		const c = compareRuns(run(a), run(b));
		expect(c.difference).toBeCloseTo(-0.05, 12);
		expect(c.meaningful).toBe(false);
		expect(c.pValue).toBeGreaterThan(0.5);
	});

	it('four problems all favouring one run are not enough to call it (p ≈ 0.12)', () => {
		const c = compareRuns(
			run({ p1: [true], p2: [true], p3: [true], p4: [true] }),
			run({
				p1: [true, true, false],
				p2: [true, true, false],
				p3: [false, true, true],
				p4: [false, false, false],
			}),
		);
		expect(c.difference).toBeCloseTo(0.5, 12);
		expect(c.pValue).toBeGreaterThan(0.1);
		expect(c.meaningful).toBe(false);
	});

	it('is deterministic', () => {
		const a = run({ p1: [true], p2: [false], p3: [true] });
		const b = run({ p1: [false], p2: [false], p3: [true] });
		expect(compareRuns(a, b)).toEqual(compareRuns(a, b));
	});
});

describe('problemTable', () => {
	it("lists every problem any run attempted, in the first run's order, with the best runs", () => {
		const rows = problemTable([
			run({ p1: [true, false], p2: [false, false] }),
			run({ p1: [true, true], p3: [true, true] }),
			undefined,
			run({ p1: [true, true], p2: [false, false] }),
		]);
		expect(rows).toEqual([
			{ taskId: 'p1', values: [0.5, 1, null, 1], best: [1, 3] },
			{ taskId: 'p2', values: [0, null, null, 0], best: [0, 3] },
			{ taskId: 'p3', values: [null, 1, null, null], best: [1] },
		]);
		expect(bestCounts(rows, 4)).toEqual({ best: [1, 2, 0, 2], allTied: 0 });
	});

	it('counts problems where every run did equally well as ties, not wins', () => {
		const rows = problemTable([run({ p1: [true], p2: [false] }), run({ p1: [true], p2: [true] })]);
		expect(bestCounts(rows, 2)).toEqual({ best: [0, 1], allTied: 1 });
	});
});
