// Calibrated time limits (evalplus's rule): a problem's limit is max(minimum, factor × the time its
// reference solution takes in this browser), so a verdict does not depend on how fast the machine
// is. Problems without a reference keep the fixed limit.
import type { Benchmark, Problem } from '../benchmarks/types';
import type { Executes, Limits } from '../execution/runtime';
import type { Calibration } from '../run/spec';
import { sampleJob } from './jobs';

/** Runs of the reference timed; the slowest counts (a conservative limit in a noisy browser). */
export const CALIBRATION_RUNS = 2;

export function calibratedLimits(base: Limits, c: Calibration, referenceMs: readonly number[]): Limits {
	return { ...base, timeMs: Math.round(Math.max(c.minMs, c.factor * Math.max(...referenceMs))) };
}

/** The reference as a sample (it completes the prompt, or is the whole program for MBPP). */
export function referenceJob(bench: Benchmark, problem: Problem, limits: Limits) {
	return sampleJob(
		bench,
		problem,
		{ taskId: problem.taskId, code: problem.reference!, full: false, file: 'reference' },
		limits,
	);
}

/** Each problem's limits, measured once per problem the first time they are asked for. */
export class Calibrator {
	readonly #cache = new Map<string, Promise<Limits>>();

	constructor(
		private readonly bench: Benchmark,
		private readonly executor: Executes,
		private readonly base: Limits,
		private readonly calibration: Calibration | undefined,
	) {}

	limitsFor(problem: Problem): Promise<Limits> {
		if (!this.calibration || problem.reference === undefined) return Promise.resolve(this.base);
		let limits = this.#cache.get(problem.taskId);
		if (!limits) {
			limits = this.#measure(problem, this.calibration);
			this.#cache.set(problem.taskId, limits);
		}
		return limits;
	}

	async #measure(problem: Problem, c: Calibration): Promise<Limits> {
		const job = referenceJob(this.bench, problem, this.base);
		const times: number[] = [];
		for (let i = 0; i < CALIBRATION_RUNS; i++) {
			const r = await this.executor.run(job);
			// A reference that does not pass here cannot calibrate anything: the fixed limit stands.
			if (r.status !== 'passed') return this.base;
			times.push(r.durationMs);
		}
		return calibratedLimits(this.base, c, times);
	}
}
