// The pipelined run in Chromium against a real local OpenAI-compatible server with scripted replies
// (correct, wrong, fenced, chatty, think-tagged, cut by max tokens or stop sequences, slow): exact
// pass@k, raw and extracted text stored, and a run resumed after a page reload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DriverApi } from '../../src/driver';
import type { RunSpec, SampleRecord } from '../../src/lib/run/spec';
import { GREEDY } from '../../src/lib/generation/types';
import { taskId } from '../../src/lib/core/ids';
import { DEFAULT_LIMITS } from '../../src/lib/execution/runtime';
import { CHAT, PASS_AT_1, PASSES } from '../fixtures/scripted-replies';
import { startOpenAiServer, type Reply, type ScriptedServer } from '../support/openai-server';
import { useHarness } from './support/page';

declare const window: {
	benchtop: DriverApi;
	__run?: Awaited<ReturnType<DriverApi['pipeline']['startRun']>>;
};
const h = useHarness();

const TASKS = Object.keys(PASSES).map((f) => taskId(`Classroom/${f}`));

// Completion mode: the benchmark's stop sequences cut what follows the function.
const COMPLETION: Record<string, Reply[]> = {
	sum_list: [
		{ text: '    return sum(numbers)\n\n\ndef main():\n    raise SystemExit(1)\n' },
		{ text: '    return sum(numbers) + 1\n' },
	],
	largest: [
		{ text: '    return max(numbers)\nif __name__ == "__main__":\n    exit(1)\n' },
		{ text: '    return max(numbers)\n' },
	],
};

let chat: ScriptedServer;
let completion: ScriptedServer;
beforeAll(async () => {
	chat = await startOpenAiServer({ script: CHAT, models: ['scripted-coder'] });
	completion = await startOpenAiServer({ script: COMPLETION, models: ['scripted-base'] });
});
afterAll(async () => {
	await chat?.close();
	await completion?.close();
});

const spec = (over: Partial<RunSpec>): RunSpec => ({
	benchmark: { id: 'classroom', hash: '' },
	taskIds: TASKS,
	n: 3,
	sampling: { ...GREEDY, temperature: 0.8, topP: 0.95 },
	template: { name: 'instruct', version: 1 },
	limits: DEFAULT_LIMITS,
	ks: [1, 2, 3],
	generator: { kind: 'endpoint', baseUrl: chat.url, model: 'scripted-coder', api: 'chat' },
	...over,
});

/** Starts a run in the page; resolves with its id once it is stored (the run goes on). */
function start(page: Page, s: RunSpec, idb: boolean): Promise<string> {
	return page.evaluate(
		async ({ s, idb }) => {
			const bt = window.benchtop;
			const bench = await (await fetch(`${bt.benchmarksBase}index.json`)).json();
			s.benchmark.hash = bench.find((b: { id: string }) => b.id === s.benchmark.id).hash;
			const store = idb ? new bt.pipeline.IdbRunStore() : new bt.pipeline.MemoryRunStore();
			const run = await bt.pipeline.startRun(s, 'test run', {
				store,
				executor: new bt.Executor(),
				benchmarksBase: bt.benchmarksBase,
			});
			window.__run = run;
			void run.run().catch(() => {});
			return run.meta.id;
		},
		{ s, idb },
	);
}

/** Waits for the run in the page to end; returns its records and score. */
function finish(page: Page) {
	return page.evaluate(async () => {
		const run = window.__run!;
		while (run.status === 'running' || run.status === 'paused') await new Promise((r) => setTimeout(r, 50));
		return {
			status: run.status,
			records: [...run.records.values()],
			score: run.score(),
			error: run.meta.error,
		};
	});
}

const expectedPassAt1 = PASS_AT_1;

