// `benchtop run` end to end: the real CLI process generating from a scripted OpenAI-compatible
// server (reached through the CLI's own local server, so no CORS setup), scoring as it goes, and
// writing files `benchtop score` reads back with the same verdicts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchtopCli as benchtop } from '../support/cli';
import { startOpenAiServer, type ScriptedServer } from '../support/openai-server';

const tmp = mkdtempSync(join(tmpdir(), 'benchtop-run-'));

/** `benchtop run` on classroom against the scripted server. */
const endpointRun = (...extra: string[]) =>
	benchtop('run', '--benchmark', 'classroom', '--endpoint', server.url, '--model', 'm', ...extra);

const fence = (c: string) => '```python\n' + c + '\n```';
let server: ScriptedServer;
beforeAll(async () => {
	server = await startOpenAiServer({
		cors: false,
		models: ['m'],
		apiKey: 'sk-run',
		script: {
			fizzbuzz: [
				{ text: fence('def fizzbuzz(n):\n    return str(n)') },
				{
					text: fence(
						'def fizzbuzz(n):\n    return "FizzBuzz" if n % 15 == 0 else "Fizz" if n % 3 == 0 else "Buzz" if n % 5 == 0 else str(n)',
					),
				},
			],
			sum_list: [
				{ text: fence('def sum_list(numbers):\n    return sum(numbers)') },
				{ text: 'Just add them:\n' + fence('    return sum(numbers)') },
			],
		},
	});
});
afterAll(() => server.close());

describe('benchtop run', () => {
	it('generates, scores live, and writes results that benchtop score reads back the same', async () => {
		const out = join(tmp, 'run.jsonl');
		const summary = join(tmp, 'run-summary.json');
		const r = await endpointRun(
			'--api-key',
			'sk-run',
			'--n',
			'2',
			'--limit',
			'2',
			'--k',
			'1,2',
			'--out',
			out,
			'--summary',
			summary,
			'--analyses',
			'failures,diversity',
		);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/pass@1\s+0\.7500/);
		const s = JSON.parse(readFileSync(summary, 'utf8'));
		expect(s.pass_at_k).toEqual({ 'pass@1': 0.75, 'pass@2': 1 });
		// the one failing sample, read by a rule; distinct@1 is pass@1
		expect(s.analyses.failures.failing).toBe(1);
		expect(s.analyses.diversity.expected['distinct@1']).toBeCloseTo(0.75, 12);
		expect(s.config.generation).toMatchObject({
			n: 2,
			template: { name: 'instruct' },
			sampling: { temperature: 0.8, topP: 0.95 },
		});
		const lines = readFileSync(out, 'utf8')
			.trimEnd()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(lines.map((l) => [l.task_id, l.passed])).toEqual([
			['Classroom/fizzbuzz', false],
			['Classroom/fizzbuzz', true],
			['Classroom/sum_list', true],
			['Classroom/sum_list', true],
		]);
		expect(lines[3].raw).toContain('Just add them');
		expect(server.requests.map((q) => q.seed)).toEqual([0, 1, 0, 1]);
		const again = await benchtop(
			'score',
			'--benchmark',
			'classroom',
			'--samples',
			out,
			'--out',
			join(tmp, 'again.jsonl'),
			'--k',
			'1',
		);
		expect(again.code, again.stderr).toBe(0);
		expect(again.stdout).toMatch(/pass@1\s+0\.7500/);
	});

	it("--shard: two shards of the same run merge into the unsharded run's files", async () => {
		// After the test above: its run.jsonl and run-summary.json are the unsharded run.
		const shards = [1, 2].map((k) => join(tmp, `run-shard-${k}.json`));
		for (const [i, file] of shards.entries()) {
			const r = await endpointRun(
				'--api-key',
				'sk-run',
				...['--n', '2', '--limit', '2', '--k', '1,2', '--shard', `${i + 1}/2`, '--out', file],
			);
			expect(r.code, r.stderr).toBe(0);
			expect(r.stdout).toMatch(new RegExp(`shard\\s+${i + 1}/2 · 1 problem · 2 samples`));
		}
		const out = join(tmp, 'merged.jsonl');
		const summary = join(tmp, 'merged-summary.json');
		const m = await benchtop(
			'merge',
			shards[1]!,
			shards[0]!,
			'--out',
			out,
			'--summary',
			summary,
			'--analyses',
			'failures,diversity',
		);
		expect(m.code, m.stderr).toBe(0);
		expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(tmp, 'run.jsonl'), 'utf8'));
		expect(readFileSync(summary, 'utf8')).toBe(readFileSync(join(tmp, 'run-summary.json'), 'utf8'));
		expect(m.stdout).toMatch(/pass@1\s+0\.7500/);
	});

	it('the reference solutions through the same pipeline: all pass', async () => {
		const r = await benchtop('run', '--benchmark', 'classroom-lua', '--reference', '--k', '1');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/pass@1\s+1\.0000/);
		expect(r.stdout).toMatch(/20 of 20 problems attempted/);
	});

	it('--webllm in headless Chromium: says the GPU is a software renderer and what to do', async () => {
		const r = await benchtop(
			'run',
			'--benchmark',
			'classroom',
			'--webllm',
			'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC',
			'--limit',
			'1',
		);
		expect(r.code).toBe(1);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/software renderer.*--allow-software-gpu.*--endpoint/);
	});

	it('an unreachable endpoint fails with one line naming it', async () => {
		const r = await benchtop(
			'run',
			'--benchmark',
			'classroom',
			'--endpoint',
			'http://127.0.0.1:9',
			'--model',
			'm',
			'--limit',
			'1',
		);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(
			/^benchtop: the run failed after 0 samples: .*could not reach http:\/\/127\.0\.0\.1:9/,
		);
	});

	it('a wrong API key says so', async () => {
		const r = await endpointRun('--api-key', 'nope', '--limit', '1');
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/refused the request \(401\).*Check the API key/);
	});
});
