// HumanEval Pro / MBPP Pro (CodeEval-Pro): the prompt exactly as the paper's code builds it
// (eval/prompt_template.py PROMPT_WRAPPER, eval/utils.py map_humaneval_pro_problem), the completion
// cut at the closing fence (eval/inference.py), and the program its harness runs
// (raw_problem + completion + "\n" + test_code), with the reference solutions as its ground truth.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBenchmark } from '../../src/lib/benchmarks/parse';
import { compose } from '../../src/lib/execution/compose';
import { extract } from '../../src/lib/extraction/extract';
import { chooseTemplate } from '../../src/lib/prompts/templates';

const bench = parseBenchmark(
	readFileSync('datasets/codeeval-pro/humaneval_pro.json', 'utf8'),
	'humaneval_pro.json',
);
const p = bench.problems[0]!;
const he = { id: 'humaneval-pro', composition: bench.composition, language: bench.language, stop: ['```'] };

describe('HumanEval Pro', () => {
	it('reads the dataset: 164 problems, each with its follow-up problem and tests', () => {
		expect(bench.composition).toBe('self-invoking');
		expect(bench.problems).toHaveLength(164);
		expect(p.taskId).toBe('0');
		expect(p.followUp).toContain('def find_close_elements_lists');
		expect(p.tests).toContain('assert find_close_elements_lists(');
	});

	it("prompts as the paper's inference does, for base and for chat models", () => {
		const prompt1 = p.prompt.trim();
		const prompt2 = p.followUp!.trim();
		const instruction =
			'Write a solution of python file to the following problems, the solution of the second problem requires single or multiple calls to the first solution.\n' +
			'```python\n' +
			`${prompt1}\n${prompt2}\n` +
			'```';
		const base = chooseTemplate(he, 'completion').build(he, p);
		expect(base).toEqual({
			mode: 'completion',
			text:
				'You are an exceptionally intelligent coding assistant that consistently delivers accurate and reliable responses to user instructions.\n' +
				`@@ Instruction\n${instruction}\n\n@@ Response\n` +
				'```python\n' +
				`${prompt1}\n`,
			stop: ['```'],
		});
		const chat = chooseTemplate(he, 'chat').build(he, p);
		expect(chat).toMatchObject({ mode: 'chat', messages: [{ role: 'user', content: instruction }] });
		// The general templates do not show the follow-up problem, so they do not fit.
		expect(() => chooseTemplate(he, 'chat', 'instruct')).toThrow(/does not fit/);
	});

	it('cuts a completion at the closing fence and runs raw_problem + completion + tests', () => {
		const base = chooseTemplate(he, 'completion').build(he, p);
		const reply = '    return True\n\ndef find_close_elements_lists(x, t):\n    return []\n```\nDone.';
		const x = extract(reply, {
			language: 'python',
			prompt: base,
			problemPrompt: p.prompt,
			wholeProgram: false,
		});
		expect(x).toMatchObject({
			code: '    return True\n\ndef find_close_elements_lists(x, t):\n    return []\n',
			full: false,
		});
		const { program } = compose('self-invoking', { prompt: p.prompt, completion: x.code, tests: p.tests });
		expect(program).toBe(p.prompt + x.code + '\n' + p.tests);
	});

	it("composes the reference into the harness's ground-truth program", () => {
		const raw = JSON.parse(readFileSync('datasets/codeeval-pro/humaneval_pro.json', 'utf8'))[0];
		const { program } = compose('self-invoking', {
			prompt: p.prompt,
			completion: p.reference!,
			tests: p.tests,
		});
		expect(program).toBe(
			raw.raw_problem + raw.raw_solution + raw.new_problem + raw.new_solution + '\n' + raw.test_code,
		);
	});
});
