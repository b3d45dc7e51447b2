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
	/** Set when a model as judge merged the shapes (judgeGroups). */
	judged?: Judged;
	/** Set when the solutions were also run on extra inputs (behaviourGroups). */
	behaviour?: Behaviour;
}

/** Distinct behaviours: the solutions (shape groups) that return the same outputs on inputs beyond
 * the tests are one behaviour. A coarser count than shapes — two algorithms that always agree are
 * one behaviour — and one no judge decides: outputs either differ or they do not. */
export interface Behaviour {
	/** Where the inputs came from ("HumanEval+'s plus inputs"). */
	inputs: string;
	definition: string;
	perProblem: ProblemDiversity[];
	meanDistinct: number | null;
	expected: Record<string, number>;
	/** Solutions run, and those whose outputs could not be compared (too big to hand over, or no
	 * inputs for the problem): each of those is kept as a behaviour of its own. */
	ran: number;
	unknown: number;
}

/** How one solution behaved on the extra inputs: equal signatures are equal behaviour; undefined
 * when it cannot be told. */
export type BehaviourOf = (taskId: string, group: SolutionGroup) => string | undefined;

/** What a judge did to a report: pairs asked, merges made, replies that were neither yes nor no. */
export interface Judged {
	model: string;
	template: { name: string; version: number };
	asked: number;
	merged: number;
	unclear: number;
}

/** Asks whether two solutions (their code) are one algorithm: true, false, or undefined (unclear). */
export type SameAlgorithm = (taskId: string, a: string, b: string) => Promise<boolean | undefined>;

/** Shape groups beyond this many in one problem are not paired up (n(n−1)/2 questions): the largest
 * ones are, the rest stay apart. */
export const MAX_JUDGED_GROUPS = 8;

/**
 * The report with shape groups a judge calls the same algorithm merged (union-find over every pair
 * of a problem's groups, each represented by its first sample's code), the counts and expectations
 * recomputed, and the definition saying so. `codeOf(taskId, position)`: a sample's code.
 */
export async function judgeGroups(
	d: Diversity,
	ks: readonly number[],
	codeOf: (taskId: string, position: number) => string,
	same: SameAlgorithm,
	judge: Pick<Judged, 'model' | 'template'>,
): Promise<Diversity & { judged: Judged }> {
	const judged: Judged = { ...judge, asked: 0, merged: 0, unclear: 0 };
	const perProblem: ProblemDiversity[] = [];
	for (const p of d.perProblem) {
		const groups = p.groups.slice(0, MAX_JUDGED_GROUPS);
		const parent = groups.map((_, i) => i);
		const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
		for (let i = 0; i < groups.length; i++)
			for (let j = i + 1; j < groups.length; j++) {
				if (root(i) === root(j)) continue; // already one solution
				judged.asked++;
				const answer = await same(
					p.taskId,
					codeOf(p.taskId, groups[i]!.samples[0]!),
					codeOf(p.taskId, groups[j]!.samples[0]!),
				);
				if (answer === undefined) judged.unclear++;
				if (answer) {
					parent[root(j)] = root(i);
					judged.merged++;
				}
			}
		const merged = new Map<number, number[]>();
		groups.forEach((g, i) => merged.set(root(i), [...(merged.get(root(i)) ?? []), ...g.samples]));
		const all = [...merged.values(), ...p.groups.slice(MAX_JUDGED_GROUPS).map((g) => g.samples)];
		perProblem.push(
			problemDiversity(
				p.taskId,
				p.n,
				all.map((at) => [...at].sort((a, b) => a - b)),
				ks,
			),
		);
	}
	return {
		...summarise(perProblem, ks, `${DIVERSITY_DEFINITION} ${JUDGED_DEFINITION(judge.model)}`),
		judged,
	};
}

/**
 * The report's solutions grouped by behaviour: shape groups (or judged ones) whose representative's
 * signature is equal are merged; one whose signature is unknown stays apart. One run per solution is
 * enough — samples of one shape run the same code.
 */
export function behaviourGroups(
	d: Diversity,
	ks: readonly number[],
	signatureOf: BehaviourOf,
	inputs: string,
): Behaviour {
	let ran = 0;
	let unknown = 0;
	const perProblem = d.perProblem.map((p) => {
		const by = new Map<string, number[]>();
		const apart: number[][] = [];
		for (const g of p.groups) {
			ran++;
			const sig = signatureOf(p.taskId, g);
			if (sig === undefined) {
				unknown++;
				apart.push(g.samples);
			} else by.set(sig, [...(by.get(sig) ?? []), ...g.samples]);
		}
		const sets = [...by.values(), ...apart].map((at) => [...at].sort((a, b) => a - b));
		return problemDiversity(p.taskId, p.n, sets, ks);
	});
	const definition =
		`Distinct behaviours: solutions that return the same outputs on ${inputs} (or stop at the same input with the same error) are one. ` +
		'Coarser than shapes: two algorithms that always agree count once.';
	const { meanDistinct, expected } = summarise(perProblem, ks, definition);
	return { inputs, definition, perProblem, meanDistinct, expected, ran, unknown };
}

const JUDGED_DEFINITION = (model: string) =>
	`Here the shapes were then put to ${model} pair by pair ("the same algorithm? yes or no"), and the ones it called one algorithm merged, as the paper does.`;

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
		return problemDiversity(taskId, list.length, [...shapes.values()], ks);
	});
	return summarise(perProblem, ks, DIVERSITY_DEFINITION);
}

/** A problem's groups (positions of its correct samples), largest first, and distinct@K. */
function problemDiversity(
	taskId: string,
	n: number,
	sets: number[][],
	ks: readonly number[],
): ProblemDiversity {
	const groups = sets
		.map((at) => ({ samples: at }))
		.sort((a, b) => b.samples.length - a.samples.length || a.samples[0]! - b.samples[0]!);
	const expected = Object.fromEntries(
		ks.map((k) => [
			`distinct@${k}`,
			k > n ? null : groups.reduce((sum, g) => sum + passAtK(n, g.samples.length, k), 0),
		]),
	);
	return { taskId, n, c: groups.reduce((s, g) => s + g.samples.length, 0), groups, expected };
}

function summarise(perProblem: ProblemDiversity[], ks: readonly number[], definition: string): Diversity {
	const solved = perProblem.filter((p) => p.c > 0);
	const meanDistinct = solved.length ? solved.reduce((s, p) => s + p.groups.length, 0) / solved.length : null;
	const expected: Record<string, number> = {};
	for (const k of ks) {
		const values = perProblem.map((p) => p.expected[`distinct@${k}`]);
		if (values.length && values.every((v) => v !== null && v !== undefined))
			expected[`distinct@${k}`] = (values as number[]).reduce((a, b) => a + b, 0) / values.length;
	}
	return { definition, perProblem, meanDistinct, expected };
}
