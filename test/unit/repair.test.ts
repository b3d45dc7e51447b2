// Self-repair: the feedback a model is sent, the prompt of the next round (chat turns, commented
// attempts for base models), the chain in the pipeline (stored round by round, resumed half-way),
// and pass@k@r, the per-round gain, repair rates and tokens against hand-computed values.
import { describe, expect, it } from 'vitest';
import { taskId, type TaskId } from '../../src/lib/core/ids';
import type { ExecResult } from '../../src/lib/core/result';
import type { Job } from '../../src/lib/execution/runtime';
import { type GenerateRequest, type Generated, type Generator } from '../../src/lib/generation/types';
import { PipelineRun } from '../../src/lib/pipeline/run';
import { feedbackText, repairPrompt, REPAIR_FEEDBACK, fillFeedback } from '../../src/lib/prompts/feedback';
import { instruct, completion, promptText, type Prompt } from '../../src/lib/prompts/templates';
import type { RepairRound, SampleRecord } from '../../src/lib/run/spec';
import { repairScore } from '../../src/lib/scoring/repair';
import { MemoryRunStore } from '../../src/lib/storage/memory';
import { tinyBench, tinyRun } from '../fixtures/tiny-run';

const res = (status: ExecResult['status'], extra: Partial<ExecResult> = {}): ExecResult => ({
	status,
	stdout: '',
	stderr: '',
	truncated: false,
	durationMs: 5,
	...extra,
});

describe('feedback', () => {
	const program = 'def f(x):\n    return x\n\ndef check(c):\n    assert c(2) == 4\ncheck(f)';
	it('a failed assertion: the test line and both sides', () => {
		const text = feedbackText(
			res('failed', {
				kind: 'assertion',
				errorType: 'AssertionError',
				line: 5,
				assertion: { actual: '2', actualType: 'int', expected: '4', expectedType: 'int' },
			}),
			program,
		);
		expect(text).toBe('This test failed:\nassert c(2) == 4\nExpected 4, but the code returned 2.');
	});
	it('an exception: its type, message and line; the output, cut', () => {
		const text = feedbackText(
			res('failed', {
				kind: 'exception',
				errorType: 'NameError',
				message: "name 'y' is not defined",
				line: 2,
				stdout: 'x'.repeat(1005),
			}),
			program,
		);
		expect(text).toBe(
			`NameError: name 'y' is not defined\nat line 2: return x\nIts output:\n${'x'.repeat(1000)}… (5 more characters cut)`,
		);
	});
	it('a time-out says so', () => {
		expect(feedbackText(res('timeout', { kind: 'timeout', durationMs: 3000 }), program)).toBe(
			'It ran out of time (3.0 s): an endless loop, or far too slow.',
		);
	});
	it('the template fills feedback, code and language', () => {
		const b = { language: 'lua' as const };
		expect(fillFeedback({ name: 'x', version: 1, text: '{language}|{code}|{feedback}' }, b, 'F', 'C')).toBe(
			'Lua|C|F',
		);
		expect(fillFeedback(REPAIR_FEEDBACK, b, 'F', 'C')).toContain('complete corrected Lua code');
	});
});

describe('the next round’s prompt', () => {
	const problem = { taskId: taskId('t'), prompt: 'def f(x):\n', tests: '', entryPoint: 'f' };
	const b = { composition: 'human-eval' as const, language: 'python' as const, stop: ['\ndef'] };
	it('chat: the same conversation, each answer and its feedback as turns', () => {
		const first = instruct.build(b, problem) as Extract<Prompt, { mode: 'chat' }>;
		const p = repairPrompt(first, b, [
			{ raw: 'A1', attempt: 'def f(x): 1', message: 'M1' },
			{ raw: 'A2', attempt: 'def f(x): 2', message: 'M2' },
		]) as Extract<Prompt, { mode: 'chat' }>;
		expect(
			p.messages.map((m) => [m.role, m.content === first.messages[0]?.content ? 'Q' : m.content]),
		).toEqual([
			['user', 'Q'],
			['assistant', 'A1'],
			['user', 'M1'],
			['assistant', 'A2'],
			['user', 'M2'],
		]);
	});
	it('completion: the last attempt and its feedback as comments, then the prompt again', () => {
		const p = repairPrompt(completion.build(b, problem), b, [
			{ raw: 'x', attempt: 'def f(x):\n    return 1', message: 'Wrong.\nFix it.' },
		]);
		expect(promptText(p)).toBe(
			'# A previous attempt:\n# def f(x):\n#     return 1\n# Wrong.\n# Fix it.\n\ndef f(x):\n',
		);
		expect(p.stop).toEqual(['\ndef']);
	});
});

