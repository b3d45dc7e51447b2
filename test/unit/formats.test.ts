import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/benchmarks/types';
import { taskId } from '../../src/lib/core/ids';
import type { ExecResult } from '../../src/lib/core/result';
import { score } from '../../src/lib/scoring';
import {
	parseResultsFile,
	pythonJson,
	toHumanEval,
	toMultiplE,
	type Outcome,
} from '../../src/lib/formats/results';
import { toEvalplus } from '../../src/lib/formats/evalplus';
import { toBenchtop, type RunConfig } from '../../src/lib/formats/run-record';
import { detectSamplesFormat, parseSamples } from '../../src/lib/formats/samples';
import { decodeText } from '../../src/lib/core/text';
import { generatedRunConfig } from '../../src/lib/formats/run-record';
import type { RunSpec } from '../../src/lib/run/spec';
import { GREEDY } from '../../src/lib/generation/types';
import { DEFAULT_LIMITS } from '../../src/lib/execution/runtime';
import { gzipSync } from 'node:zlib';

const problems: Problem[] = ['A/0', 'A/1'].map((id) => ({
	taskId: taskId(id),
	prompt: `def f${id.at(-1)}():\n`,
	tests: 'def check(c): pass',
	entryPoint: 'f',
}));

describe('samples in', () => {
	it.each([
		[
			'human-eval',
			'x.jsonl',
			'{"task_id": "A/0", "completion": "  return 1"}\n',
			{ code: '  return 1', full: false },
		],
		[
			'evalplus',
			'x.jsonl',
			'{"task_id": "A/0", "solution": "def f0():\\n  return 1"}\n',
			{ code: 'def f0():\n  return 1', full: true },
		],
		[
			'multipl-e',
			'A_0.json',
			JSON.stringify({ name: 'A/0', language: 'py', completions: ['  return 1', '  return 2'] }),
			{ code: '  return 1', full: false },
		],
		[
			'bigcode',
			'generations.json',
			JSON.stringify([['def f0(): return 1'], ['def f1(): return 2']]),
			{ code: 'def f0(): return 1', full: true },
		],
	])('detects and reads %s', (format, name, text, first) => {
		expect(detectSamplesFormat({ name, text })).toBe(format);
		const samples = parseSamples([{ name, text }], problems);
		expect(samples[0]).toMatchObject({ taskId: 'A/0', ...first });
	});

	it('maps bigcode generations to the benchmark’s problems in order', () => {
		const s = parseSamples([{ name: 'g.json', text: JSON.stringify([['a', 'b'], ['c']]) }], problems);
		expect(s.map((x) => [x.taskId, x.code])).toEqual([
			['A/0', 'a'],
			['A/0', 'b'],
			['A/1', 'c'],
		]);
	});

	it.each([
		[
			'an unknown task id',
			'{"task_id": "A/9", "completion": ""}',
			/s\.jsonl:1 \(field "task_id"\): unknown task id "A\/9"/,
		],
		[
			'a missing completion',
			'{"task_id": "A/0"}\n{"task_id": "A/1", "completion": 5}',
			/cannot tell the samples format/,
		],
		[
			'a wrong type',
			'{"task_id": "A/0", "completion": "x"}\n{"task_id": "A/1", "completion": 5}',
			/s\.jsonl:2 \(field "completion"\): expected a string, got number 5/,
		],
		['invalid JSON', '{"task_id": "A/0", "completion": "x"}\n{oops', /s\.jsonl:2: invalid JSON/],
		['an empty file', '', /s\.jsonl: the file is empty/],
	])('names file, line and field for %s', (_n, text, message) => {
		expect(() => parseSamples([{ name: 's.jsonl', text }], problems)).toThrow(message);
	});

	it('reads gzip by its magic number', async () => {
		expect(await decodeText(gzipSync('{"a": 1}'))).toBe('{"a": 1}');
		expect(await decodeText(new TextEncoder().encode('plain'))).toBe('plain');
	});
});

const result = (status: ExecResult['status'], extra: Partial<ExecResult> = {}): ExecResult => ({
	status,
	stdout: '',
	stderr: '',
	truncated: false,
	durationMs: 1,
	...extra,
});

function outcomes(): Outcome[] {
	const samples = parseSamples(
		[
			{
				name: 's.jsonl',
				text: ['  return 1', '  return 2', '  loop()', '  x']
					.map((c, i) => JSON.stringify({ task_id: `A/${i % 2}`, completion: c, extra: i }))
					.join('\n'),
			},
		],
		problems,
	);
	const results = [
		result('passed'),
		result('failed', { kind: 'assertion', errorType: 'AssertionError', message: '' }),
		result('timeout', { kind: 'timeout' }),
		result('failed', { kind: 'exception', errorType: 'NameError', message: "name 'x' is not defined" }),
	];
	return samples.map((sample, i) => ({ sample, program: `prog ${i}`, result: results[i]! }));
}

const verdicts = (o: Outcome[]) => o.map((x) => ({ taskId: x.sample.taskId, status: x.result.status }));

