// CRUXEval: the answer read out of a model's text as the paper's postprocess_generation reads it,
// the program its evaluation runs (f"{code}\nassert {output} == {answer}"), and the answers it
// refuses to run. (The prompts were compared with prompts.py's own output when written; the test
// below pins their shape.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBenchmark } from '../../src/lib/benchmarks/parse';
import { compose, cruxDodge } from '../../src/lib/execution/compose';
import { cruxAnswer } from '../../src/lib/extraction/cruxeval';
import { chooseTemplate } from '../../src/lib/prompts/templates';

describe('CRUXEval answers', () => {
	it('output prediction keeps the right side of ==, input prediction the call on the left', () => {
		expect(cruxAnswer('output', 'assert f([1, 2]) == [2, 1]\n')).toBe('[2, 1]');
		expect(cruxAnswer('output', ' 17')).toBe('17');
		expect(cruxAnswer('input', 'assert f("ba", "nana") == "banana"\n')).toBe('f("ba", "nana")');
		expect(cruxAnswer('input', 'f(3)')).toBe('f(3)');
		// A chat reply with the tags around the assertion.
		expect(cruxAnswer('output', 'Sure.\n[ANSWER]\nassert f(1) == 2\n[/ANSWER]\nDone')).toBe('2');
	});

	it('does not run an answer that dodges the task', () => {
		expect(cruxDodge('output', 'f([1, 2])', '[1, 2]')).toMatch(/calls f on the input/);
		expect(cruxDodge('output', '[2, 1]', '[1, 2]')).toBeUndefined();
		expect(cruxDodge('input', '[1, 2]', '')).toMatch(/does not call f/);
		expect(cruxDodge('input', 'f([1, 2])', '')).toBeUndefined();
	});

	it("composes the paper's check, or a failing one that says why an answer was not run", () => {
		const parts = { prompt: 'def f(x):\n    return x', completion: '3', tests: '3', input: '3' };
		expect(compose('cruxeval-output', parts).program).toBe('def f(x):\n    return x\nassert 3 == 3');
		expect(compose('cruxeval-input', { ...parts, completion: 'f(3)' }).program).toBe(
			'def f(x):\n    return x\nassert 3 == f(3)',
		);
		expect(compose('cruxeval-output', { ...parts, completion: 'f(3)' }).program).toBe(
			'def f(x):\n    return x\nassert False, "not run: the answer calls f on the input"',
		);
	});
});

describe('the CRUXEval file', () => {
	const bench = parseBenchmark(readFileSync('datasets/cruxeval/cruxeval.jsonl', 'utf8'), 'cruxeval.jsonl');

	it('reads as CRUXEval-O: 800 functions with their input and output, the output as reference', () => {
		expect(bench.composition).toBe('cruxeval-output');
		expect(bench.problems).toHaveLength(800);
		const p = bench.problems[0]!;
		expect(p.taskId).toBe('sample_0');
		expect(p.cruxeval).toEqual({
			input: '[1, 1, 3, 1, 3, 1]',
			output: '[(4, 1), (4, 1), (4, 1), (4, 1), (2, 3), (2, 3)]',
		});
		expect(p.reference).toBe(p.cruxeval!.output);
	});

	it("asks with the paper's direct prompt and stops at [/ANSWER]", () => {
		const p = bench.problems[0]!;
		const b = { id: 'cruxeval-o', composition: bench.composition, language: bench.language, stop: [] };
		const prompt = chooseTemplate(b, 'completion').build(b, p);
		expect(prompt.mode === 'completion' && prompt.stop).toEqual(['[/ANSWER]']);
		expect(
			prompt.mode === 'completion' &&
				prompt.text.endsWith(
					`[PYTHON]\n${p.prompt}\nassert f([1, 1, 3, 1, 3, 1]) == ??\n[/PYTHON]\n[ANSWER]\n`,
				),
		).toBe(true);
		expect(chooseTemplate(b, 'chat').name).toBe('cruxeval-output-chat');
	});
});