// The pipeline: a model that answers wrong until it is shown the failing test, then right.
const bench = tinyBench('def check(c):\n    assert c() == 1');
const meta = (rounds: number) =>
	tinyRun('run-r', {
		n: 2,
		ks: [1, 2],
		generator: { kind: 'endpoint', baseUrl: 'x', model: 'm', api: 'completions' },
		repair: { rounds, feedback: REPAIR_FEEDBACK },
	});

/** Problem a: sample 0 right away, sample 1 after feedback. Problem b: never right. */
class Learner implements Generator {
	readonly chat = false;
	readonly describe = { kind: 'endpoint' as const, model: 'learner', engine: 'test' };
	prompts: string[] = [];
	async generate(req: GenerateRequest): Promise<Generated> {
		const text = promptText(req.prompt);
		this.prompts.push(`${req.taskId}#${req.index}: ${text}`);
		const right = req.taskId === 'a' && (req.index === 0 || text.includes('This test failed'));
		return { text: `    return ${right ? 1 : 2}\n`, tokens: 10, finishReason: 'stop', ms: 1 };
	}
	interrupt() {}
	async dispose() {}
}

/** Runs `return N` bodies: passes when N is 1; says which assertion failed, as Pyodide would. */
const executor = {
	async run(job: Job): Promise<ExecResult> {
		const ok = job.program.includes('return 1\n');
		return ok
			? res('passed')
			: res('failed', {
					kind: 'assertion',
					errorType: 'AssertionError',
					line: job.program.split('\n').findIndex((l) => l.includes('assert')) + 1,
					assertion: { actual: '2', actualType: 'int', expected: '1', expectedType: 'int' },
				});
	},
};

const runWith = (rounds: number, gen = new Learner(), store = new MemoryRunStore()) => ({
	run: new PipelineRun(meta(rounds), { bench, generator: gen, executor, store, template: completion }),
	gen,
	store,
});

describe('self-repair in the pipeline', () => {
	it('asks again with the feedback until the chain passes or has had its rounds; every round stored', async () => {
		const { run, gen, store } = runWith(2);
		const events: string[] = [];
		run.on((e) => e.type === 'repair' && events.push(`${e.record.taskId}#${e.record.index} r${e.round}`));
		await run.run();
		expect(run.status).toBe('done');
		// a#0 passes at once; a#1 is fixed by round 1; b's chains fail all 2 rounds.
		expect(events.sort()).toEqual(['a#1 r1', 'b#0 r1', 'b#0 r2', 'b#1 r1', 'b#1 r2']);
		const stored = new Map((await store.samples('run-r')).map((r) => [`${r.taskId}#${r.index}`, r]));
		const a1 = stored.get('a#1')!;
		expect(a1.result.status).toBe('failed');
		expect(a1.repairs).toHaveLength(1);
		expect(a1.repairs![0]!.result.status).toBe('passed');
		expect(a1.repairs![0]!.message).toBe(
			'Your code did not pass the tests.\n\nThis test failed:\nassert c() == 1\nExpected 1, but the code returned 2.\n\n' +
				'Fix the code. Reply with the complete corrected Python code in a single code block.',
		);
		// the model saw its own failed attempt and the feedback, commented, before the prompt again
		expect(gen.prompts).toContain(
			'a#1: # A previous attempt:\n# def a():\n#     return 2\n# Your code did not pass the tests.\n#\n' +
				'# This test failed:\n# assert c() == 1\n# Expected 1, but the code returned 2.\n#\n' +
				'# Fix the code. Reply with the complete corrected Python code in a single code block.\n\ndef a():\n',
		);
		expect(stored.get('b#0')!.repairs).toHaveLength(2);
		// one-shot pass@1 is round 0's; pass@1@r counts the chains correct by round r
		expect(run.score().passAtK['pass@1']).toBe(0.25);
		const r = repairScore([...stored.values()], 2, [1], 2);
		expect(r.byRound.map((x) => x.score.passAtK['pass@1'])).toEqual([0.25, 0.5, 0.5]);
		expect(r.gain).toEqual([0.25, 0]);
	});

	it('a chain the page left half-way goes on from its last round, not from the start', async () => {
		const first = runWith(1);
		await first.run.run();
		const again = runWith(2, new Learner(), first.store);
		await again.run.run();
		// only b's chains (failed after round 1) get a second round
		expect(again.gen.prompts.map((p) => p.split(':')[0]).sort()).toEqual(['b#0', 'b#1']);
		const b0 = (await first.store.samples('run-r')).find((r) => r.taskId === 'b' && r.index === 0)!;
		expect(b0.repairs).toHaveLength(2);
		// the second round's conversation carries the first attempt's feedback too (completion: the last one)
		expect(again.gen.prompts[0]).toContain('# A previous attempt:');
	});

	it('a run without repair rounds asks once per sample', async () => {
		const { run, gen } = runWith(0);
		await run.run();
		expect(gen.prompts).toHaveLength(4);
		expect([...run.records.values()].every((r) => !r.repairs)).toBe(true);
	});
});