describe('results out and back in', () => {
	it('human-eval: every input field, in input order, with human-eval’s result strings', () => {
		const lines = toHumanEval(outcomes()).trimEnd().split('\n');
		expect(lines[0]).toBe(
			'{"task_id": "A/0", "completion": "  return 1", "extra": 0, "result": "passed", "passed": true}',
		);
		expect(lines.map((l) => JSON.parse(l).result)).toEqual([
			'passed',
			'failed: ',
			'timed out',
			"failed: name 'x' is not defined",
		]);
	});

	it('writes JSON the way Python’s json.dumps does', () => {
		expect(pythonJson({ a: 'é😀', b: [1, true, null] })).toBe(
			'{"a": "\\u00e9\\ud83d\\ude00", "b": [1, true, null]}',
		);
	});

	it.each(['human-eval', 'evalplus', 'multipl-e', 'benchtop'] as const)(
		'%s: re-imported results give the same verdicts and pass@k',
		(fmt) => {
			const o = outcomes();
			const s = score(verdicts(o), [1, 2]);
			let back;
			if (fmt === 'human-eval') back = parseResultsFile(toHumanEval(o), 'r.jsonl');
			else if (fmt === 'evalplus')
				back = parseResultsFile(toEvalplus(o, problems, 'abc', new Date(0)), 'eval_results.json');
			else if (fmt === 'multipl-e')
				back = [...toMultiplE(o, problems, 'python').values()].flatMap((t) =>
					parseResultsFile(t, 'x.results.json'),
				);
			else back = parseResultsFile(toBenchtop(o, s, {} as RunConfig, new Date(0)), 'run.json');
			const key = (v: { taskId: string; status: string }[]) => v.map((x) => `${x.taskId}:${x.status}`).sort();
			expect(key(back)).toEqual(key(verdicts(o)));
			expect(score(back, [1, 2]).passAtK).toEqual(s.passAtK);
		},
	);

	it('human-eval results are themselves valid human-eval samples (re-scorable)', () => {
		const again = parseSamples([{ name: 'r.jsonl', text: toHumanEval(outcomes()) }], problems);
		expect(again.map((s) => s.code)).toEqual(outcomes().map((o) => o.sample.code));
	});

	it('evalplus eval_results.json, pretty-printed as evalplus writes it, reads back as samples', () => {
		const o = outcomes();
		const again = parseSamples(
			[{ name: 'eval_results.json', text: toEvalplus(o, problems, 'abc', new Date(0)) }],
			problems,
		);
		expect(again.map((s) => [s.taskId, s.full]).sort()).toEqual(o.map((x) => [x.sample.taskId, true]).sort());
	});

	it('a human-eval results file of one line reads back', () => {
		const one = outcomes().slice(0, 1);
		expect(parseResultsFile(toHumanEval(one), 'r.jsonl')).toEqual([{ taskId: 'A/0', status: 'passed' }]);
	});

	it('a broken multi-line JSON document gets a located error, not a JSONL one', () => {
		expect(() => parseResultsFile('{\n  "eval": {\n    "A/0": [\n', 'eval_results.json')).toThrow(
			/eval_results\.json(:\d+)?: invalid JSON/,
		);
	});

	it('MultiPL-E statuses follow its JavaScript evaluator', () => {
		const o = outcomes().map((x, i) =>
			i === 3 ? { ...x, result: result('failed', { errorType: 'ReferenceError' }) } : x,
		);
		const doc = JSON.parse(toMultiplE(o, problems, 'javascript').get('A/1.results.json')!);
		expect(doc.results.map((r: { status: string }) => r.status)).toEqual([
			'AssertionError',
			'ReferenceError',
		]);
	});
});

describe('the reproducibility record of a run made in the app', () => {
	const bench = {
		id: 'classroom',
		name: 'Classroom',
		version: '1',
		hash: 'h',
		language: 'python' as const,
		composition: 'human-eval' as const,
	};
	const spec = (generator: RunSpec['generator']): RunSpec => ({
		benchmark: { id: bench.id, hash: bench.hash },
		taskIds: [],
		n: 2,
		sampling: GREEDY,
		template: { name: 'instruct', version: 1 },
		limits: DEFAULT_LIMITS,
		ks: [1],
		generator,
	});
	const env = { workers: 2, browser: 'test' };

	it('a samples file: the file named, nothing said of a generation it never had here', () => {
		const c = generatedRunConfig(bench, spec({ kind: 'replay', source: 'samples.jsonl.gz' }), env);
		expect(c.samples).toEqual({ files: ['samples.jsonl.gz'], format: 'a samples file, read in the page' });
		expect(c.generation).toBeUndefined();
		expect(c.workers).toBe(2);
	});

	it('a model: its generation recorded', () => {
		const c = generatedRunConfig(
			bench,
			spec({ kind: 'endpoint', baseUrl: 'http://x', model: 'm', api: 'chat' }),
			env,
		);
		expect(c.samples.format).toBe('generated by endpoint m');
		expect(c.generation).toMatchObject({ n: 2, sampling: GREEDY, template: { name: 'instruct' } });
	});
});
