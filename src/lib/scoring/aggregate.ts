// From per-sample verdicts to a benchmark score: pass@k per k (only where every problem has enough
// samples), its bootstrap CI, per-problem pass@k, and counts per status and failure kind.
import type { ExecResult, FailureKind, Status } from '../core/result';
import { bootstrapMeanCI, CI_METHOD } from './bootstrap';
import { passAtK } from './pass-at-k';

export interface Verdict {
	taskId: string;
	status: Status;
	kind?: FailureKind;
	/** EvalPlus benchmarks: the verdict on the base inputs alone (`status` is base and plus). */
	base?: Status;
	/** Python packages it imports that the sandbox could not load (ExecResult.missingPackages). */
	missingPackages?: readonly string[];
}

export interface ProblemScore {
	taskId: string;
	n: number;
	c: number;
	/** null where n < k. */
	passAtK: Record<string, number | null>;
}

export interface Score {
	/** "pass@1" → mean over problems; only ks every scored problem has n ≥ k for. */
	passAtK: Record<string, number>;
	ci: Record<string, [number, number]>;
	ciMethod: string;
	/** "pass@10" → the problems with fewer than 10 samples, for each k that cannot be reported. */
	shortOf: Record<string, string[]>;
	perProblem: ProblemScore[];
	counts: {
		status: Record<Status, number>;
		kind: Partial<Record<FailureKind, number>>;
		/** Failed samples that imported a package the sandbox could not load, by package: pass@k counts
		 * them as failures though the reference's environment may have had it ("needs numpy"). */
		needs?: Record<string, number>;
	};
	samples: number;
	attempted: number;
	/** Problems in the benchmark, when known: "n of N problems attempted". */
	total?: number;
}

export const DEFAULT_KS = [1, 10, 100];

/** "needs numpy (3 samples), scipy (1)": the failures the sandbox's missing packages may explain. */
export const needsText = (needs: Record<string, number>): string =>
	Object.entries(needs)
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.map(([p, n], i) => `${p} (${n}${i ? '' : n === 1 ? ' sample' : ' samples'})`)
		.join(', ');

/** HumanEval+ / MBPP+: a sample's verdict on the base inputs alone (its own verdict is base and plus). */
export const baseVerdict = (taskId: string, r: ExecResult): Verdict => ({
	taskId,
	status: r.evalplus?.base.status ?? r.status,
	kind: r.evalplus?.base.kind ?? r.kind,
});

export function score(
	verdicts: Iterable<Verdict>,
	ks: readonly number[] = DEFAULT_KS,
	total?: number,
): Score {
	const byTask = new Map<string, { n: number; c: number }>();
	const status: Record<Status, number> = { passed: 0, failed: 0, timeout: 0, error: 0 };
	const kind: Partial<Record<FailureKind, number>> = {};
	const needs: Record<string, number> = {};
	let samples = 0;
	for (const v of verdicts) {
		samples++;
		const t = byTask.get(v.taskId) ?? { n: 0, c: 0 };
		t.n++;
		if (v.status === 'passed') t.c++;
		byTask.set(v.taskId, t);
		status[v.status]++;
		if (v.kind) kind[v.kind] = (kind[v.kind] ?? 0) + 1;
		if (v.status !== 'passed') for (const p of v.missingPackages ?? []) needs[p] = (needs[p] ?? 0) + 1;
	}
	const perProblem: ProblemScore[] = [...byTask].map(([taskId, { n, c }]) => ({
		taskId,
		n,
		c,
		passAtK: Object.fromEntries(ks.map((k) => [`pass@${k}`, k <= n ? passAtK(n, c, k) : null])),
	}));
	const result: Score = {
		passAtK: {},
		ci: {},
		ciMethod: CI_METHOD,
		shortOf: {},
		perProblem,
		counts: { status, kind, ...(Object.keys(needs).length && { needs }) },
		samples,
		attempted: byTask.size,
		...(total !== undefined && { total }),
	};
	if (perProblem.length === 0) return result;
	for (const k of ks) {
		const key = `pass@${k}`;
		const short = perProblem.filter((p) => p.n < k).map((p) => p.taskId);
		if (short.length) {
			result.shortOf[key] = short;
			continue;
		}
		const values = perProblem.map((p) => p.passAtK[key]!);
		result.passAtK[key] = values.reduce((a, b) => a + b, 0) / values.length;
		result.ci[key] = bootstrapMeanCI(values);
	}
	return result;
}
