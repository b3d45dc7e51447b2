// The run orchestrator's control flow with a scripted generator and executor: overlap of generation
// and execution, resume from stored samples, pause / resume / cancel, failures kept with what was done.
import { describe, expect, it } from 'vitest';
import { taskId } from '../../src/lib/core/ids';
import type { ExecResult } from '../../src/lib/core/result';
import type { Job } from '../../src/lib/execution/runtime';
import {
	GenerationError,
	type GenerateRequest,
	type Generated,
	type Generator,
} from '../../src/lib/generation/types';
import { ReplayGenerator } from '../../src/lib/generation/given';
import { PipelineRun } from '../../src/lib/pipeline/run';
import { completion } from '../../src/lib/prompts/templates';
import { tinyBench, tinyRun } from '../fixtures/tiny-run';
import { MemoryRunStore } from '../../src/lib/storage/memory';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bench = tinyBench('def check(c): assert c()');
const meta = (n: number) => tinyRun('run-1', { n, ks: [1], generator: { kind: 'reference' } });

/** Writes "    return True" for even seeds and "    return False" for odd ones, taking `ms` each. */
class Scripted implements Generator {
	readonly chat = false;
	readonly describe = { kind: 'endpoint' as const, model: 'scripted', engine: 'test' };
	calls: string[] = [];
	log: string[] = [];
	#stop = false;
	constructor(
		private ms = 20,
		private failAt = -1,
	) {}
	async generate(req: GenerateRequest): Promise<Generated> {
		this.calls.push(`${req.taskId}#${req.index}`);
		if (this.calls.length - 1 === this.failAt)
			throw new GenerationError('server went away', 'Restart it.', 'network');
		this.log.push(`gen-start ${req.taskId}#${req.index}`);
		for (let i = 0; i < 4 && !this.#stop; i++) await sleep(this.ms / 4);
		this.log.push(`gen-end ${req.taskId}#${req.index}`);
		const interrupted = this.#stop;
		this.#stop = false;
		return {
			text: `    return ${req.index % 2 === 0 ? 'True' : 'False'}\ndef junk(): pass`,
			tokens: 3,
			finishReason: interrupted ? 'interrupted' : 'stop',
			ms: this.ms,
		};
	}
	interrupt() {
		this.#stop = true;
	}
	async dispose() {}
}

class SlowExecutor {
	constructor(
		private log: string[],
		private ms = 30,
	) {}
	async run(job: Job): Promise<ExecResult> {
		this.log.push('exec-start');
		await sleep(this.ms);
		this.log.push('exec-end');
		const ok = job.program.includes('return True\n');
		return {
			status: ok ? 'passed' : 'failed',
			...(ok ? {} : { kind: 'assertion' as const }),
			stdout: '',
			stderr: '',
			truncated: false,
			durationMs: this.ms,
		};
	}
}

function setup(n: number, gen = new Scripted(), store = new MemoryRunStore()) {
	const run = new PipelineRun(meta(n), {
		bench,
		generator: gen,
		executor: new SlowExecutor(gen.log),
		store,
		template: completion,
	});
	return { run, gen, store };
}

describe('pipeline run', () => {
	it('executes each sample as soon as it is written, while the next one is generated', async () => {
		const { run, gen, store } = setup(2);
		await run.run();
		expect(run.status).toBe('done');
		expect(run.score().passAtK['pass@1']).toBe(0.5);
		// an execution started before the next generation ended
		const firstExec = gen.log.indexOf('exec-start');
		expect(gen.log.slice(firstExec).some((e) => e.startsWith('gen-start'))).toBe(true);
		const stored = await store.samples('run-1');
		expect(stored.map((r) => [r.taskId, r.index, r.code])).toEqual([
			['a', 0, '    return True'],
			['a', 1, '    return False'],
			['b', 0, '    return True'],
			['b', 1, '    return False'],
		]);
		expect(stored[0]!.raw).toContain('def junk');
	});

	it('resumes: stored samples are not generated again', async () => {
		const first = setup(2);
		await first.run.run();
		const again = setup(3, new Scripted(), first.store);
		await again.run.run();
		expect(again.gen.calls).toEqual(['a#2', 'b#2']);
		expect(again.run.records.size).toBe(6);
	});

	it('text written before the page went away is run on resume, not asked for again', async () => {
		const store = new MemoryRunStore();
		await store.putGenerated({
			runId: 'run-1',
			taskId: taskId('a'),
			index: 0,
			raw: '    return True\n',
			tokens: 3,
			genMs: 5,
			finishReason: 'stop',
		});
		const { run, gen } = setup(1, new Scripted(), store);
		await run.run();
		expect(gen.calls).toEqual(['b#0']);
		expect(run.records.get('a\u00000')).toMatchObject({
			raw: '    return True\n',
			result: { status: 'passed' },
		});
		expect((await store.generated('run-1')).map((g) => g.taskId).sort()).toEqual(['a', 'b']);
	});

	it('pause stops after the sample being written; resume goes on', async () => {
		const { run, gen } = setup(3);
		run.on((e) => e.type === 'generated' && gen.calls.length === 1 && run.pause());
		const done = run.run();
		await sleep(150);
		expect(run.status).toBe('paused');
		expect(gen.calls).toEqual(['a#0']);
		run.resume();
		await done;
		expect(gen.calls).toHaveLength(6);
		expect(run.status).toBe('done');
	});

	it('cancel drops the sample being written and keeps the finished ones', async () => {
		const { run, gen } = setup(3, new Scripted(60));
		run.on((e) => e.type === 'sample' && run.records.size === 1 && run.cancel());
		await run.run();
		expect(run.status).toBe('cancelled');
		expect(gen.calls.length).toBeLessThan(6);
		expect(run.records.size).toBeGreaterThanOrEqual(1);
		expect([...run.records.values()].every((r) => r.finishReason === 'stop')).toBe(true);
	});

	it('a generation error fails the run with the message and its way forward; finished samples stay', async () => {
		const { run, store } = setup(2, new Scripted(10, 2));
		await expect(run.run()).rejects.toThrow('server went away');
		expect(run.status).toBe('failed');
		expect(run.meta.error).toBe('server went away — Restart it.');
		expect((await store.samples('run-1')).length).toBe(2);
		expect((await store.getRun('run-1'))?.status).toBe('failed');
	});

	it('replayed samples (a file) flow through the same path, whole solutions run without the prompt', async () => {
		const gen = new ReplayGenerator(
			[
				{ taskId: taskId('a'), code: '    return True\n', full: false, file: 'f.jsonl' },
				{ taskId: taskId('a'), code: 'def a():\n    return False\n', full: true, file: 'f.jsonl' },
				{ taskId: taskId('b'), code: '    return True\n', full: false, file: 'f.jsonl' },
				{ taskId: taskId('b'), code: '    return True\n', full: false, file: 'f.jsonl' },
			],
			'f.jsonl',
		);
		const log: string[] = [];
		const run = new PipelineRun(meta(2), {
			bench,
			generator: gen,
			executor: new SlowExecutor(log, 1),
			store: new MemoryRunStore(),
			template: completion,
		});
		await run.run();
		const a1 = run.records.get('a\u00001')!;
		expect(a1).toMatchObject({ how: 'given', full: true, finishReason: 'replayed' });
		expect(a1.program.startsWith('def a():\n    return False\n')).toBe(true);
		expect(run.score().passAtK['pass@1']).toBe(0.75);
	});
});
