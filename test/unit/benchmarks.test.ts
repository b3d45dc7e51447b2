import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBenchmarks } from '../../scripts/build-benchmarks';
import { parseBenchmark } from '../../src/lib/benchmarks/parse';
import { repairJsPrompt } from '../../src/lib/benchmarks/repair';
import { rawElements } from '../../src/lib/benchmarks/evalplus';
import { closeFunction, syntaxError } from '../../src/lib/benchmarks/syntax';
import type { Benchmark } from '../../src/lib/benchmarks/types';
import { InputError } from '../../src/lib/core/errors';

const he = (o: Record<string, unknown>) =>
	JSON.stringify({
		task_id: 'T/0',
		prompt: 'def f():\n',
		test: 'def check(c): pass',
		entry_point: 'f',
		...o,
	});

describe('parseBenchmark', () => {
	it('reads human-eval, MultiPL-E and MBPP shapes', () => {
		expect(parseBenchmark(he({}) + '\n', 'he.jsonl')).toMatchObject({
			composition: 'human-eval',
			language: 'python',
		});
		const mpe = JSON.stringify({
			name: 'p1',
			language: 'lua',
			prompt: 'x',
			tests: 'y',
			stop_tokens: ['\nlocal'],
		});
		expect(parseBenchmark(mpe, 'l.jsonl')).toMatchObject({
			composition: 'multipl-e',
			language: 'lua',
			stop: ['\nlocal'],
		});
		const mbpp = JSON.stringify({
			task_id: 11,
			text: 't',
			code: 'c',
			test_list: ['assert 1', 'assert 2'],
			test_setup_code: '',
		});
		expect(parseBenchmark(mbpp, 'm.jsonl').problems[0]).toMatchObject({
			taskId: '11',
			tests: 'assert 1\nassert 2',
			reference: 'c',
		});
	});

	it.each([
		['invalid JSON', `${he({})}\n{"task_id": `, /b\.jsonl:2: invalid JSON/],
		[
			'a missing field',
			`${he({})}\n${he({ task_id: 'T/1', test: undefined })}`,
			/b\.jsonl:2 \(field "test"\): missing/,
		],
		[
			'a wrong type',
			`${he({ prompt: 3 })}`,
			/b\.jsonl:1 \(field "prompt"\): expected a string, got number 3/,
		],
		['an empty file', '\n\n', /b\.jsonl: the file is empty/],
		[
			'duplicate ids',
			`${he({})}\n\n${he({})}`,
			/b\.jsonl:3 \(field "task_id"\): duplicate task id "T\/0" \(first on line 1\)/,
		],
		['an unknown shape', '{"x": 1}', /not a benchmark file/],
	])('names file, line and field for %s', (_name, text, message) => {
		expect(() => parseBenchmark(text, 'b.jsonl')).toThrow(InputError);
		expect(() => parseBenchmark(text, 'b.jsonl')).toThrow(message);
	});

	it('gives the line of a bad record inside a JSON array (sanitized MBPP shape)', () => {
		const text =
			'[\n {"task_id": 1, "prompt": "p", "code": "c", "test_list": []},\n {"task_id": 2, "prompt": 5, "test_list": []}\n]';
		expect(() => parseBenchmark(text, 's.json')).toThrow(/s\.json:3 \(field "prompt"\)/);
	});
});

describe('repairJsPrompt', () => {
	it('puts // back on docstring lines and leaves good prompts alone', () => {
		const broken =
			'//Return the longest.\nReturn undefined if empty.\n>>> longest([])\nundefined\nfunction longest(strings){\n';
		const fixed = repairJsPrompt(broken);
		expect(fixed).toBe(
			'//Return the longest.\n// Return undefined if empty.\n// >>> longest([])\n// undefined\nfunction longest(strings){\n',
		);
		expect(syntaxError('javascript', closeFunction('javascript', broken))).not.toBeNull();
		expect(syntaxError('javascript', closeFunction('javascript', fixed))).toBeNull();
		expect(repairJsPrompt(fixed)).toBe(fixed);
	});
});

