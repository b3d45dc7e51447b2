// --analyses efficiency: every passing sample timed against its problem's reference solution in
// headless Chromium — one worker, the two interleaved, EFFICIENCY_REPEATS runs each
// (src/lib/scoring/analyses/efficiency.ts says how the numbers are made).
import type { Benchmark } from '../src/lib/benchmarks/types';
import type { Limits } from '../src/lib/execution/runtime';
import type { Outcome } from '../src/lib/formats/results';
import { referenceSamples, sampleJob } from '../src/lib/pipeline/jobs';
import {
	efficiency,
	EFFICIENCY_REPEATS,
	type Efficiency,
	type Timed,
} from '../src/lib/scoring/analyses/efficiency';
import { runInBrowser } from './browser';
import { progressBar } from './progress';

export async function timeEfficiency(
	bench: Benchmark,
	outcomes: readonly Outcome[],
	limits: Limits,
): Promise<Efficiency> {
	const problems = new Map(bench.problems.map((p) => [p.taskId as string, p]));
	const references = new Map(referenceSamples(bench).map((s) => [s.taskId as string, s]));
	const chosen = outcomes
		.map((o, index) => ({ o, index }))
		.filter(({ o }) => o.result.status === 'passed' && references.has(o.sample.taskId));
	if (!chosen.length) return efficiency([]);
	// sample, reference, sample, reference, … for each chosen sample: on one worker they alternate.
	const jobs = chosen.flatMap(({ o }) => {
		const problem = problems.get(o.sample.taskId)!;
		const pair = [
			sampleJob(bench, problem, o.sample, limits),
			sampleJob(bench, problem, references.get(o.sample.taskId)!, limits),
		];
		return Array.from({ length: EFFICIENCY_REPEATS }, () => pair).flat();
	});
	const bar = progressBar(jobs.length, 'efficiency');
	const run = await runInBrowser(jobs, { workers: 1, onResult: (_i, status) => bar.tick(status) });
	bar.end();
	const timed: Timed[] = [];
	chosen.forEach(({ o, index }, c) => {
		const mine = run.results.slice(c * 2 * EFFICIENCY_REPEATS, (c + 1) * 2 * EFFICIENCY_REPEATS);
		// A run that did not pass this time (a flaky sample, a limit reached) is not a timing.
		if (mine.some((r) => r.status !== 'passed')) return;
		const [samples, refs] = [mine.filter((_, i) => i % 2 === 0), mine.filter((_, i) => i % 2 === 1)];
		const work = (rs: typeof mine) => rs.flatMap((r) => (r.work === undefined ? [] : [r.work]));
		timed.push({
			taskId: o.sample.taskId,
			index,
			sampleMs: samples.map((r) => r.durationMs),
			referenceMs: refs.map((r) => r.durationMs),
			sampleWork: work(samples),
			referenceWork: work(refs),
		});
	});
	return efficiency(timed);
}
