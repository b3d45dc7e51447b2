// The EvalPlus tester's bookkeeping around the sandbox (a scripted executor stands in for it): each
// problem's reference is run once for all its samples, and a problem whose reference fails here
// gives its samples an error on both phases — never a results file without plus statuses.
import { describe, expect, it } from 'vitest';
import { taskId } from '../../src/lib/core/ids';
import type { ExecResult } from '../../src/lib/core/result';
import type { Executes, Job } from '../../src/lib/execution/runtime';
import { DEFAULT_LIMITS } from '../../src/lib/execution/runtime';
import { toEvalplus } from '../../src/lib/formats/evalplus';
import { EvalplusTester } from '../../src/lib/pipeline/evalplus';

const problem = {
	taskId: taskId('HumanEval/0'),
	prompt: 'def f(x):\n',
	tests: '',
	entryPoint: 'f',
	reference: '    return x\n',
	evalplus: { dataset: 'humaneval' as const, atol: 0, base: '[[1]]', plus: '[[2], [3]]' },
};
const ok = (extra: Partial<ExecResult> = {}): ExecResult => ({
	status: 'passed',
	stdout: '',
	stderr: '',
	truncated: false,
	durationMs: 1,
	...extra,
});

class Scripted implements Executes {
	readonly jobs: Job[] = [];
	constructor(private readonly referencePasses: boolean) {}
	async run(job: Job): Promise<ExecResult> {
		this.jobs.push(job);
		if (job.inputs?.expected !== null) return ok();
		if (!this.referencePasses) return ok({ status: 'failed', kind: 'exception', message: 'boom' });
		const n = JSON.parse(job.inputs.inputs).length;
		return ok({ reference: { outputs: new Uint8Array([1]), timesMs: Array(n).fill(10) } });
	}
}

describe('EvalplusTester', () => {
	it("runs each problem's reference once, then every sample on both input sets", async () => {
		const ex = new Scripted(true);
		const t = new EvalplusTester(ex, DEFAULT_LIMITS);
		const [a, b] = await Promise.all([
			t.test(problem, 'def f(x): return x'),
			t.test(problem, 'def f(x): return 1'),
		]);
		expect(ex.jobs.filter((j) => j.inputs?.expected === null)).toHaveLength(2);
		expect(ex.jobs).toHaveLength(6);
		expect(a!.evalplus).toEqual({
			base: { status: 'passed', inputs: 1 },
			plus: { status: 'passed', inputs: 2 },
		});
		expect(b!.status).toBe('passed');
		// Each input's own limit: max(4 s, 4 × 10 ms).
		expect(ex.jobs.at(-1)!.inputs!.limitsMs).toEqual([4000, 4000]);
	});

	it('gives an error on both phases when the reference fails here, and the results file keeps plus', async () => {
		const t = new EvalplusTester(new Scripted(false), DEFAULT_LIMITS);
		const r = await t.test(problem, 'def f(x): return x');
		expect(r.status).toBe('error');
		expect(r.evalplus?.base.status).toBe('error');
		expect(r.evalplus?.plus.status).toBe('error');
		const file = JSON.parse(
			toEvalplus(
				[
					{
						sample: { taskId: problem.taskId, code: '    return x\n', full: false, file: 's' },
						program: '',
						result: r,
					},
				],
				[problem],
				'h',
				new Date(0),
			),
		);
		expect(file.eval['HumanEval/0'][0]).toMatchObject({ base_status: 'fail', plus_status: 'fail' });
		expect(file.pass_at_k.plus).toEqual({ 'pass@1': 0 });
	});
});
