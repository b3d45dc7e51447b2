// Efficiency's measurement (scoring/analyses/efficiency.ts says how the numbers are made): which
// samples are timed — the passing ones whose problem has a reference solution — the jobs, sample and
// reference interleaved EFFICIENCY_REPEATS times on one worker, and the timings read back from the
// verdicts. The CLI runs the jobs in headless Chromium, the app on a one-worker executor of its own.
import type { Benchmark } from '../benchmarks/types';
import type { ExecResult } from '../core/result';
import type { Sample } from '../core/sample';
import type { Executes, Job, Limits } from '../execution/runtime';
import { EFFICIENCY_REPEATS, efficiency, type Efficiency, type Timed } from '../scoring/analyses/efficiency';
import { referenceSamples, sampleJob } from './jobs';

/** A finished sample: its code and its verdict, and its position among the run's samples. */
export interface Passed {
	sample: Sample;
	result: Pick<ExecResult, 'status'>;
}

export interface EfficiencyPlan {
	jobs: Job[];
	/** Reads the jobs' results (in the jobs' order) into the report. */
	report(results: readonly ExecResult[]): Efficiency;
}

export function planEfficiency(
	bench: Benchmark,
	outcomes: readonly Passed[],
	limits: Limits,
): EfficiencyPlan {
	const problems = new Map(bench.problems.map((p) => [p.taskId as string, p]));
	const references = new Map(referenceSamples(bench).map((s) => [s.taskId as string, s]));
	const chosen = outcomes
		.map((o, index) => ({ o, index }))
		.filter(({ o }) => o.result.status === 'passed' && references.has(o.sample.taskId));
	// Python reports peak memory on request: one traced run each after the timed ones (tracing slows
	// a run, so it is never one of the timings).
	const traced = bench.language === 'python' ? 2 : 0;
	const per = 2 * EFFICIENCY_REPEATS + traced;
	// sample, reference, sample, reference, … for each chosen sample: on one worker they alternate.
	const jobs = chosen.flatMap(({ o }) => {
		const problem = problems.get(o.sample.taskId)!;
		const pair = [
			sampleJob(bench, problem, o.sample, limits),
			sampleJob(bench, problem, references.get(o.sample.taskId)!, limits),
		];
		const timed = Array.from({ length: EFFICIENCY_REPEATS }, () => pair).flat();
		return traced ? [...timed, ...pair.map((j) => ({ ...j, measureMemory: true }))] : timed;
	});
	const report = (results: readonly ExecResult[]) => {
		const timed: Timed[] = [];
		chosen.forEach(({ o, index }, c) => {
			const all = results.slice(c * per, (c + 1) * per);
			const mine = all.slice(0, 2 * EFFICIENCY_REPEATS);
			// A run that did not pass this time (a flaky sample, a limit reached) is not a timing.
			if (mine.length < 2 * EFFICIENCY_REPEATS || mine.some((r) => r.status !== 'passed')) return;
			const [sampleMem, referenceMem] = all.slice(2 * EFFICIENCY_REPEATS);
			const bytes = (r?: ExecResult) => (r?.status === 'passed' ? r.peakBytes : undefined);
			const [samples, refs] = [mine.filter((_, i) => i % 2 === 0), mine.filter((_, i) => i % 2 === 1)];
			const work = (rs: typeof mine) => rs.flatMap((r) => (r.work === undefined ? [] : [r.work]));
			timed.push({
				taskId: o.sample.taskId,
				index,
				sampleMs: samples.map((r) => r.durationMs),
				referenceMs: refs.map((r) => r.durationMs),
				sampleWork: work(samples),
				referenceWork: work(refs),
				sampleBytes: bytes(sampleMem),
				referenceBytes: bytes(referenceMem),
			});
		});
		return efficiency(timed);
	};
	return { jobs, report };
}

/** Runs the plan one job after another on `executor` (one worker: the interleaving holds). */
export async function measureEfficiency(
	plan: EfficiencyPlan,
	executor: Executes,
	onJob?: (done: number, total: number) => void,
): Promise<Efficiency> {
	const results: ExecResult[] = [];
	for (const job of plan.jobs) {
		results.push(await executor.run(job));
		onJob?.(results.length, plan.jobs.length);
	}
	return plan.report(results);
}
