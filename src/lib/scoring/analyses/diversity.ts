// How many different correct solutions a model finds. A problem's passing samples are grouped by
// shape (normalize.ts: one solution however it is spelled); the report gives the number of groups
// and the expected number of distinct correct solutions among K samples drawn from all n, by the
// same unbiased counting as pass@k: E = Σ over groups g of 1 − C(n − |g|, K) / C(n, K), so
// distinct@1 equals pass@1 and distinct@K ≥ pass@K.
import type { Language } from '../../core/ids';
import { passAtK } from '../pass-at-k';
import { shapeOf } from './normalize';

/** What the report says it measures, next to the numbers. */
export const DIVERSITY_DEFINITION =
	"Benchtop's definition: correct samples with the same code shape (comments, docstrings, layout, quotes and the sample's own names abstracted) are one solution. " +
	'"How Diversely Can Language Models Solve Problems?" groups correct solutions by algorithm with a model as judge instead, so two shapes of one algorithm count as two here and one there.';

export interface DiversitySample {
	taskId: string;
	code: string;
	passed: boolean;
}

export interface SolutionGroup {
	/** Positions of the group's samples among the problem's samples, in input order. */
	samples: number[];
}

export interface ProblemDiversity {
	taskId: string;
	n: number;
	c: number;
	/** Largest first. */
	groups: SolutionGroup[];
	/** "distinct@K" → expected distinct correct solutions among K draws; null where n < K. */
	expected: Record<string, number | null>;
}

export interface Diversity {
	definition: string;
	perProblem: ProblemDiversity[];
	/** Mean number of groups over the problems with at least one correct sample. */
	meanDistinct: number | null;
	/** "distinct@K" → mean over every problem (0 for one never solved), only where every n ≥ K. */
	expected: Record<string, number>;
}

export function diversity(
	samples: Iterable<DiversitySample>,
	language: Language,
	ks: readonly number[],
): Diversity {
	const byTask = new Map<string, DiversitySample[]>();
	for (const s of samples) byTask.set(s.taskId, [...(byTask.get(s.taskId) ?? []), s]);
	const perProblem = [...byTask].map(([taskId, list]): ProblemDiversity => {
		const shapes = new Map<string, number[]>();
		list.forEach((s, i) => {
			if (!s.passed) return;
			const shape = shapeOf(s.code, language);
			shapes.set(shape, [...(shapes.get(shape) ?? []), i]);
		});
		const groups = [...shapes]
			.map(([, at]) => ({ samples: at }))
			.sort((a, b) => b.samples.length - a.samples.length || a.samples[0]! - b.samples[0]!);
		const n = list.length;
		const expected = Object.fromEntries(
			ks.map((k) => [
				`distinct@${k}`,
				k > n ? null : groups.reduce((sum, g) => sum + passAtK(n, g.samples.length, k), 0),
			]),
		);
		return { taskId, n, c: groups.reduce((s, g) => s + g.samples.length, 0), groups, expected };
	});
	const solved = perProblem.filter((p) => p.c > 0);
	const meanDistinct = solved.length ? solved.reduce((s, p) => s + p.groups.length, 0) / solved.length : null;
	const expected: Record<string, number> = {};
	for (const k of ks) {
		const values = perProblem.map((p) => p.expected[`distinct@${k}`]);
		if (values.length && values.every((v) => v !== null && v !== undefined))
			expected[`distinct@${k}`] = (values as number[]).reduce((a, b) => a + b, 0) / values.length;
	}
	return { definition: DIVERSITY_DEFINITION, perProblem, meanDistinct, expected };
}
