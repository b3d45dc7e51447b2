// ReCode's robustness metrics (Wang et al., 2022; amazon-science/recode run_robust.py), over the
// verdicts of a nominal set and its perturbed versions, per transformation and per family:
//   Robust Pass_s@k   — mean over problems of the pass@k estimator with c = the samples correct on
//                        every perturbed version (the worst case; the nominal verdict is not part of it);
//   Robust Drop_s@k   — (nominal pass@k − Robust Pass_s@k) / nominal pass@k;
//   Robust Relative_s@k — mean over problems of estimator(n, c⁻, k) + estimator(n, c⁺, k), where c⁻
//                        counts samples whose worst case differs from their nominal verdict and c⁺,
//                        of the rest, those whose best case differs.
// With one greedy sample (n = 1, k = 1) these are ReCode's greedy forms: fractions of problems.
// Intervals: the percentile bootstrap over problems used for pass@k, paired (one resample of
// problems for every quantity of a row). Where run_robust.py's per-family sampling report updates
// its best case with `and` (report_results_coarse), this follows its per-transformation code and
// the paper, which take the best case with `or`.
import { BOOTSTRAP, CI_METHOD, mulberry32 } from './bootstrap';
import { passAtK } from './pass-at-k';

/** taskId → each sample's verdict (true: passed), by sample index. */
export type SetVerdicts = Record<string, boolean[]>;

export interface PerturbedSet {
	transformation: string;
	family: string;
	verdicts: SetVerdicts;
	/** Problems whose perturbed prompt the released data damaged (RecodeSet.faults). */
	faults?: readonly string[];
}

export interface Estimate {
	value: number;
	ci: [number, number];
}

export interface RobustRow {
	/** A transformation's name, or a family's for the row over all of its transformations. */
	name: string;
	family: string;
	transformations: string[];
	/** "pass@1" → nominal pass@k, and the three robust metrics. */
	nominal: Record<string, number>;
	robustPass: Record<string, Estimate>;
	robustDrop: Record<string, Estimate>;
	robustRelative: Record<string, Estimate>;
	/** Problems where some sample's verdict differs between nominal and a perturbed version;
	 * `fault`: its prompt is damaged in the released data of one of the row's sets. */
	flips: { taskId: string; nominal: boolean[]; worst: boolean[]; best: boolean[]; fault?: true }[];
	/** Problems of this row (among those run) whose prompt is damaged in the released data. */
	faults: string[];
}

export interface Robustness {
	method: string;
	form: 'greedy' | 'sampled';
	n: number;
	perTransformation: RobustRow[];
	perFamily: RobustRow[];
}

function checkShapes(nominal: SetVerdicts, sets: readonly PerturbedSet[]): number {
	const tasks = Object.keys(nominal);
	if (!tasks.length) throw new Error('robustness: the nominal set has no verdicts');
	const n = nominal[tasks[0]!]!.length;
	for (const t of tasks)
		if (nominal[t]!.length !== n)
			throw new Error(`robustness: ${t} has ${nominal[t]!.length} nominal samples, not ${n}`);
	for (const s of sets)
		for (const t of tasks)
			if (s.verdicts[t]?.length !== n)
				throw new Error(
					`robustness: ${s.transformation} has ${s.verdicts[t]?.length ?? 0} samples of ${t}, not ${n}`,
				);
	return n;
}

