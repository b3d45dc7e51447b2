// "Slow but correct": which timed-out samples' problems would get more time under the calibrated
// limit (max(1 s, 4 × the reference's time here)). A scripted executor stands in for the sandbox:
// each reference "takes" the time its code says.
import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../../src/lib/benchmarks/types';
import { taskId, type TaskId } from '../../src/lib/core/ids';
import type { ExecResult, Status } from '../../src/lib/core/result';
import { DEFAULT_LIMITS, type Executes, type Job } from '../../src/lib/execution/runtime';
import { slowButCorrect, timedOutByProblem } from '../../src/lib/pipeline/slow';
import type { RunMeta, SampleRecord } from '../../src/lib/run/spec';

const problem = (id: string, reference?: string) => ({
	taskId: taskId(id),
	prompt: `def f${id}():\n`,
	tests: 'def check(c):\n    pass\n',
	entryPoint: `f${id}`,
	...(reference !== undefined && { reference }),
});
const bench = {
	id: 'b',
	language: 'python',
	composition: 'human-eval',
	problems: [
		problem('slow', '    return 1  # 2000 ms'),
		problem('fast', '    return 1  # 50 ms'),
		problem('none'),
		problem('broken', '    return 1  # fails'),
		problem('ok', '    return 1  # 10 ms'),
	],
} as unknown as Benchmark;

class Scripted implements Executes {
	readonly jobs: Job[] = [];
	async run(job: Job): Promise<ExecResult> {
		this.jobs.push(job);
		const fails = job.program.includes('# fails');
		const ms = Number(/# (\d+) ms/.exec(job.program)?.[1] ?? 0);
		return { status: fails ? 'failed' : 'passed', stdout: '', stderr: '', truncated: false, durationMs: ms };
	}
}

const record = (id: string, status: Status) =>
	({
		taskId: id as TaskId,
		result: { status, stdout: '', stderr: '', truncated: false, durationMs: 0 },
	}) as SampleRecord;
const meta = (calibrated = false) =>
	({
		spec: { limits: DEFAULT_LIMITS, ...(calibrated && { calibration: { factor: 4, minMs: 1000 } }) },
	}) as unknown as RunMeta;
const records = [
	record('slow', 'timeout'),
	record('slow', 'timeout'),
	record('slow', 'passed'),
	record('fast', 'timeout'),
	record('none', 'timeout'),
	record('broken', 'timeout'),
	record('ok', 'passed'),
];

describe('slow but correct', () => {
	it('counts timed-out samples per problem, and none for a run that was already calibrated', () => {
		expect(timedOutByProblem(meta(), records)).toEqual(
			new Map([
				['slow', 2],
				['fast', 1],
				['none', 1],
				['broken', 1],
			]),
		);
		expect(timedOutByProblem(meta(true), records).size).toBe(0);
	});

	it('measures only the problems with a timeout; more time where 4 × the reference passes 3 s', async () => {
		const ex = new Scripted();
		const report = await slowButCorrect(meta(), records, bench, ex);
		expect(report.problems).toEqual([
			{ taskId: 'slow', timedOut: 2, fixedMs: 3000, calibratedMs: 8000 },
			{ taskId: 'fast', timedOut: 1, fixedMs: 3000, calibratedMs: 1000 },
			{ taskId: 'none', timedOut: 1, fixedMs: 3000 },
			{ taskId: 'broken', timedOut: 1, fixedMs: 3000 },
		]);
		expect(report.couldPass).toBe(2);
		// Each measured reference ran twice (the slower run counts); 'ok' and 'none' never ran.
		expect(ex.jobs.map((j) => /def f(\w+)/.exec(j.program)![1])).toEqual([
			'slow',
			'slow',
			'fast',
			'fast',
			'broken',
		]);
	});
});
