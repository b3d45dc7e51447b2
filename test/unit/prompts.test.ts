// Prompt templates: what is sent for each kind of benchmark and model, and a user's own template.
import { describe, expect, it } from 'vitest';
import { taskId } from '../../src/lib/core/ids';
import {
	customTemplate,
	chooseTemplate,
	instruct,
	promptText,
	template,
	TEMPLATE_NAMES,
} from '../../src/lib/prompts/templates';

const problem = {
	taskId: taskId('t'),
	prompt: 'function add(a, b){\n',
	tests: 'assert.deepEqual(add(1, 2), 3);',
};
const js = {
	id: 'humaneval-js',
	composition: 'multipl-e' as const,
	language: 'javascript' as const,
	stop: ['\nfunction '],
};
const mbppBench = { id: 'mbpp', composition: 'mbpp' as const };

describe('templates', () => {
	it('picks completion for base models and references, instruct for chat models, MBPP its own', () => {
		expect(chooseTemplate(js, 'completion').name).toBe('completion');
		expect(chooseTemplate(js, 'reference').name).toBe('completion');
		expect(chooseTemplate(js, 'chat').name).toBe('instruct');
		expect(chooseTemplate(js, 'chat', 'auto').name).toBe('instruct');
		expect(chooseTemplate(mbppBench, 'completion').name).toBe('mbpp');
		expect(chooseTemplate(mbppBench, 'reference').name).toBe('mbpp');
		expect(chooseTemplate(mbppBench, 'chat').name).toBe('mbpp-instruct');
	});

	it('a named template wins for every kind of model, and must fit the benchmark', () => {
		expect(chooseTemplate(js, 'reference', 'instruct').name).toBe('instruct');
		expect(chooseTemplate(js, 'chat', 'completion').name).toBe('completion');
		expect(() => chooseTemplate(mbppBench, 'chat', 'instruct')).toThrow(
			'template "instruct" does not fit mbpp (mbpp)',
		);
		expect(() => template('nope')).toThrow(`unknown template "nope" (known: ${TEMPLATE_NAMES.join(', ')})`);
	});

	it('instruct puts the prompt in a fence of the benchmark language and shows the exact text', () => {
		const p = instruct.build(js, problem);
		expect(promptText(p)).toBe(
			'[user]\nComplete the following JavaScript function. Reply with the complete function in a single ```javascript code block.\n\n```javascript\nfunction add(a, b){\n```',
		);
	});

	it("a user's template fills {prompt}, {tests} and {language}, with a reply prefix for chat", () => {
		const t = customTemplate({
			name: 'mine',
			mode: 'chat',
			text: 'Write {language}:\n{prompt}\nTests:\n{tests}',
			prefix: '```javascript\n',
		});
		const p = t.build(js, problem);
		expect(p).toEqual({
			mode: 'chat',
			stop: [],
			prefix: '```javascript\n',
			messages: [
				{
					role: 'user',
					content: 'Write JavaScript:\nfunction add(a, b){\n\nTests:\nassert.deepEqual(add(1, 2), 3);',
				},
			],
		});
		expect(promptText(p)).toMatch(/\[assistant\]\n```javascript\n$/);
		expect(
			customTemplate({ name: 'raw', mode: 'completion', text: '// solve\n{prompt}' }).build(js, problem),
		).toEqual({
			mode: 'completion',
			text: '// solve\nfunction add(a, b){\n',
			stop: ['\nfunction '],
		});
	});
});
