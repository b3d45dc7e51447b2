// ReCode's robustness metrics against values worked out by hand from their definitions in
// amazon-science/recode run_robust.py (calculate_metric for the greedy forms, report_results_coarse
// for the sampled ones).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { robustness, type PerturbedSet } from '../../src/lib/scoring/robustness';
import { nominalOfFamily, recodeRunOrder, recodeSelection } from '../../src/lib/benchmarks/recode';
import type { BenchmarkInfo } from '../../src/lib/benchmarks/types';

const T = true;
const F = false;

describe('ReCode robustness metrics', () => {
	it('greedy: per transformation and over a family (worst and best case across its transformations)', () => {
		const nominal = { a: [T], b: [T], c: [F], d: [F] };
		const sets: PerturbedSet[] = [
			{
				transformation: 'A',
				family: 'docstring',
				verdicts: { a: [T], b: [F], c: [T], d: [F] },
				faults: ['b', 'z'],
			},
			{ transformation: 'B', family: 'docstring', verdicts: { a: [T], b: [T], c: [F], d: [F] } },
		];
		const r = robustness(() => nominal, sets, [1]);
		expect(r.form).toBe('greedy');
		const [A, B] = r.perTransformation;
		// A: passes a and c → RP 2/4; the drop is 0 (as many won as lost); b and c changed → RR 2/4.
		expect([A!.nominal['pass@1'], A!.robustPass['pass@1']!.value, A!.robustDrop['pass@1']!.value]).toEqual([
			0.5, 0.5, 0,
		]);
		expect(A!.robustRelative['pass@1']!.value).toBe(0.5);
		expect(A!.flips.map((f) => f.taskId)).toEqual(['b', 'c']);
		// b's prompt is damaged in the released data (z was not run): its flip is marked, not dropped.
		expect(A!.faults).toEqual(['b']);
		expect(A!.flips.map((f) => !!f.fault)).toEqual([true, false]);
		expect(r.perFamily[0]!.faults).toEqual(['b']);
		// B is the nominal set again: nothing moves.
		expect([
			B!.robustPass['pass@1']!.value,
			B!.robustDrop['pass@1']!.value,
			B!.robustRelative['pass@1']!.value,
		]).toEqual([0.5, 0, 0]);
		// The family: worst case passes only a → RP 1/4, drop (1/2 − 1/4) / (1/2) = 1/2; b lost (worst
		// differs), c won (best differs) → RR 2/4.
		const [fam] = r.perFamily;
		expect(fam!.transformations).toEqual(['A', 'B']);
		expect(fam!.robustPass['pass@1']!.value).toBe(0.25);
		expect(fam!.robustDrop['pass@1']!.value).toBe(0.5);
		expect(fam!.robustRelative['pass@1']!.value).toBe(0.5);
		// The interval brackets the estimate.
		const ci = fam!.robustPass['pass@1']!.ci;
		expect(ci[0]).toBeLessThanOrEqual(0.25);
		expect(ci[1]).toBeGreaterThanOrEqual(0.25);
	});

	it('sampled: the pass@k estimator over samples correct in the worst case, and c⁻ / c⁺ for the relative metric', () => {
		const nominal = { p: [T, F, T], q: [F, F, F] };
		const sets: PerturbedSet[] = [
			{ transformation: 'A', family: 'format', verdicts: { p: [T, T, F], q: [F, F, T] } },
		];
		const r = robustness(() => nominal, sets, [1, 2, 5]);
		expect(r.form).toBe('sampled');
		const [A] = r.perTransformation;
		// p: nominal c = 2, worst c = 2; samples 1 and 2 flip (c⁻ = 2, c⁺ = 0).
		// q: nominal c = 0, worst c = 1; sample 2 flips (c⁻ = 1: its worst case differs).
		// pass@1: nominal (2/3 + 0) / 2 = 1/3; robust (2/3 + 1/3) / 2 = 1/2; drop (1/3 − 1/2) / (1/3) = −1/2.
		expect(A!.nominal['pass@1']).toBeCloseTo(1 / 3, 12);
		expect(A!.robustPass['pass@1']!.value).toBeCloseTo(0.5, 12);
		expect(A!.robustDrop['pass@1']!.value).toBeCloseTo(-0.5, 12);
		// RR@1 = ((2/3 + 0) + (1/3 + 0)) / 2 = 1/2.
		expect(A!.robustRelative['pass@1']!.value).toBeCloseTo(0.5, 12);
		// pass@2: p: 1 − C(1,2)/C(3,2) = 1 both; q: nominal 0, robust 1 − C(2,2)/C(3,2) = 2/3.
		// RR@2: p: est(3,2,2) + est(3,0,2) = 1; q: est(3,1,2) = 2/3 → (1 + 2/3) / 2 = 5/6.
		expect(A!.nominal['pass@2']).toBeCloseTo(0.5, 12);
		expect(A!.robustPass['pass@2']!.value).toBeCloseTo(5 / 6, 12);
		expect(A!.robustRelative['pass@2']!.value).toBeCloseTo(5 / 6, 12);
		// k beyond n is not reported.
		expect(A!.robustPass['pass@5']).toBeUndefined();
	});

	it('refuses sets that do not line up with the nominal one, naming the set and the problem', () => {
		expect(() =>
			robustness(() => ({ a: [T, T] }), [{ transformation: 'A', family: 'f', verdicts: { a: [T] } }], [1]),
		).toThrow('robustness: A has 1 samples of a, not 2');
	});
});

describe("ReCode's sets in the bundled index", () => {
	const index = JSON.parse(readFileSync('public/benchmarks/index.json', 'utf8')) as BenchmarkInfo[];
	it('picks families, transformations or all, names what matches nothing, and runs the nominal sets first', () => {
		const { chosen, unknown } = recodeSelection(['doc2comments', 'function-name', 'speling'], index);
		expect(unknown).toEqual(['speling']);
		expect(chosen).toHaveLength(7);
		expect(
			recodeRunOrder(chosen, index)
				.map((b) => b.id)
				.slice(0, 4),
		).toEqual([
			'recode/nominal-partial',
			'recode/nominal',
			'recode/doc2comments',
			'recode/FuncRenameButterFinger',
		]);
		expect(recodeSelection(['all'], index).chosen).toHaveLength(29);
		expect(nominalOfFamily('code-syntax', recodeSelection(['all'], index).chosen)).toBe(
			'recode/nominal-partial',
		);
		expect(nominalOfFamily('docstring', chosen)).toBeUndefined();
	});
});
