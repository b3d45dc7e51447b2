// `benchtop run` beyond one-shot pass@k, against the scripted OpenAI-compatible server: self-repair
// (a wrong first answer, fixed once the model sees the failing assertion) and reranking by the tests
// the model writes (right, wrong and repeated tests; a crafted matrix where CodeT and B4 disagree).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchtopCli as benchtop } from '../support/cli';
import { startOpenAiServer, type ScriptedServer } from '../support/openai-server';
import { fence } from '../fixtures/scripted-replies';
import { repairReply, rerankReply } from '../fixtures/self-improve';

const tmp = mkdtempSync(join(tmpdir(), 'benchtop-improve-'));
let repairing: ScriptedServer;
let reranking: ScriptedServer;
beforeAll(async () => {
	repairing = await startOpenAiServer({ cors: false, models: ['m'], script: {}, respond: repairReply });
	reranking = await startOpenAiServer({ cors: false, models: ['m'], script: {}, respond: rerankReply });
});
afterAll(() => Promise.all([repairing.close(), reranking.close()]));

const run = (server: ScriptedServer, ...extra: string[]) =>
	benchtop('run', '--benchmark', 'classroom', '--endpoint', server.url, '--model', 'm', ...extra);

describe('benchtop run --repair-rounds', () => {
	it('feeds the failing assertion back; pass@1@0 and pass@1@1 exact; the chain in the results file', async () => {
		const server = repairing;
		const out = join(tmp, 'repair.jsonl');
		const summary = join(tmp, 'repair-summary.json');
		const r = await run(
			server,
			'--limit',
			'2',
			'--n',
			'1',
			'--repair-rounds',
			'2',
			'--k',
			'1',
			'--out',
			out,
			'--summary',
			summary,
		);
		expect(r.code, r.stderr).toBe(0);
		const s = JSON.parse(readFileSync(summary, 'utf8'));
		// fizzbuzz: wrong, fixed in round 1. sum_list: raises, then wrong twice: never fixed.
		expect(s.pass_at_k['pass@1']).toBe(0);
		expect(
			s.repair.by_round.map((x: { pass_at_k: Record<string, number> }) => x.pass_at_k['pass@1']),
		).toEqual([0, 0.5, 0.5]);
		expect(s.repair.gain_pass_at_1).toEqual([0.5, 0]);
		expect(s.repair.by_failure_kind).toEqual([
			{ kind: 'assertion', failed: 1, repaired: 1 },
			{ kind: 'exception', failed: 1, repaired: 0 },
		]);
		expect(r.stdout).toMatch(/pass@1@1\s+0\.5000/);
		// the server got the same conversation back with the feedback as the next user turn
		const fix = server.requests.find(
			(q) => q.fn === 'fizzbuzz' && (q.body.messages as unknown[]).length === 3,
		)!;
		const messages = fix.body.messages as { role: string; content: string }[];
		expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
		expect(messages[1]!.content).toBe(fence('def fizzbuzz(n):\n    return str(n)'));
		expect(messages[2]!.content).toBe(
			'Your code did not pass the tests.\n\nThis test failed:\nassert candidate(3) == "Fizz"\n' +
				"Expected 'Fizz', but the code returned '3'.\n\n" +
				'Fix the code. Reply with the complete corrected Python code in a single code block.',
		);
		// sum_list's second round carries the whole conversation: two answers, two feedbacks
		const last = server.requests.filter((q) => q.fn === 'sum_list').at(-1)!;
		expect((last.body.messages as unknown[]).length).toBe(5);
		expect((last.body.messages as { content: string }[])[2]!.content).toContain('ZeroDivisionError');
		const lines = readFileSync(out, 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(lines[0].passed).toBe(false);
		expect(lines[0].repairs).toHaveLength(1);
		expect(lines[0].repairs[0]).toMatchObject({ round: 1, passed: true, result: 'passed' });
		expect(lines[1].repairs.map((x: { passed: boolean }) => x.passed)).toEqual([false, false]);
	});
});

describe('benchtop run --feedback-template', () => {
	it("sends the user's own feedback text; a template without {feedback} is refused", async () => {
		const file = join(tmp, 'mine.txt');
		writeFileSync(file, 'FIX ({language}): {feedback}');
		const before = repairing.requests.length;
		const r = await run(
			repairing,
			'--limit',
			'1',
			'--repair-rounds',
			'1',
			'--k',
			'1',
			'--feedback-template',
			file,
		);
		expect(r.code, r.stderr).toBe(0);
		const sent = repairing.requests.slice(before).at(-1)!.body.messages as { content: string }[];
		expect(sent[2]!.content).toBe(
			"FIX (Python): This test failed:\nassert candidate(3) == \"Fizz\"\nExpected 'Fizz', but the code returned '3'.",
		);
		writeFileSync(file, 'Try again.');
		const bad = await run(repairing, '--limit', '1', '--repair-rounds', '1', '--feedback-template', file);
		expect(bad.code).not.toBe(0);
		expect(bad.stderr).toContain(`--feedback-template: ${file} has no {feedback}`);
	});
});

describe('benchtop run --generated-tests', () => {
	it('runs every sample against every test the model wrote; CodeT and B4 pick differently', async () => {
		const server = reranking;
		const summary = join(tmp, 'rerank-summary.json');
		const out = join(tmp, 'rerank.jsonl');
		const r = await run(
			server,
			...['--limit', '1', '--n', '6', '--generated-tests', '3', '--k', '1'],
			...['--summary', summary, '--out', out],
		);
		expect(r.code, r.stderr).toBe(0);
		const s = JSON.parse(readFileSync(summary, 'utf8'));
		expect(s.pass_at_k['pass@1']).toBeCloseTo(2 / 6, 12);
		const p1 = (x: string) => s.rerank.rankers[x].pass_at_k['pass@1'];
		// CodeT counts the wrong test twice (two answers wrote it) and follows the three wrong samples
		expect(p1('codet')).toBe(0);
		expect(p1('codet-paper')).toBe(0);
		expect(p1('b4')).toBe(1);
		expect(p1('maxpass')).toBe(1);
		expect(p1('random')).toBeCloseTo(2 / 6, 12);
		const [problem] = s.rerank.problems;
		expect(problem.tests).toEqual([
			{ text: 'assert fizzbuzz(3) == "Fizz"', weight: 2, right: true },
			{ text: 'assert fizzbuzz(5) == "Buzz"', weight: 1, right: true },
			{ text: 'assert fizzbuzz(15) == "FizzBuzz"', weight: 1, right: true },
			{ text: 'assert fizzbuzz(7) == 7', weight: 2, right: false },
		]);
		expect(problem.matrix).toEqual(['1110', '1110', '1001', '1001', '1001', '0000']);
		expect(problem.picks.codet).toEqual([2, 3, 4]);
		expect(problem.picks.b4).toEqual([0, 1]);
		expect(s.rerank.tests_right).toEqual({ right: 3, checked: 4 });
		expect(r.stdout).toMatch(/b4\s+pass@1\s+1\.0000/);
		// each sample's row over the tests in the results file too
		const lines = readFileSync(out, 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(lines.map((l) => l.generated_tests_passed.map((x: boolean) => (x ? '1' : '0')).join(''))).toEqual(
			problem.matrix,
		);
		// three test answers, then six samples
		expect(server.requests).toHaveLength(9);
	});
});
