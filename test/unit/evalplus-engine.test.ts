// EvalPlus's input-by-input runs on the real Pyodide build, in Node: the reference's outputs, each
// input under its own limit, EvalPlus's comparison rule and its special oracles, MBPP+'s restored
// inputs, and the CPython 3.11 sum() the references' numbers come from.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExecResult } from '../../src/lib/core/result';
import { DEFAULT_LIMITS, type Engine, type InputTests } from '../../src/lib/execution/runtime';
import { loadPythonEngine } from '../support/python-engine';

let engine: Engine;

beforeAll(async () => {
	engine = await loadPythonEngine();
}, 120_000);

type Io = Partial<InputTests> & Pick<InputTests, 'entryPoint' | 'inputs'>;
const job = (program: string, io: Io, timeMs = 10_000) =>
	engine.run(
		{
			language: 'python',
			program,
			inputs: { dataset: 'humaneval', task: 0, atol: 0, expected: null, limitsMs: null, ...io },
			limits: { ...DEFAULT_LIMITS, timeMs },
		},
		performance.now() + timeMs,
	) as ExecResult;

/** The reference's outputs, then the sample checked against them. */
function check(reference: string, sample: string, io: Io, limitsMs?: number[], timeMs?: number) {
	const ref = job(reference, io);
	expect(ref.status, ref.message).toBe('passed');
	expect(ref.reference!.timesMs).toHaveLength(JSON.parse(io.inputs).length);
	return job(sample, { ...io, expected: ref.reference!.outputs, limitsMs: limitsMs ?? null }, timeMs);
}

const add = 'def add(a, b):\n    return a + b\n';

