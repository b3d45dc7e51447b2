// Verifying a run someone else made: every sample's code is run again in this browser, composed from
// the problems exactly as in a run, and each verdict is compared with the one the run claims. A blog
// post's number becomes a claim any reader can check.
import type { Benchmark } from '../benchmarks/types';
import type { ExecResult, Status } from '../core/result';
import type { Executes } from '../execution/runtime';
import type { RunMeta, SampleRecord } from '../run/spec';
import { Tester } from './tester';

export interface Difference {
	taskId: string;
	index: number;
	claimed: Status;
	here: ExecResult;
}

export interface VerifyProgress {
	done: number;
	total: number;
	differences: Difference[];
}

export async function verifyRun(
	meta: RunMeta,
	records: readonly SampleRecord[],
	bench: Benchmark,
	executor: Executes,
	onProgress: (p: VerifyProgress) => void = () => {},
): Promise<VerifyProgress> {
	const problems = new Map(bench.problems.map((p) => [p.taskId as string, p]));
	// Calibrated limits are measured again here: that is what makes them machine-independent.
	const tester = new Tester(bench, executor, meta.spec.limits, meta.spec.calibration);
	const progress: VerifyProgress = { done: 0, total: records.length, differences: [] };
	onProgress(progress);
	// All at once: the executor's pools queue them and run as many as there are workers.
	await Promise.all(
		records.map(async (r) => {
			const problem = problems.get(r.taskId);
			if (!problem) throw new Error(`${r.taskId} is not a problem of ${bench.id}`);
			const { result: here } = await tester.test(problem, {
				taskId: problem.taskId,
				code: r.code,
				full: r.full,
				file: meta.name,
			});
			progress.done++;
			if (here.status !== r.result.status)
				progress.differences.push({ taskId: r.taskId, index: r.index, claimed: r.result.status, here });
			onProgress(progress);
		}),
	);
	progress.differences.sort((a, b) => a.taskId.localeCompare(b.taskId) || a.index - b.index);
	return progress;
}
