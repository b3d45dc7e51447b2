// Reranking in the terminal and the summary file: reranked pass@k per ranker beside plain pass@k,
// how many of the model's tests were right, and each problem's tests and pass matrix.
import type { SampleRecord, TestSetRecord } from '../src/lib/run/spec';
import { RANKER_LABELS, RANKERS, type Ranker } from '../src/lib/scoring/rerank';
import type { RerankReport } from '../src/lib/scoring/rerank-score';

export function parseRankers(arg: string): Ranker[] {
	const names = arg
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	const unknown = names.filter((n) => !(RANKERS as readonly string[]).includes(n));
	if (unknown.length || !names.length)
		throw new Error(
			`--rankers: unknown ${unknown.join(', ') || '(none given)'} (known: ${RANKERS.join(', ')})`,
		);
	return names as Ranker[];
}

export function rerankSummary(
	r: RerankReport,
	sets: readonly TestSetRecord[],
	records: readonly SampleRecord[],
) {
	const bySet = new Map(sets.map((s) => [s.taskId as string, s]));
	return {
		rankers: Object.fromEntries(
			r.rankers.map((x) => [x, { label: RANKER_LABELS[x], pass_at_k: r.passAtK[x], ci: r.ci[x] }]),
		),
		...(r.testsRight && { tests_right: r.testsRight }),
		problems: r.problems.map((p) => {
			const set = bySet.get(p.taskId);
			const samples = records.filter((x) => x.taskId === p.taskId).sort((a, b) => a.index - b.index);
			return {
				task_id: p.taskId,
				tests: (set?.tests ?? []).map((t, i) => ({
					text: t.text,
					weight: t.weight,
					...(set?.reference && { right: set.reference[i] }),
				})),
				// one string per sample: its verdict on each test, in the tests' order
				matrix: samples.map((s) => (s.testRow ?? []).map((x) => (x ? '1' : '0')).join('')),
				correct: samples.map((s) => s.result.status === 'passed'),
				picks: Object.fromEntries(Object.entries(p.byRanker).map(([k, v]) => [k, v.picks])),
			};
		}),
	};
}

export function rerankTable(r: RerankReport): string {
	const f = (x: number) => x.toFixed(4);
	const lines = ['reranked by the model’s own tests (CodeT’s reranked pass@k; random = plain pass@k)'];
	for (const ranker of r.rankers)
		for (const [key, v] of Object.entries(r.passAtK[ranker]!)) {
			const [lo, hi] = r.ci[ranker]![key]!;
			lines.push(
				`  ${ranker.padEnd(12)} ${key.padEnd(8)} ${f(v)}  95% CI [${f(lo)}, ${f(hi)}]  ${RANKER_LABELS[ranker]}`,
			);
		}
	if (r.testsRight)
		lines.push(`  tests right (the reference passes them): ${r.testsRight.right} of ${r.testsRight.checked}`);
	return lines.join('\n');
}
