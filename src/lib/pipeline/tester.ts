// One sample of one problem to its verdict, the way the benchmark's reference harness tests it: a
// composed program under the problem's limits (calibrated when the run asks), or EvalPlus's
// input-by-input runs for HumanEval+ / MBPP+. Runs, Verify and the CLI all test through here.
import type { Benchmark, Problem } from '../benchmarks/types';
import type { ExecResult } from '../core/result';
import type { Sample } from '../core/sample';
import type { Executes, Limits } from '../execution/runtime';
import type { Calibration } from '../run/spec';
import { Calibrator } from './calibrate';
import { EvalplusTester } from './evalplus';
import { sampleJob } from './jobs';

export interface Tested {
	program: string;
	result: ExecResult;
}

export class Tester {
	readonly #calibrator: Calibrator;
	readonly #evalplus: EvalplusTester;

	constructor(
		private readonly bench: Benchmark,
		private readonly executor: Executes,
		private readonly limits: Limits,
		calibration: Calibration | undefined,
	) {
		this.#calibrator = new Calibrator(bench, executor, limits, calibration);
		this.#evalplus = new EvalplusTester(executor, limits);
	}

	async test(problem: Problem, sample: Sample): Promise<Tested> {
		if (problem.evalplus) {
			const { program } = sampleJob(this.bench, problem, sample, this.limits);
			return { program, result: await this.#evalplus.test(problem, program) };
		}
		const job = sampleJob(this.bench, problem, sample, await this.#calibrator.limitsFor(problem));
		return { program: job.program, result: await this.executor.run(job) };
	}
}