describe('pass@k@r', () => {
	const round = (status: ExecResult['status'], tokens: number, kind?: ExecResult['kind']): RepairRound => ({
		raw: '',
		code: '',
		full: false,
		how: '',
		tokens,
		genMs: 1,
		finishReason: 'stop',
		program: '',
		result: res(status, kind ? { kind } : {}),
		finishedAt: 0,
		message: '',
	});
	const chain = (t: string, index: number, ...rounds: RepairRound[]): SampleRecord => {
		const [first, ...repairs] = rounds;
		return {
			runId: 'r',
			taskId: t as TaskId,
			index,
			...first!,
			...(repairs.length && { repairs }),
		};
	};
	// a: #0 right at once; #1 wrong (assertion), fixed in round 1.
	// b: #0 raises, wrong again, fixed in round 2; #1 times out, then fails twice.
	const records = [
		chain('a', 0, round('passed', 10)),
		chain('a', 1, round('failed', 10, 'assertion'), round('passed', 20)),
		chain('b', 0, round('failed', 30, 'exception'), round('failed', 30, 'assertion'), round('passed', 30)),
		chain(
			'b',
			1,
			round('timeout', 50, 'timeout'),
			round('failed', 5, 'assertion'),
			round('failed', 5, 'assertion'),
		),
	];
	const r = repairScore(records, 2, [1, 2], 2);

	it('pass@1@r and pass@2@r by hand', () => {
		// pass@1@r = mean over problems of c_r / n: r0 (1/2 + 0)/2, r1 (2/2 + 0)/2, r2 (2/2 + 1/2)/2
		expect(r.byRound.map((x) => x.score.passAtK['pass@1'])).toEqual([0.25, 0.5, 0.75]);
		// pass@2 with n = 2: 1 if any passed — r0 (1 + 0)/2, r1 (1 + 0)/2, r2 (1 + 1)/2
		expect(r.byRound.map((x) => x.score.passAtK['pass@2'])).toEqual([0.5, 0.5, 1]);
		expect(r.gain).toEqual([0.25, 0.25]);
		// intervals come with every round
		expect(r.byRound[2]!.score.ci['pass@1']![0]).toBeLessThanOrEqual(0.75);
	});

	it('tokens: mean per sample of what its chain had generated by each round', () => {
		// r0: (10 + 10 + 30 + 50) / 4; r1 adds 20 + 30 + 5; r2 adds 30 + 5
		expect(r.byRound.map((x) => x.tokens)).toEqual([25, 38.75, 47.5]);
	});

	it('repair rate by the kind of the first failure', () => {
		expect(r.byKind).toEqual([
			{ kind: 'assertion', failed: 1, repaired: 1 },
			{ kind: 'exception', failed: 1, repaired: 1 },
			{ kind: 'timeout', failed: 1, repaired: 0 },
		]);
	});
});
