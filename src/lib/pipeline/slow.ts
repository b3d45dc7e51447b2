// "Slow but correct": a run with a fixed time limit whose samples timed out, checked against the
// calibrated limit (evalplus's rule, calibrate.ts) — would those problems have given their samples
// more time? Only the problems with a timed-out sample and a reference solution are measured.
import type { Benchmark } from '../benchmarks/types';
import type { Executes } from '../execution/runtime';
import { EVALPLUS_CALIBRATION, type RunMeta, type SampleRecord } from '../run/spec';
import { Calibrator } from './calibrate';

export interface SlowProblem {
	taskId: string;
	/** Samples of this problem that timed out under the run's limit. */
	timedOut: number;
	fixedMs: number;
	/** The calibrated limit here, or undefined when the problem has no reference that passes here. */
	calibratedMs?: number;
}

export interface SlowReport {
	problems: SlowProblem[];
	/** Timed-out samples whose problem's calibrated limit is longer than the limit they had. */
	couldPass: number;
}

/** Timed-out samples per problem; empty when the run already used calibrated limits. */
export function timedOutByProblem(meta: RunMeta, records: readonly SampleRecord[]): Map<string, number> {
	const out = new Map<string, number>();
	if (meta.spec.calibration) return out;
	for (const r of records) if (r.result.status === 'timeout') out.set(r.taskId, (out.get(r.taskId) ?? 0) + 1);
	return out;
}

export async function slowButCorrect(
	meta: RunMeta,
	records: readonly SampleRecord[],
	bench: Benchmark,
	executor: Executes,
	onProblem?: (done: number, total: number) => void,
): Promise<SlowReport> {
	const counts = timedOutByProblem(meta, records);
	const calibrator = new Calibrator(bench, executor, meta.spec.limits, EVALPLUS_CALIBRATION);
	const fixedMs = meta.spec.limits.timeMs;
	const problems: SlowProblem[] = [];
	let couldPass = 0;
	for (const p of bench.problems) {
		const timedOut = counts.get(p.taskId);
		if (!timedOut) continue;
		let calibratedMs: number | undefined;
		if (p.reference !== undefined) {
			const limits = await calibrator.limitsFor(p);
			// The calibrator keeps the fixed limit when the reference does not pass here.
			if (limits !== meta.spec.limits) calibratedMs = limits.timeMs;
		}
		if (calibratedMs !== undefined && calibratedMs > fixedMs) couldPass += timedOut;
		problems.push({
			taskId: p.taskId,
			timedOut,
			fixedMs,
			...(calibratedMs !== undefined && { calibratedMs }),
		});
		onProblem?.(problems.length, counts.size);
	}
	return { problems, couldPass };
}