describe('input by input', () => {
	it('passes a right sample and stops a wrong one at its first wrong input', () => {
		const io = { entryPoint: 'add', inputs: '[[1, 2], [3, 4], [5, 6]]' };
		expect(check(add, add, io).status).toBe('passed');
		const wrong = check(add, 'def add(a, b):\n    return 8 if a == 3 else a + b\n', io);
		expect(wrong).toMatchObject({ status: 'failed', kind: 'assertion', input: 1 });
		// What came back against what the reference gave, for the failure taxonomy and the drill-down.
		expect(wrong.assertion).toEqual({ actual: '8', actualType: 'int', expected: '7', expectedType: 'int' });
		const typed = check(add, 'def add(a, b):\n    return str(a + b)\n', io);
		expect(typed.assertion).toEqual({ actual: "'3'", actualType: 'str', expected: '3', expectedType: 'int' });
	});

	it("fails an input that runs past its own limit, and times out past the job's", () => {
		const io = { entryPoint: 'add', inputs: '[[1, 2], [3, 4], [5, 6]]' };
		const slow = 'def add(a, b):\n    while a == 3: pass\n    return a + b\n';
		const r = check(add, slow, io, [200, 200, 200]);
		expect(r).toMatchObject({ status: 'failed', kind: 'timeout', input: 1 });
		expect(check(add, slow, io, [60_000, 60_000, 60_000], 500)).toMatchObject({
			status: 'timeout',
			input: 1,
		});
	});

	it('fails on an exception, a missing entry point, or an __eq__ that raises', () => {
		const io = { entryPoint: 'add', inputs: '[[1, 2]]' };
		expect(check(add, 'def add(a, b):\n    return 1 / 0\n', io)).toMatchObject({
			status: 'failed',
			input: 0,
		});
		expect(check(add, 'def plus(a, b):\n    return a + b\n', io)).toMatchObject({ errorType: 'KeyError' });
		const eq = 'class X:\n    def __eq__(self, o): raise ValueError\ndef add(a, b):\n    return X()\n';
		expect(check(add, eq, io)).toMatchObject({ status: 'failed', input: 0 });
	});

	it("compares floats with EvalPlus's tolerance, which stays once an expected output is a float", () => {
		const io = { entryPoint: 'f', inputs: '[[0.1], [1]]' };
		const ref = 'def f(x):\n    return x * 3 if isinstance(x, float) else [x * 3.0]\n';
		const near = 'def f(x):\n    return x * 3 + 1e-7 if isinstance(x, float) else [x * 3.0 + 1e-7]\n';
		expect(check(ref, near, io).status).toBe('passed');
		// Without a float first, a list of floats is still compared with 1e-6 (is_floats on it).
		expect(check(ref, near, { ...io, inputs: '[[1]]' }).status).toBe('passed');
		const far = 'def f(x):\n    return x * 3 + 1e-3\n';
		expect(check(ref, far, { ...io, inputs: '[[0.1]]' }).status).toBe('failed');
		const asInt = 'def f(x):\n    return 0 if isinstance(x, float) else [3.0]\n';
		expect(check(ref, asInt, { ...io, inputs: '[[0.1]]' }).status).toBe('failed');
	});

	it("checks find_zero by the polynomial's value at the answer, not by the reference's answer", () => {
		const io = { entryPoint: 'find_zero', inputs: '[[[-6, 11, -6, 1]]]', atol: 1e-4 };
		const ref = 'def find_zero(xs):\n    return 1.0\n';
		expect(check(ref, 'def find_zero(xs):\n    return 3.0\n', io).status).toBe('passed');
		expect(check(ref, 'def find_zero(xs):\n    return 1.5\n', io).status).toBe('failed');
	});

	it("restores MBPP+'s tuples and applies its special oracles", () => {
		const mbpp = { dataset: 'mbpp' as const };
		const tuples = { ...mbpp, task: 2, entryPoint: 'similar_elements', inputs: '[[[3, 4, 5], [5, 4, 10]]]' };
		const ref =
			'def similar_elements(a, b):\n    assert isinstance(a, tuple)\n    return tuple(set(a) & set(b))\n';
		// Set equality for this task: any order passes.
		expect(check(ref, 'def similar_elements(a, b):\n    return (5, 4)\n', tuples).status).toBe('passed');
		expect(check(ref, 'def similar_elements(a, b):\n    return (5,)\n', tuples).status).toBe('failed');
		const notNone = { ...mbpp, task: 285, entryPoint: 'text_match_three', inputs: '[["abbb"], ["ac"]]' };
		const refRe = 'import re\ndef text_match_three(t):\n    return re.search("ab{3}", t)\n';
		expect(
			check(refRe, 'def text_match_three(t):\n    return "ab" if "abbb" in t else None\n', notNone).status,
		).toBe('passed');
		expect(check(refRe, 'def text_match_three(t):\n    return "x"\n', notNone)).toMatchObject({ input: 1 });
	});

	it('computes outputs too big to hand over in the sandbox, before the sample runs', () => {
		const io = { entryPoint: 'f', inputs: '[[3], [4]]' };
		const ref = 'def f(n):\n    return "x" * n\n';
		const given = (sample: string) => job(sample, { ...io, expected: ref, limitsMs: null });
		expect(given(ref).status).toBe('passed');
		// A sample that changes str's world after its own definitions ran cannot change the outputs.
		expect(
			given('import builtins\nbuiltins.len = lambda s: 0\ndef f(n):\n    return "y" * n\n'),
		).toMatchObject({
			status: 'failed',
			input: 0,
		});
	});
});

describe("CPython 3.11's sum()", () => {
	it('adds floats one by one, as the references did (3.12 made float sums compensated)', () => {
		const r = job('def f(xs):\n    return sum(xs)\n', {
			entryPoint: 'f',
			inputs: '[[[0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]]]',
		});
		expect(r.status).toBe('passed');
		const plain = (program: string) =>
			engine.run(
				{ language: 'python', program, limits: DEFAULT_LIMITS },
				performance.now() + 3000,
			) as ExecResult;
		const exact = plain('assert sum([0.1] * 10) == 0.9999999999999999\nassert sum([1, 2], 3) == 6');
		expect(exact.status, exact.message).toBe('passed');
		expect(plain('sum(["a"], "")').message).toContain("can't sum strings");
	});
});
