// HumanEval+ / MBPP+ data and EvalPlus's results file: inputs kept as the dataset's own text, the
// eval_results.json as evalplus/evaluate.py's json.dump writes it (values worked out with CPython
// and numpy), and reading it back.
import { describe, expect, it } from 'vitest';
import { evalplusProblem, rawElements, rawField } from '../../src/lib/benchmarks/evalplus';
import { parseBenchmark } from '../../src/lib/benchmarks/parse';
import { taskId } from '../../src/lib/core/ids';
import type { ExecResult, PhaseVerdict } from '../../src/lib/core/result';
import { numpyMean, pythonFloat, toEvalplus } from '../../src/lib/formats/evalplus';
import { parseResultsFile, type Outcome } from '../../src/lib/formats/results';

const line = (o: Record<string, unknown>, raw: Record<string, string>) => {
	let s = JSON.stringify(o).slice(0, -1);
	for (const [k, v] of Object.entries(raw)) s += `, "${k}": ${v}`;
	return s + '}';
};

describe('the dataset', () => {
	it('keeps each field and each input exactly as written, NaN and Infinity included', () => {
		const rec = '{"a": "x\\"]}", "base_input": [[1.0, "]"], [-Infinity, {"k": [2]}]], "z": 0}';
		expect(rawField(rec, 'base_input')).toBe('[[1.0, "]"], [-Infinity, {"k": [2]}]]');
		expect(rawField(rec, 'z')).toBe('0');
		expect(rawField(rec, 'missing')).toBeUndefined();
		expect(rawElements('[[1.0, "]"], [-Infinity, {"k": [2]}]]')).toEqual([
			'[1.0, "]"]',
			'[-Infinity, {"k": [2]}]',
		]);
		expect(rawElements('[]')).toEqual([]);
	});

	it('reads evalplus release records (a JSONL line with Infinity), and names a bad field', () => {
		const head = {
			task_id: 'Mbpp/2',
			prompt: '"""\n"""\n',
			entry_point: 'f',
			canonical_solution: 'def f(x): return x',
			atol: 0,
		};
		const other = line({ ...head, task_id: 'Mbpp/3' }, { base_input: '[]', plus_input: '[]' });
		const text = line(head, { base_input: '[[1.5], [Infinity]]', plus_input: '{}' }) + '\n' + other + '\n';
		const b = parseBenchmark(text, 'MbppPlus.jsonl');
		expect(b.composition).toBe('evalplus');
		expect(b.problems[0]!.evalplus).toEqual({
			dataset: 'mbpp',
			atol: 0,
			base: '[[1.5], [Infinity]]',
			plus: '[]',
		});
		const bad = line({ ...head, task_id: 'Other/1' }, { base_input: '[]', plus_input: '[]' });
		expect(() => parseBenchmark(bad, 'x.jsonl')).toThrow(/x\.jsonl:1 \(field "task_id"\)/);
		expect(() =>
			evalplusProblem('y.jsonl')({ line: 3, value: { ...head, atol: 'no' }, raw: line(head, {}) }),
		).toThrow(/y\.jsonl:3 \(field "atol"\)/);
	});
});

describe('eval_results.json', () => {
	it("spells floats as Python's repr does", () => {
		const cases: [number, string][] = [
			[0.5, '0.5'],
			[1, '1.0'],
			[123, '123.0'],
			[1e-5, '1e-05'],
			[0.0001, '0.0001'],
			[1e16, '1e+16'],
			[1.5e16, '1.5e+16'],
			[123456789012345.6, '123456789012345.6'],
			[1e-100, '1e-100'],
			[-0, '-0.0'],
			[0.1 + 0.2, '0.30000000000000004'],
			[1e22, '1e+22'],
			[9007199254740992, '9007199254740992.0'],
		];
		for (const [x, py] of cases) expect(pythonFloat(x)).toBe(py);
	});

	const problem = {
		taskId: taskId('HumanEval/0'),
		prompt: 'def f(x):\n',
		tests: '',
		entryPoint: 'f',
		evalplus: { dataset: 'humaneval' as const, atol: 0, base: '[[1], [2.0]]', plus: '[[3], [4], [5]]' },
	};
	const phase = (status: PhaseVerdict['status'], input?: number, inputs = 3): PhaseVerdict => ({
		status,
		input,
		inputs,
	});
	const outcome = (base: PhaseVerdict, plus: PhaseVerdict): Outcome => ({
		sample: { taskId: problem.taskId, code: '    return x\n', full: false, file: 's.jsonl' },
		program: '',
		result: {
			status: base.status !== 'passed' ? base.status : plus.status,
			stdout: '',
			stderr: '',
			truncated: false,
			durationMs: 1,
			evalplus: { base, plus },
		} as ExecResult,
	});

	it('lists the failing input as EvalPlus does: the one that failed, or for a killed run the last one finished', () => {
		const text = toEvalplus(
			[
				outcome(phase('passed', undefined, 2), phase('passed')),
				outcome(phase('failed', 1, 2), phase('failed', 0)),
				outcome(phase('passed', undefined, 2), phase('timeout', 2)),
				outcome(phase('passed', undefined, 2), phase('timeout', 0)),
				outcome(phase('failed', undefined, 2), phase('failed')),
			],
			[problem],
			'md5',
			new Date(2026, 0, 2, 3, 4),
		);
		const doc = JSON.parse(text);
		expect(
			text.startsWith('{"date": "2026-01-02 03:04", "hash": "md5", "eval": {"HumanEval/0": [{"task_id": '),
		).toBe(true);
		const rows = doc.eval['HumanEval/0'];
		expect(rows.map((r: Record<string, unknown>) => [r.base_status, r.plus_status])).toEqual([
			['pass', 'pass'],
			['fail', 'fail'],
			['pass', 'timeout'],
			['pass', 'timeout'],
			['fail', 'fail'],
		]);
		// The input's own text: 2.0 stays 2.0.
		expect(text).toContain('"base_fail_tests": [[2.0]], "plus_fail_tests": [[3]]');
		expect(rows[2].plus_fail_tests).toEqual([[4]]);
		expect(rows[3].plus_fail_tests).toEqual([]);
		expect(rows[4].base_fail_tests).toEqual([]);
		expect(rows[0].solution).toBe('def f(x):\n    return x\n');
		// What evalplus computes (its estimator and np.mean), worked out with CPython and numpy.
		expect(
			text.endsWith('"pass_at_k": {"base": {"pass@1": 0.6}, "plus": {"pass@1": 0.19999999999999996}}}'),
		).toBe(true);
	});

	it("averages pass@k as numpy's mean does (pairwise), bit for bit", () => {
		// Worked out with numpy 2.4: np.array(values).mean() — a plain left-to-right sum differs.
		const values = Array.from({ length: 300 }, (_, i) => ((i * 7919) % 1000) / 997);
		expect(numpyMean(values)).toBe(0.5020060180541625);
		expect(values.reduce((a, b) => a + b, 0) / values.length).toBe(0.5020060180541632);
		expect(numpyMean(Array(10).fill(0.1))).toBe(0.1);
	});

	it('reads back base and plus: the verdict is both, and the base stays known', () => {
		const text = toEvalplus(
			[outcome(phase('passed'), phase('failed', 0)), outcome(phase('passed'), phase('passed'))],
			[problem],
			'h',
			new Date(0),
		);
		expect(parseResultsFile(text, 'eval_results.json')).toEqual([
			{ taskId: 'HumanEval/0', status: 'failed', base: 'passed' },
			{ taskId: 'HumanEval/0', status: 'passed', base: 'passed' },
		]);
	});
});
