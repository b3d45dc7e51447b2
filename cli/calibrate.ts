// `--calibrated` for benchtop score: every problem's reference is run first in the same browser,
// and each problem's time limit follows evalplus's rule.
import type { Benchmark } from '../src/lib/benchmarks/types';
import type { Limits } from '../src/lib/execution/runtime';
import { CALIBRATION_RUNS, calibratedLimits, referenceJob } from '../src/lib/pipeline/calibrate';
import { EVALPLUS_CALIBRATION } from '../src/lib/run/spec';
import type { Sample } from '../src/lib/core/sample';
import { runInBrowser } from './browser';
import { progressBar } from './progress';

/** evalplus's rule for `--calibrated`: each problem's limit from its reference's time in the same
 * browser (run first, CALIBRATION_RUNS times each); problems without a passing reference keep `base`. */
export async function calibrate(
	bench: Benchmark,
	samples: readonly Sample[],
	base: Limits,
	workers: number | undefined,
): Promise<(taskId: string) => Limits> {
	const wanted = new Set(samples.map((s) => s.taskId as string));
	const refs = bench.problems.filter((p) => p.reference !== undefined && wanted.has(p.taskId));
	const jobs = refs.flatMap((p) =>
		Array.from({ length: CALIBRATION_RUNS }, () => referenceJob(bench, p, base)),
	);
	const bar = progressBar(jobs.length, 'calibrating');
	const { results } = await runInBrowser(jobs, { workers, onResult: (_i, status) => bar.tick(status) });
	bar.end();
	const limits = new Map<string, Limits>();
	refs.forEach((p, i) => {
		const rs = results.slice(i * CALIBRATION_RUNS, (i + 1) * CALIBRATION_RUNS);
		if (rs.every((r) => r.status === 'passed'))
			limits.set(
				p.taskId,
				calibratedLimits(
					base,
					EVALPLUS_CALIBRATION,
					rs.map((r) => r.durationMs),
				),
			);
	});
	return (taskId) => limits.get(taskId) ?? base;
}
