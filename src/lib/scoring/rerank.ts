// Picking a problem's best sample by the tests the model wrote for it. Every sample is run against
// every generated test; the pass matrix (samples × tests) is all a ranker sees. Rankers group samples
// and score the groups; reranked pass@k is then the chance that the top k picks hold a correct
// sample, computed as CodeT's official evaluation does (src/evaluation.py,
// get_result_of_sorted_solutions): groups of equal score merge, one pick per group from the top, a
// group's pick is right with probability c/n, and when there are fewer groups than k the extra picks
// go round the groups again from the top.
import { passAtK } from './pass-at-k';

export const RANKERS = ['codet', 'codet-paper', 'b4', 'maxpass', 'random'] as const;
export type Ranker = (typeof RANKERS)[number];

/** What each ranker is, for tables and the view. */
export const RANKER_LABELS: Record<Ranker, string> = {
	codet: 'CodeT (official code: |tests| × √|samples|)',
	'codet-paper': 'CodeT (paper: |tests| × |samples|)',
	b4: `B4 (β₀ = ${1e4}, α_xy = ${1e3})`,
	maxpass: 'MaxPass (most tests passed)',
	random: 'random (plain pass@k)',
};

/** One problem's pass matrix: `rows[s][t]` is true when sample s passed generated test t. `weights[t]`
 * is how many of the model's test generations wrote test t (CodeT counts duplicates). */
export interface PassMatrix {
	rows: readonly (readonly boolean[])[];
	weights: readonly number[];
}

export interface Group {
	/** Sample indices (rows). */
	members: number[];
	score: number;
}

const layoutKey = (row: readonly boolean[]) => row.map((x) => (x ? '1' : '0')).join('');

/** Samples with the same pass row, in the order their row first appears. */
function byLayout(rows: PassMatrix['rows']): { row: readonly boolean[]; members: number[] }[] {
	const out = new Map<string, { row: readonly boolean[]; members: number[] }>();
	rows.forEach((row, i) => {
		const k = layoutKey(row);
		const g = out.get(k) ?? { row, members: [] };
		g.members.push(i);
		out.set(k, g);
	});
	return [...out.values()];
}

const sortDesc = (groups: Group[]) => groups.sort((a, b) => b.score - a.score);

/** CodeT's dual agreement (agreement.py): samples that pass the same set of tests form a consensus
 * set; its score is the tests it passes (counted with duplicates) times √(its samples) — or, as the
 * paper writes it, times its samples. Samples that pass no test are in no set. */
export function codet(m: PassMatrix, form: 'code' | 'paper' = 'code'): Group[] {
	return sortDesc(
		byLayout(m.rows)
			.filter((g) => g.row.some(Boolean))
			.map((g) => {
				const tests = g.row.reduce((s, x, t) => s + (x ? m.weights[t]! : 0), 0);
				const samples = g.members.length;
				return { members: g.members, score: tests * (form === 'code' ? Math.sqrt(samples) : samples) };
			}),
	);
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 significant digits). */
export function lnGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
		12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
	];
	const z = x - 1;
	let a = c[0]!;
	const t = z + 7.5;
	for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

export const lnBeta = (a: number, b: number) => lnGamma(a) + lnGamma(b) - lnGamma(a + b);

/** ln B(ones + α, zeros + β): the log marginal likelihood of Bernoulli draws under a Beta(α, β)
 * prior, up to a constant (B4's bernoulli_with_beta_prior). */
const betaBernoulli = (ones: number, n: number, alpha = 1, beta = 1) => lnBeta(ones + alpha, n - ones + beta);

/** B4 (Chen et al., ASE 2024; strategy.py): for each distinct pass row y, the samples x that have it
 * are taken as the correct ones and y as the correct tests; the score is the log posterior of that
 * guess — four log-Beta terms: the share of correct samples and of correct tests (prior α_xy), how
 * often wrong samples pass correct tests, and how often they pass wrong tests (prior β₀). */
export function b4(m: PassMatrix, beta0 = 1e4, alphaXY = 1e3): Group[] {
	const n = m.rows.length;
	const tests = m.rows[0]?.length ?? 0;
	return sortDesc(
		byLayout(m.rows).map((g) => {
			const inX = new Set(g.members);
			const ys = g.row.filter(Boolean).length;
			let ones1 = 0;
			let size1 = 0;
			let ones0 = 0;
			let size0 = 0;
			m.rows.forEach((row, s) => {
				if (inX.has(s)) return;
				for (let t = 0; t < tests; t++) {
					if (g.row[t]) {
						size1++;
						if (row[t]) ones1++;
					} else {
						size0++;
						if (row[t]) ones0++;
					}
				}
			});
			const score =
				betaBernoulli(g.members.length, n, alphaXY) +
				betaBernoulli(ys, tests, alphaXY) +
				betaBernoulli(ones1, size1) +
				betaBernoulli(ones0, size0, 1, beta0);
			return { members: g.members, score };
		}),
	);
}

/** MaxPass: samples grouped by how many tests they pass, most first. */
export function maxPass(m: PassMatrix): Group[] {
	const by = new Map<number, number[]>();
	m.rows.forEach((row, s) => {
		const passed = row.filter(Boolean).length;
		by.set(passed, [...(by.get(passed) ?? []), s]);
	});
	return sortDesc([...by].map(([score, members]) => ({ members, score })));
}

export function rankGroups(ranker: Exclude<Ranker, 'random'>, m: PassMatrix): Group[] {
	if (ranker === 'codet') return codet(m, 'code');
	if (ranker === 'codet-paper') return codet(m, 'paper');
	if (ranker === 'b4') return b4(m);
	return maxPass(m);
}

/** The chance that the top k picks from `groups` (sorted by score) include a correct sample. With no
 * groups at all (no sample passed any test) the ranker knows nothing: plain pass@k. */
export function rerankedPassAtK(groups: readonly Group[], correct: readonly boolean[], k: number): number {
	if (groups.length === 0) {
		const c = correct.filter(Boolean).length;
		return k > correct.length ? (c > 0 ? 1 : 0) : passAtK(correct.length, c, k);
	}
	const merged: number[][] = [];
	let last = NaN;
	for (const g of groups) {
		if (merged.length && g.score === last) merged[merged.length - 1]!.push(...g.members);
		else merged.push([...g.members]);
		last = g.score;
	}
	const picks = merged.slice(0, k).map((members) => ({ members, count: 1 }));
	if (merged.length < k) for (let i = 0; i < k - merged.length; i++) picks[i % picks.length]!.count++;
	let allWrong = 1;
	for (const { members, count } of picks) {
		const right = members.filter((s) => correct[s]).length;
		allWrong *= (1 - right / members.length) ** count;
	}
	return 1 - allWrong;
}

/** The samples a ranker puts first: its top group after ties merge (the view marks them). */
export function topPicks(groups: readonly Group[]): number[] {
	if (!groups.length) return [];
	return groups.filter((g) => g.score === groups[0]!.score).flatMap((g) => g.members);
}
