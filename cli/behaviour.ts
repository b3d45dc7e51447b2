// Diversity by behaviour in the CLI: the run's correct solutions on HumanEval+'s / MBPP+'s plus
// inputs (pipeline/behaviour.ts), in headless Chromium on every core.
import type { Benchmark } from '../src/lib/benchmarks/types';
import type { Limits } from '../src/lib/execution/runtime';
import type { Outcome } from '../src/lib/formats/results';
import { companionOf } from '../src/lib/benchmarks/support';
import { planBehaviour } from '../src/lib/pipeline/behaviour';
import type { Diversity } from '../src/lib/scoring/analyses/diversity';
import { runInBrowser } from './browser';
import { progressBar } from './progress';

export async function behaviourDiversity(
	d: Diversity,
	bench: Benchmark,
	outcomes: readonly Outcome[],
	ks: readonly number[],
	limits: Limits,
	load: (id: string) => Promise<Benchmark>,
): Promise<Diversity> {
	const id = companionOf(bench)?.id;
	if (!id) return d;
	const byTask: Record<string, Outcome[]> = {};
	for (const x of outcomes) (byTask[x.sample.taskId] ??= []).push(x);
	const plan = planBehaviour(
		d,
		ks,
		bench,
		await load(id),
		(taskId, at) => byTask[taskId]![at]!.sample,
		limits,
	);
	if (!plan.jobs.length) return d;
	const bar = progressBar(plan.jobs.length, 'behaviour');
	const run = await runInBrowser(plan.jobs, { onResult: (_i, status) => bar.tick(status) });
	bar.end();
	return plan.report(run.results);
}