/** One row: the nominal verdicts against the worst and best case over `sets`. */
function row(
	name: string,
	family: string,
	nominal: SetVerdicts,
	sets: readonly PerturbedSet[],
	ks: readonly number[],
	n: number,
): RobustRow {
	const tasks = Object.keys(nominal);
	const worst = tasks.map((t) => nominal[t]!.map((_, i) => sets.every((s) => s.verdicts[t]![i]!)));
	const best = tasks.map((t) => nominal[t]!.map((_, i) => sets.some((s) => s.verdicts[t]![i]!)));
	const count = (xs: boolean[]) => xs.filter(Boolean).length;
	const usable = ks.filter((k) => k <= n);
	// Per problem and k: nominal pass@k, robust pass@k, robust relative.
	const per = tasks.map((t, j) => {
		const nom = nominal[t]!;
		let neg = 0;
		let pos = 0;
		nom.forEach((v, i) => {
			if (worst[j]![i] !== v) neg++;
			else if (best[j]![i] !== v) pos++;
		});
		return usable.map((k) => ({
			nominal: passAtK(n, count(nom), k),
			robust: passAtK(n, count(worst[j]!), k),
			relative: passAtK(n, neg, k) + passAtK(n, pos, k),
		}));
	});
	const damaged = new Set(sets.flatMap((s) => s.faults ?? []).filter((t) => t in nominal));
	const out: RobustRow = {
		faults: tasks.filter((t) => damaged.has(t)),
		name,
		family,
		transformations: sets.map((s) => s.transformation),
		nominal: {},
		robustPass: {},
		robustDrop: {},
		robustRelative: {},
		flips: tasks.flatMap((t, j) =>
			nominal[t]!.some((v, i) => worst[j]![i] !== v || best[j]![i] !== v)
				? [
						{
							taskId: t,
							nominal: nominal[t]!,
							worst: worst[j]!,
							best: best[j]!,
							...(damaged.has(t) && { fault: true as const }),
						},
					]
				: [],
		),
	};
	usable.forEach((k, at) => {
		const key = `pass@${k}`;
		const col = (f: 'nominal' | 'robust' | 'relative') => per.map((p) => p[at]![f]);
		const [nom, rob, rel] = [col('nominal'), col('robust'), col('relative')];
		const stats = paired(tasks.length, (pick) => {
			const sum = (xs: number[]) => pick.reduce((s, i) => s + xs[i]!, 0);
			const [a, b, c] = [sum(nom), sum(rob), sum(rel)];
			return [b / pick.length, a === 0 ? NaN : (a - b) / a, c / pick.length];
		});
		const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
		out.nominal[key] = mean(nom);
		out.robustPass[key] = { value: mean(rob), ci: stats[0]! };
		out.robustDrop[key] = {
			value: mean(nom) === 0 ? NaN : (mean(nom) - mean(rob)) / mean(nom),
			ci: stats[1]!,
		};
		out.robustRelative[key] = { value: mean(rel), ci: stats[2]! };
	});
	return out;
}

/** Percentile intervals of several statistics over one shared bootstrap of problem indices. */
function paired(problems: number, stat: (pick: number[]) => number[]): [number, number][] {
	const rand = mulberry32(BOOTSTRAP.seed);
	const draws: number[][] = [];
	const pick = new Array<number>(problems);
	for (let r = 0; r < BOOTSTRAP.resamples; r++) {
		for (let i = 0; i < problems; i++) pick[i] = Math.floor(rand() * problems);
		stat(pick).forEach((v, s) => (draws[s] ??= []).push(v));
	}
	const tail = (1 - BOOTSTRAP.level) / 2;
	return draws.map((d) => {
		const v = d.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
		if (!v.length) return [NaN, NaN];
		const at = (q: number) => v[Math.min(v.length - 1, Math.max(0, Math.round(q * (v.length - 1))))]!;
		return [at(tail), at(1 - tail)];
	});
}

/** A set's verdicts from its records (any order). */
export function setVerdicts(
	records: Iterable<{ taskId: string; index: number; result: { status: string } }>,
): SetVerdicts {
	const by: SetVerdicts = {};
	for (const r of records) (by[r.taskId] ??= [])[r.index] = r.result.status === 'passed';
	return by;
}

/** The k a report is read at: the first asked for that n allows. */
export const reportedK = (report: Robustness, ks: readonly number[]) =>
	`pass@${ks.find((x) => x <= report.n) ?? 1}`;

/** The rows in reading order: each family, then its transformations. */
export const rowsInOrder = (report: Robustness): { row: RobustRow; family: boolean }[] =>
	report.perFamily.flatMap((f) => [
		{ row: f, family: true },
		...report.perTransformation.filter((t) => t.family === f.family).map((t) => ({ row: t, family: false })),
	]);

/**
 * Every transformation against its nominal set, and every family over all of its transformations.
 * `nominalOf(family)`: the nominal verdicts the family is measured against (ReCode compares its
 * code-syntax and format families with the partial-code nominal set).
 */
export function robustness(
	nominalOf: (family: string) => SetVerdicts,
	sets: readonly PerturbedSet[],
	ks: readonly number[],
): Robustness {
	const families = [...new Set(sets.map((s) => s.family))];
	let n = 0;
	for (const f of families)
		n = checkShapes(
			nominalOf(f),
			sets.filter((s) => s.family === f),
		);
	return {
		method: `${CI_METHOD}, paired across a row's metrics`,
		form: n === 1 ? 'greedy' : 'sampled',
		n,
		perTransformation: sets.map((s) => row(s.transformation, s.family, nominalOf(s.family), [s], ks, n)),
		perFamily: families.map((f) =>
			row(
				f,
				f,
				nominalOf(f),
				sets.filter((s) => s.family === f),
				ks,
				n,
			),
		),
	};
}
