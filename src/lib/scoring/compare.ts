// Two runs on the same benchmark, problem by problem: who wins where, and whether the difference in
// pass@1 is bigger than chance — a paired bootstrap interval and a paired sign-flip permutation test
// over the problems both runs attempted (seeded, so the same runs always give the same answer).
import { mulberry32 } from './bootstrap';
import type { Score } from './aggregate';

export interface ProblemComparison {
	taskId: string;
	a: number | null;
	b: number | null;
	/** Which run did better on this problem's pass@1. */
	outcome: 'a' | 'b' | 'tie' | 'only-a' | 'only-b';
}

export interface Comparison {
	problems: ProblemComparison[];
	/** Problems both runs attempted. */
	shared: number;
	/** Mean over shared problems of pass@1(a) − pass@1(b). */
	difference: number;
	ci: [number, number];
	pValue: number;
	/** p < 0.05 by the permutation test — honest with few problems, where a bootstrap interval is
	 * too narrow (4 problems all favouring A give p ≈ 0.12, not a win). */
	meaningful: boolean;
	method: string;
}

const COMPARE_METHOD = {
	resamples: 5000,
	seed: 0xc0ffee,
	text: 'paired over problems: percentile bootstrap of the mean difference in pass@1 and a sign-flip permutation test, 5000 resamples each, seeded',
};

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);

export function compareRuns(a: Score, b: Score): Comparison {
	const pa = new Map(a.perProblem.map((p) => [p.taskId, p.passAtK['pass@1'] ?? null]));
	const pb = new Map(b.perProblem.map((p) => [p.taskId, p.passAtK['pass@1'] ?? null]));
	const ids = [...new Set([...pa.keys(), ...pb.keys()])];
	const problems: ProblemComparison[] = ids.map((taskId) => {
		const x = pa.get(taskId) ?? null;
		const y = pb.get(taskId) ?? null;
		const outcome = x === null ? 'only-b' : y === null ? 'only-a' : x > y ? 'a' : y > x ? 'b' : 'tie';
		return { taskId, a: x, b: y, outcome };
	});
	const diffs = problems.filter((p) => p.a !== null && p.b !== null).map((p) => p.a! - p.b!);
	const observed = mean(diffs);
	const rand = mulberry32(COMPARE_METHOD.seed);
	const boots: number[] = [];
	let extreme = 0;
	for (let r = 0; r < COMPARE_METHOD.resamples; r++) {
		let sum = 0;
		let flipped = 0;
		for (let i = 0; i < diffs.length; i++) {
			sum += diffs[Math.floor(rand() * diffs.length)]!;
			flipped += rand() < 0.5 ? diffs[i]! : -diffs[i]!;
		}
		boots.push(sum / (diffs.length || 1));
		if (Math.abs(flipped / (diffs.length || 1)) >= Math.abs(observed) - 1e-12) extreme++;
	}
	boots.sort((x, y) => x - y);
	const at = (q: number) => boots[Math.min(boots.length - 1, Math.max(0, Math.floor(q * boots.length)))]!;
	const ci: [number, number] = diffs.length ? [at(0.025), at(0.975)] : [0, 0];
	return {
		problems,
		shared: diffs.length,
		difference: observed,
		ci,
		pValue: diffs.length ? (extreme + 1) / (COMPARE_METHOD.resamples + 1) : 1,
		meaningful: diffs.length > 0 && (extreme + 1) / (COMPARE_METHOD.resamples + 1) < 0.05,
		method: COMPARE_METHOD.text,
	};
}

/** One problem across several runs: each run's pass@1 (null where it did not attempt it) and which
 * runs did best (by index). */
export interface ProblemRow {
	taskId: string;
	values: (number | null)[];
	best: number[];
}

/** pass@1 of every run on every problem any of them attempted, in the first run's order. */
export function problemTable(scores: readonly (Score | undefined)[]): ProblemRow[] {
	const ids = [...new Set(scores.flatMap((s) => s?.perProblem.map((p) => p.taskId) ?? []))];
	const values = scores.map(
		(s) => new Map(s?.perProblem.map((p) => [p.taskId as string, p.passAtK['pass@1'] ?? null]) ?? []),
	);
	return ids.map((taskId) => {
		const v = values.map((m) => m.get(taskId) ?? null);
		const top = Math.max(...v.map((x) => x ?? -1));
		return { taskId, values: v, best: v.flatMap((x, i) => (x !== null && x === top ? [i] : [])) };
	});
}

/** For each run, on how many problems it alone or with some (not all) others did best; and on how
 * many all runs tied. */
export function bestCounts(rows: readonly ProblemRow[], runs: number): { best: number[]; allTied: number } {
	const decided = rows.filter((r) => r.best.length < runs);
	return {
		best: Array.from({ length: runs }, (_, i) => decided.filter((r) => r.best.includes(i)).length),
		allTied: rows.length - decided.length,
	};
}
