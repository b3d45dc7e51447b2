// Calibrated time limits (evalplus's rule): max(1 s, 4 × the reference's time), measured once per
// problem, the slowest of the timed runs; no passing reference → the fixed limit.
import { describe, expect, it } from 'vitest';
import { failure, type ExecResult } from '../../src/lib/core/result';
import { taskId } from '../../src/lib/core/ids';
import { DEFAULT_LIMITS, type Job } from '../../src/lib/execution/runtime';
import { calibratedLimits, Calibrator } from '../../src/lib/pipeline/calibrate';
import { calibrationRule, EVALPLUS_CALIBRATION } from '../../src/lib/run/spec';
import { benchmarkOf } from '../fixtures/runs';

const bench = benchmarkOf('b', [
	{
		taskId: taskId('b/slow'),
		prompt: 'def slow():\n',
		tests: 'assert slow()\n',
		reference: '    return "slow"\n',
	},
	{
		taskId: taskId('b/fast'),
		prompt: 'def fast():\n',
		tests: 'assert fast()\n',
		reference: '    return "fast"\n',
	},
	{
		taskId: taskId('b/broken'),
		prompt: 'def broken():\n',
		tests: 'assert broken()\n',
		reference: '    return 0\n',
	},
	{ taskId: taskId('b/none'), prompt: 'def none():\n', tests: 'assert none()\n' },
]);

/** Times the references as a browser would: `slow` takes 400 then 600 ms, `fast` 5 ms, `broken` fails. */
function fakeExecutor() {
	const calls: Job[] = [];
	let slow = 0;
	return {
		calls,
		run: async (job: Job): Promise<ExecResult> => {
			calls.push(job);
			const ms = job.program.includes('"slow"') ? [400, 600][slow++ % 2]! : 5;
			if (job.program.includes('return 0')) return failure('assertion', 'AssertionError');
			return { status: 'passed', stdout: '', stderr: '', truncated: false, durationMs: ms };
		},
	};
}

describe('calibrated time limits', () => {
	it('max(minimum, factor × time)', () => {
		expect(calibratedLimits(DEFAULT_LIMITS, EVALPLUS_CALIBRATION, [600, 400]).timeMs).toBe(2400);
		expect(calibratedLimits(DEFAULT_LIMITS, EVALPLUS_CALIBRATION, [5]).timeMs).toBe(1000);
		expect(calibratedLimits(DEFAULT_LIMITS, { factor: 2, minMs: 10 }, [33.3]).timeMs).toBe(67);
	});

	it('the rule in words, as Set up and Results show it', () => {
		expect(calibrationRule(EVALPLUS_CALIBRATION, "the reference's time here")).toBe(
			"max(1 s, 4 × the reference's time here)",
		);
	});

	it('per problem, once each, from the slowest timed run; the fixed limit where no reference passes', async () => {
		const ex = fakeExecutor();
		const c = new Calibrator(bench, ex, DEFAULT_LIMITS, EVALPLUS_CALIBRATION);
		const [slow, fast, broken, none] = bench.problems;
		expect((await c.limitsFor(slow!)).timeMs).toBe(2400);
		expect((await c.limitsFor(slow!)).timeMs).toBe(2400);
		expect((await c.limitsFor(fast!)).timeMs).toBe(1000);
		expect((await c.limitsFor(broken!)).timeMs).toBe(3000);
		expect((await c.limitsFor(none!)).timeMs).toBe(3000);
		// slow and fast timed twice each, broken stopped at its first failure, none never run
		expect(ex.calls).toHaveLength(5);
		// the reference ran under the fixed limits, composed like any sample
		expect(ex.calls[0]!.program).toBe('def slow():\n    return "slow"\n\nassert slow()\n');
		expect(ex.calls[0]!.limits.timeMs).toBe(3000);
	});

	it('without a calibration nothing is measured', async () => {
		const ex = fakeExecutor();
		const c = new Calibrator(bench, ex, DEFAULT_LIMITS, undefined);
		expect(await c.limitsFor(bench.problems[0]!)).toBe(DEFAULT_LIMITS);
		expect(ex.calls).toHaveLength(0);
	});
});
