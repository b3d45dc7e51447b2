// Python's str() of floats and complex numbers against CPython's own (test/fixtures/python-repr.json,
// written by scripts/fidelity/python_repr.py): every failing input EvalPlus would write for MBPP+
// tasks 124 and 252 (mbpp_serialize_inputs re-serializes them), and repr's edge cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failTest } from '../../src/lib/formats/evalplus';
import { parseComplex, pythonComplexRepr, pythonFloatRepr } from '../../src/lib/formats/python-repr';
import { taskId } from '../../src/lib/core/ids';
import type { Problem } from '../../src/lib/benchmarks/types';

const cpython = JSON.parse(readFileSync('test/fixtures/python-repr.json', 'utf8')) as {
	inputs: [string, (string | number)[], string[]][];
	floats: [number, string][];
	complexes: [[number, number], string][];
};
const problem = (task: string): Problem => ({
	taskId: taskId(`Mbpp/${task}`),
	prompt: '',
	tests: '',
	evalplus: { dataset: 'mbpp', atol: 0, base: '[]', plus: '[]' },
});

describe("Python's str() of floats and complex numbers", () => {
	it('repr(float) as CPython writes it', () => {
		for (const [x, repr] of cpython.floats) expect(pythonFloatRepr(x)).toBe(repr);
		expect(pythonFloatRepr(-0)).toBe('-0.0');
	});

	it('repr(complex) as CPython writes it', () => {
		for (const [[re, im], repr] of cpython.complexes) {
			// JSON keeps no -0: the fixture's -0.0 parts are rebuilt from the repr's sign.
			const real = re === 0 && repr.startsWith('(-0') ? -0 : re;
			expect(pythonComplexRepr([real, im])).toBe(repr);
		}
	});

	it('complex() reads what the MBPP+ data holds and refuses what Python refuses', () => {
		expect(parseComplex('(-0-1e-16j)')).toEqual([-0, -1e-16]);
		expect(parseComplex('4.480282583176166j')).toEqual([0, 4.480282583176166]);
		expect(parseComplex('69.02761442257642')).toEqual([69.02761442257642, 0]);
		expect(parseComplex('-j')).toEqual([0, -1]);
		expect(() => parseComplex('1j+2')).toThrow(/malformed/);
	});

	it('every MBPP+ 124 / 252 input is written as EvalPlus writes it after a failure', () => {
		expect(cpython.inputs.length).toBeGreaterThan(200);
		for (const [task, inp, expected] of cpython.inputs)
			expect(failTest(problem(task), JSON.stringify(inp))).toEqual(expected);
	});
});
