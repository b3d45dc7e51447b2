// HumanEval+ and MBPP+ as EvalPlus evaluates them (evalplus/evaluate.py): the reference solution is
// run once per problem on every input in this browser, which gives the expected outputs and each
// input's time; a sample is then run on the base inputs and on the plus inputs — two separate runs,
// as EvalPlus gives each its own process — each input under max(4 s, 4 × the reference's time on it).
// The sample's verdict is both (what EvalPlus's "plus" pass@k counts); each phase's is kept.
import type { Problem } from '../benchmarks/types';
import { BenchtopError, messageOf } from '../core/errors';
import type { ExecResult, PhaseVerdict } from '../core/result';
import type { Executes, InputTests, Job, Limits } from '../execution/runtime';

/** evalplus/config.py: DEFAULT_MIN_TIME_LIMIT (s) and DEFAULT_GT_TIME_LIMIT_FACTOR. */
export const EVALPLUS_TIME = { minMs: 4000, factor: 4 };
/** evalplus/eval untrusted_check: the whole run stops at min(60 s, Σ limits) + 1 s (+1 s to join). */
const PHASE_CAP_MS = 60_000;
const PHASE_SLACK_MS = 2_000;
/** The reference's own run: generous (HumanEval/139's reference takes ~30 s in WebAssembly). */
const ORACLE_MS = 600_000;
/** evalplus/eval: 4 GB per sample (EVALPLUS_MAX_MEMORY_BYTES); WebAssembly's 32-bit heap holds less,
 * and Pyodide needs some of it: the most a sample may grow to here. */
const EVALPLUS_MEMORY = 3 * 2 ** 30;

export type Phase = 'base' | 'plus';
export const PHASES: readonly Phase[] = ['base', 'plus'];

interface PhaseOracle {
	/** Pickled outputs, or the reference program when they are too big to hand to every sample. */
	expected: Uint8Array | string;
	timesMs: number[];
}

class ReferenceFailedError extends BenchtopError {
	override name = 'ReferenceFailedError';
}

export class EvalplusTester {
	readonly #oracles = new Map<string, Promise<Record<Phase, PhaseOracle>>>();

	constructor(
		private readonly executor: Executes,
		private readonly limits: Limits,
		private readonly time = EVALPLUS_TIME,
	) {}

	/** The sample's verdict on both phases; `program` is its solution (prompt + completion). */
	async test(problem: Problem, program: string): Promise<ExecResult> {
		let oracle: Record<Phase, PhaseOracle>;
		try {
			oracle = await this.#oracle(problem);
		} catch (e) {
			// Without the reference's outputs nothing can be judged: an error, not a failure of the sample.
			// Both phases say so, so the results file still has a plus status for every sample.
			const message = messageOf(e);
			const phase: PhaseVerdict = { status: 'error', kind: 'crash', message, inputs: 0 };
			return {
				status: 'error',
				kind: 'crash',
				message,
				stdout: '',
				stderr: '',
				truncated: false,
				durationMs: 0,
				evalplus: { base: phase, plus: phase },
			};
		}
		const [base, plus] = await Promise.all(
			PHASES.map((phase) => {
				const { expected, timesMs } = oracle[phase];
				const limitsMs = timesMs.map((t) => Math.max(this.time.minMs, this.time.factor * t));
				const total = limitsMs.reduce((a, b) => a + b, 0);
				// EvalPlus's 60 s cap assumes CPython's speed: where the reference alone needs more than
				// half of it here (Mbpp/599's takes 28 s on CPython), the cap grows to twice the reference's.
				const refMs = timesMs.reduce((a, b) => a + b, 0);
				const budgetMs = Math.min(Math.max(PHASE_CAP_MS, 2 * refMs), total) + PHASE_SLACK_MS;
				// Outputs computed in the sandbox first take the reference's own time (twice, for slack).
				const own = typeof expected === 'string' ? 2 * refMs : 0;
				return this.executor.run(
					this.#job(problem, phase, program, { expected, limitsMs, budgetMs }, budgetMs + own),
				);
			}),
		);
		return combine(base!, plus!, oracle.base.timesMs.length, oracle.plus.timesMs.length);
	}

	#oracle(problem: Problem): Promise<Record<Phase, PhaseOracle>> {
		let got = this.#oracles.get(problem.taskId);
		if (!got) {
			got = this.#measure(problem);
			this.#oracles.set(problem.taskId, got);
		}
		return got;
	}

	async #measure(problem: Problem): Promise<Record<Phase, PhaseOracle>> {
		if (problem.reference === undefined)
			throw new ReferenceFailedError(`${problem.taskId} has no reference solution to compute outputs from`);
		const program = problem.prompt + problem.reference;
		const runs = await Promise.all(
			PHASES.map((phase) =>
				this.executor.run(this.#job(problem, phase, program, { expected: null, limitsMs: null }, ORACLE_MS)),
			),
		);
		const out = {} as Record<Phase, PhaseOracle>;
		PHASES.forEach((phase, i) => {
			const r = runs[i]!;
			if (r.status !== 'passed' || !r.reference)
				throw new ReferenceFailedError(
					`the reference solution of ${problem.taskId} fails on its ${phase} inputs here: ${r.message ?? r.status}`,
				);
			out[phase] = { expected: r.reference.outputs ?? program, timesMs: r.reference.timesMs };
		});
		return out;
	}

	#job(
		problem: Problem,
		phase: Phase,
		program: string,
		run: Pick<InputTests, 'expected' | 'limitsMs' | 'budgetMs'>,
		timeMs: number,
	): Job {
		const ep = problem.evalplus!;
		return {
			language: 'python',
			program,
			entryPoint: problem.entryPoint,
			inputs: {
				dataset: ep.dataset,
				task: Number(problem.taskId.split('/')[1]),
				entryPoint: problem.entryPoint!,
				inputs: ep[phase],
				atol: ep.atol,
				...run,
			},
			limits: { ...this.limits, timeMs, memoryBytes: Math.max(this.limits.memoryBytes, EVALPLUS_MEMORY) },
		};
	}
}

function phaseVerdict(r: ExecResult, inputs: number): PhaseVerdict {
	const { status, kind, errorType, message, input } = r;
	return { status, kind, errorType, message, input, inputs };
}

/** Passed only if both passed; otherwise the first failing phase speaks for the sample. */
function combine(base: ExecResult, plus: ExecResult, nBase: number, nPlus: number): ExecResult {
	const speaker = base.status !== 'passed' ? base : plus;
	const phase = speaker === base ? 'base' : 'plus';
	return {
		...speaker,
		...(speaker.message !== undefined &&
			speaker.status !== 'passed' && { message: `${phase} inputs: ${speaker.message}` }),
		stdout: base.stdout + plus.stdout,
		stderr: base.stderr + plus.stderr,
		truncated: base.truncated || plus.truncated,
		durationMs: base.durationMs + plus.durationMs,
		evalplus: { base: phaseVerdict(base, nBase), plus: phaseVerdict(plus, nPlus) },
	};
}
