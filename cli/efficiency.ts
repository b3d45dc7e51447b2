// --analyses efficiency: every passing sample timed against its problem's reference solution in
// headless Chromium — one worker, the two interleaved (src/lib/pipeline/efficiency.ts plans the
// jobs, src/lib/scoring/analyses/efficiency.ts says how the numbers are made).
import type { Benchmark } from '../src/lib/benchmarks/types';
import type { Limits } from '../src/lib/execution/runtime';
import type { Outcome } from '../src/lib/formats/results';
import { planEfficiency } from '../src/lib/pipeline/efficiency';
import type { Efficiency } from '../src/lib/scoring/analyses/efficiency';
import { runInBrowser } from './browser';
import { progressBar } from './progress';

export async function timeEfficiency(
	bench: Benchmark,
	outcomes: readonly Outcome[],
	limits: Limits,
): Promise<Efficiency> {
	const plan = planEfficiency(bench, outcomes, limits);
	if (!plan.jobs.length) return plan.report([]);
	const bar = progressBar(plan.jobs.length, 'efficiency');
	const run = await runInBrowser(plan.jobs, { workers: 1, onResult: (_i, status) => bar.tick(status) });
	bar.end();
	return plan.report(run.results);
}