describe('bundled benchmarks', () => {
	const dir = 'public/benchmarks';
	const load = (id: string) => JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as Benchmark;

	it('are exactly what scripts/build-benchmarks.ts makes from datasets/', async () => {
		const out = mkdtempSync(join(tmpdir(), 'benchtop-benchmarks-'));
		await buildBenchmarks(out);
		const files = (d: string) => readdirSync(d, { recursive: true, encoding: 'utf8' }).sort();
		for (const name of files(dir).filter((f) => f.endsWith('.json')))
			expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(dir, name), 'utf8'));
		expect(files(out)).toEqual(files(dir));
	});

	it('ship the expected problem counts, with versions and hashes', () => {
		const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Benchmark[];
		// ReCode: both nominal sets and the 29 transformations of seed 0, 164 problems each, in
		// ReCode's four families; its nominal set and FuncRenameSynonymSub_s0 are HumanEval itself.
		const recode = index.filter((b) => b.recode);
		expect(recode.map((b) => b.count)).toEqual(recode.map(() => 164));
		expect(
			Object.fromEntries(
				['nominal', 'docstring', 'function-name', 'code-syntax', 'format'].map((f) => [
					f,
					recode.filter((b) => b.recode!.family === f).length,
				]),
			),
		).toEqual({
			nominal: 2,
			docstring: 10,
			'function-name': 6,
			'code-syntax': 7,
			format: 6,
		});
		const hashOf = (id: string) => index.find((b) => b.id === id)!.hash;
		expect([hashOf('recode/nominal'), hashOf('recode/FuncRenameSynonymSub')]).toEqual([
			hashOf('humaneval'),
			hashOf('humaneval'),
		]);
		expect(Object.fromEntries(index.filter((b) => !b.recode).map((b) => [b.id, b.count]))).toEqual({
			humaneval: 164,
			'humaneval-js': 161,
			'humaneval-ts': 159,
			'humaneval-lua': 161,
			mbpp: 500,
			'mbpp-sanitized': 427,
			'mbpp-js': 397,
			'mbpp-lua': 397,
			classroom: 20,
			'classroom-js': 20,
			'classroom-lua': 20,
			'humaneval+': 164,
			'humaneval+-mini': 164,
			'humaneval+-noextreme': 164,
			'mbpp+': 378,
			'mbpp+-noextreme': 378,
			'humaneval-pro': 164,
			'mbpp-pro': 378,
			'cruxeval-o': 800,
			'cruxeval-i': 800,
		});
		for (const b of index) expect(b.hash).toMatch(/^[0-9a-f]{64}$/);
		// MultiPL-E's TypeScript is JavaScript after tsc; nothing else is a dialect.
		expect(index.filter((b) => b.dialect).map((b) => [b.id, b.language, b.dialect])).toEqual([
			['humaneval-ts', 'javascript', 'typescript'],
		]);
		// EvalPlus names its results by the md5 of the JSONL (get_human_eval_plus_hash).
		expect(index.find((b) => b.id === 'humaneval+')?.upstreamHash).toBe('fe585eb4df8c88d844eeb463ea4d0302');
		const plus = load('humaneval+');
		// Every problem keeps its base and plus inputs as the dataset's text: 1,570 + 122,683 in all.
		const count = (phase: 'base' | 'plus') =>
			plus.problems.reduce((n, p) => n + rawElements(p.evalplus![phase]).length, 0);
		expect([count('base'), count('plus')]).toEqual([1570, 122683]);
		expect(load('mbpp+').problems.find((p) => p.taskId === 'Mbpp/793')?.evalplus?.plus).toBe('[]');
		expect(load('mbpp').problems.map((p) => Number(p.taskId))).toEqual(
			Array.from({ length: 500 }, (_, i) => i + 11),
		);
	});

	it.each(['humaneval-js', 'mbpp-js', 'classroom-js', 'humaneval-lua', 'mbpp-lua', 'classroom-lua'])(
		'%s: every prompt parses with a real parser',
		(id) => {
			const b = load(id);
			const bad = b.problems.filter((p) => syntaxError(b.language, closeFunction(b.language, p.prompt)));
			expect(bad.map((p) => p.taskId)).toEqual([]);
		},
	);

	it('flags the upstream test blocks that do not parse, and only those', () => {
		const unparsable = (id: string) => {
			const b = load(id);
			return b.problems.filter((p) => syntaxError(b.language, p.tests)).map((p) => p.taskId);
		};
		expect(unparsable('humaneval-js')).toEqual(['HumanEval_51_remove_vowels']);
		expect(unparsable('mbpp-js')).toEqual([
			'mbpp_237_check_occurences',
			'mbpp_563_extract_values',
			'mbpp_725_extract_quotation',
		]);
		expect(unparsable('humaneval-lua')).toEqual([]);
	});

	it('classroom has every problem in all three languages, with a reference', () => {
		const names = (id: string) =>
			load(id).problems.map((p) => p.taskId.replace(/^Classroom\/|^classroom_/, ''));
		expect(names('classroom').length).toBeGreaterThanOrEqual(15);
		expect(names('classroom-js')).toEqual(names('classroom'));
		expect(names('classroom-lua')).toEqual(names('classroom'));
		for (const id of ['classroom', 'classroom-js', 'classroom-lua'])
			expect(load(id).problems.every((p) => p.reference)).toBe(true);
	});
});