describe('pipelined run against a scripted OpenAI-compatible server', () => {
	it('chat: extraction, execution and exact pass@k; raw and extracted text both kept', async () => {
		await start(h.page, spec({}), false);
		const { status, records, score, error } = await finish(h.page);
		expect(error).toBeUndefined();
		expect(status).toBe('done');
		expect(records).toHaveLength(12);
		const passes = Object.fromEntries(
			Object.keys(PASSES).map((f) => [
				f,
				records.filter((r) => r.taskId === `Classroom/${f}` && r.result.status === 'passed').length,
			]),
		);
		expect(passes).toEqual(PASSES);
		expect(score.passAtK['pass@1']).toBeCloseTo(expectedPassAt1, 12);
		expect(score.passAtK['pass@2']).toBeCloseTo(0.75, 12);
		expect(score.passAtK['pass@3']).toBeCloseTo(0.75, 12);
		const think = records.find((r) => r.taskId === 'Classroom/sum_list' && r.index === 1)!;
		expect(think.raw).toContain('<think>');
		expect(think.code).not.toContain('<think>');
		expect(think.code).toContain('total += x');
		const cut = records.find((r) => r.taskId === 'Classroom/largest' && r.index === 2)!;
		expect(cut.finishReason).toBe('length');
		expect(records.find((r) => r.taskId === 'Classroom/count_vowels' && r.index === 1)!.result.status).toBe(
			'timeout',
		);
		// sample i of a problem was asked for with seed + i
		expect(
			chat.requests
				.filter((r) => r.fn === 'largest')
				.map((r) => r.seed)
				.sort(),
		).toEqual([0, 1, 2]);
	});

	it('completion: the benchmark prompt as-is, cut at its stop sequences', async () => {
		await start(
			h.page,
			spec({
				taskIds: [taskId('Classroom/sum_list'), taskId('Classroom/largest')],
				n: 2,
				template: { name: 'completion', version: 1 },
				generator: { kind: 'endpoint', baseUrl: completion.url, model: 'scripted-base', api: 'completions' },
			}),
			false,
		);
		const { records, score } = await finish(h.page);
		expect(score.passAtK['pass@1']).toBeCloseTo(0.75, 12);
		const first = records.find((r) => r.taskId === 'Classroom/sum_list' && r.index === 0)!;
		expect(first.code).toBe('    return sum(numbers)\n\n');
		expect(first.result.status).toBe('passed');
		expect(completion.requests[0]!.path).toBe('/v1/completions');
	});

	it('resumes after a reload: finished samples are kept and not generated again', async () => {
		const slow = await startOpenAiServer({
			script: Object.fromEntries(
				Object.entries(CHAT).map(([f, rs]) => [f, rs.map((r) => ({ ...r, delayMs: 80 }))]),
			),
			models: ['scripted-coder'],
		});
		try {
			const id = await start(
				h.page,
				spec({ generator: { kind: 'endpoint', baseUrl: slow.url, model: 'scripted-coder', api: 'chat' } }),
				true,
			);
			const before = await h.page.evaluate(async (id) => {
				const store = new window.benchtop.pipeline.IdbRunStore();
				for (;;) {
					const s = await store.samples(id);
					if (s.length >= 4) return s.map((r: SampleRecord) => [r.taskId, r.index] as [string, number]);
					await new Promise((r) => setTimeout(r, 50));
				}
			}, id);
			await h.page.reload();
			await h.page.waitForSelector('body[data-ready="true"]');
			const interrupted = await h.page.evaluate(async () => {
				const bt = window.benchtop;
				return (await bt.pipeline.interruptedRuns(new bt.pipeline.IdbRunStore())).map((r) => [
					r.id,
					r.status,
				]);
			});
			expect(interrupted).toEqual([[id, 'interrupted']]);
			await h.page.evaluate(async (id) => {
				const bt = window.benchtop;
				const env = {
					store: new bt.pipeline.IdbRunStore(),
					executor: new bt.Executor(),
					benchmarksBase: bt.benchmarksBase,
				};
				window.__run = await bt.pipeline.resumeRun(id, env);
				void window.__run.run().catch(() => {});
			}, id);
			const { status, records, score } = await finish(h.page);
			expect(status).toBe('done');
			expect(records).toHaveLength(12);
			expect(score.passAtK['pass@1']).toBeCloseTo(expectedPassAt1, 12);
			for (const [task, index] of before) {
				const fn = task.replace('Classroom/', '');
				expect(slow.requests.filter((r) => r.fn === fn && r.seed === index)).toHaveLength(1);
			}
			const stored = await h.page.evaluate(
				(id) => new window.benchtop.pipeline.IdbRunStore().samples(id).then((s) => s.length),
				id,
			);
			expect(stored).toBe(12);
		} finally {
			await slow.close();
		}
	});

	it('a server that does not allow the page (no CORS headers) gets a message saying how to allow it', async () => {
		const closed = await startOpenAiServer({ script: CHAT, models: ['scripted-coder'], cors: false });
		try {
			const e = await h.page.evaluate(async (url) => {
				const g = new window.benchtop.pipeline.EndpointGenerator({
					baseUrl: url,
					model: 'scripted-coder',
					api: 'chat',
				});
				try {
					await g.generate({
						prompt: {
							mode: 'chat',
							stop: [],
							messages: [{ role: 'user', content: 'def sum_list(numbers):' }],
						},
						sampling: {
							temperature: 0,
							topP: 1,
							maxTokens: 64,
							seed: 0,
							repetitionPenalty: 1,
							presencePenalty: 0,
							frequencyPenalty: 0,
						},
						index: 0,
						taskId: 't',
					});
					return null;
				} catch (err) {
					const x = err as { kind: string; message: string; action: string };
					return { kind: x.kind, message: x.message, action: x.action };
				}
			}, closed.url);
			expect(e).toMatchObject({ kind: 'cors' });
			expect(e!.message).toMatch(/does not allow requests from this page \(CORS\)/);
			expect(e!.action).toContain(`OLLAMA_ORIGINS=${new URL(inject('baseUrl')).origin}`);
		} finally {
			await closed.close();
		}
	});
});
