// Reranked pass@k for a run: each problem's pass matrix (its samples' rows over the model's tests)
// through each ranker, averaged over problems with the same bootstrap intervals as pass@k, beside
// plain pass@k; and how many of the model's tests were right, where a reference solution says.
import type { SampleRecord, TestSetRecord } from '../run/spec';
import { bootstrapMeanCI } from './bootstrap';
import { passAtK } from './pass-at-k';
import { rankGroups, rerankedPassAtK, topPicks, type Ranker } from './rerank';

export interface RerankProblem {
	taskId: string;
	/** Distinct tests the model wrote, and how many of them the reference passes (when checked). */
	tests: number;
	right?: number;
	/** Per ranker: its top picks (sample indices) and its pass@k here. */
	byRanker: Record<string, { picks: number[]; passAtK: Record<string, number> }>;
}

export interface RerankReport {
	rankers: Ranker[];
	/** The ks every problem has enough samples for. */
	ks: number[];
	passAtK: Record<string, Record<string, number>>;
	ci: Record<string, Record<string, [number, number]>>;
	problems: RerankProblem[];
	/** Over the problems whose tests were checked against a reference. */
	testsRight?: { right: number; checked: number };
}

export function rerankScore(
	records: readonly SampleRecord[],
	sets: Readonly<Record<string, Pick<TestSetRecord, 'tests' | 'reference'>>>,
	rankers: readonly Ranker[],
	ks: readonly number[],
): RerankReport {
	const byTask = new Map<string, SampleRecord[]>();
	for (const r of records) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), r]);
	const minN = Math.min(...[...byTask.values()].map((x) => x.length));
	const usable = ks.filter((k) => k <= minN);
	const problems: RerankProblem[] = [];
	let right = 0;
	let checked = 0;
	for (const [taskId, samples] of byTask) {
		samples.sort((a, b) => a.index - b.index);
		const set = sets[taskId];
		const weights = set?.tests.map((t) => t.weight) ?? [];
		const rows = samples.map((s) =>
			s.testRow?.length === weights.length ? s.testRow : weights.map(() => false),
		);
		const correct = samples.map((s) => s.result.status === 'passed');
		const c = correct.filter(Boolean).length;
		const byRanker: RerankProblem['byRanker'] = {};
		for (const ranker of rankers) {
			if (ranker === 'random') {
				byRanker[ranker] = {
					picks: samples.map((_, i) => i),
					passAtK: Object.fromEntries(usable.map((k) => [`pass@${k}`, passAtK(samples.length, c, k)])),
				};
				continue;
			}
			const groups = rankGroups(ranker, { rows, weights });
			byRanker[ranker] = {
				picks: topPicks(groups),
				passAtK: Object.fromEntries(usable.map((k) => [`pass@${k}`, rerankedPassAtK(groups, correct, k)])),
			};
		}
		const ok = set?.reference?.filter(Boolean).length;
		if (ok !== undefined) {
			right += ok;
			checked += set!.tests.length;
		}
		problems.push({ taskId, tests: weights.length, ...(ok !== undefined && { right: ok }), byRanker });
	}
	const passAtKs: RerankReport['passAtK'] = {};
	const ci: RerankReport['ci'] = {};
	for (const ranker of rankers) {
		passAtKs[ranker] = {};
		ci[ranker] = {};
		for (const k of usable) {
			const values = problems.map((p) => p.byRanker[ranker]!.passAtK[`pass@${k}`]!);
			passAtKs[ranker]![`pass@${k}`] = values.reduce((a, b) => a + b, 0) / values.length;
			ci[ranker]![`pass@${k}`] = bootstrapMeanCI(values);
		}
	}
	return {
		rankers: [...rankers],
		ks: usable,
		passAtK: passAtKs,
		ci,
		problems,
		...(checked > 0 && { testsRight: { right, checked } }),
	};
}
