// Diversity by behaviour, for the CLI (--analyses diversity) and the app (Results → distinct
// solutions): one sample of each correct solution is run on inputs beyond the benchmark's tests —
// HumanEval+'s and MBPP+'s plus inputs for HumanEval and MBPP runs — in EvalPlus's input-by-input
// mode, and its outputs (pickled by the sandbox) become its signature; scoring/analyses/diversity.ts
// merges the solutions whose signatures are equal.
import type { Benchmark, Problem } from '../benchmarks/types';
import { sha256Hex } from '../core/hash';
import type { ExecResult } from '../core/result';
import { compose, toJob } from '../execution/compose';
import type { Job, Limits } from '../execution/runtime';
import { behaviourGroups, type Diversity, type SolutionGroup } from '../scoring/analyses/diversity';
import { companionOf } from '../benchmarks/support';

/** Each problem's solutions may run this long on all its extra inputs (some have a thousand). */
const BEHAVIOUR_MS = 20_000;

export interface BehaviourPlan {
	jobs: Job[];
	/** The report with its behaviour groups, from the jobs' results in order. */
	report(results: readonly ExecResult[]): Promise<Diversity>;
}

/** A sample's code by problem and position (the positions the report's groups name). */
export type CodeOf = (taskId: string, at: number) => { code: string; full: boolean };

export function planBehaviour(
	d: Diversity,
	ks: readonly number[],
	bench: Pick<Benchmark, 'id' | 'language' | 'composition' | 'problems'>,
	companion: Pick<Benchmark, 'problems'>,
	codeOf: CodeOf,
	limits: Limits,
): BehaviourPlan {
	const c = companionOf(bench)!;
	const extra = new Map(companion.problems.map((p) => [p.taskId as string, p]));
	const own = new Map(bench.problems.map((p) => [p.taskId as string, p]));
	const runs: { group: SolutionGroup; job: Job }[] = [];
	for (const p of d.perProblem) {
		const plus = extra.get(c.task(p.taskId));
		const problem = own.get(p.taskId);
		if (!plus?.evalplus || !plus.entryPoint || !problem) continue;
		for (const group of p.groups)
			runs.push({
				group,
				job: behaviourJob(bench, problem, plus, codeOf(p.taskId, group.samples[0]!), limits),
			});
	}
	return {
		jobs: runs.map((r) => r.job),
		async report(results) {
			const sigs = new Map<SolutionGroup, string | undefined>();
			await Promise.all(runs.map(async (r, i) => sigs.set(r.group, await signature(results[i]))));
			return { ...d, behaviour: behaviourGroups(d, ks, (_t, g) => sigs.get(g), c.label) };
		},
	};
}

/** The solution defined, then its entry point called on each plus input, outputs handed back. */
function behaviourJob(
	bench: Pick<Benchmark, 'composition'>,
	problem: Problem,
	plus: Problem,
	sample: { code: string; full: boolean },
	limits: Limits,
): Job {
	const e = plus.evalplus!;
	// The prompt is part of a human-eval program (it has the signature and imports); MBPP's is prose.
	const prompt = bench.composition === 'human-eval' && !sample.full ? problem.prompt : '';
	const composed = compose('evalplus', {
		prompt,
		completion: sample.code,
		tests: '',
		entryPoint: plus.entryPoint,
	});
	const job = toJob('python', composed, { ...limits, timeMs: BEHAVIOUR_MS });
	const task = Number(plus.taskId.split('/')[1]);
	return {
		...job,
		inputs: {
			dataset: e.dataset,
			task,
			entryPoint: plus.entryPoint!,
			inputs: e.plus,
			atol: e.atol,
			expected: null,
			limitsMs: null,
		},
	};
}

/** Outputs' hash, or where and how it stopped; undefined when it cannot be told (outputs too big to
 * hand over, a crash of the sandbox). */
async function signature(r: ExecResult | undefined): Promise<string | undefined> {
	if (!r) return undefined;
	if (r.status === 'passed') {
		const out = r.reference?.outputs;
		if (!out) return undefined;
		return `returned ${await sha256Hex(new Uint8Array(out))}`;
	}
	if (r.status === 'error' || r.kind === 'crash' || r.kind === 'memory') return undefined;
	return `stopped at ${r.input ?? '?'}: ${r.status} ${r.errorType ?? r.kind ?? ''}`;
}
