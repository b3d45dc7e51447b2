// Asking the model for tests of its own task (CodeT, B4): a base model continues the function's
// stub into assertions — CodeT's prompt for Python (the signature and docstring, `pass`, then
// "# check the correctness of f" and "assert "), the same shape in JavaScript and Lua — and a chat
// model is asked for assertions in one code block. Named and versioned like the other templates.
import type { Benchmark, Problem } from '../benchmarks/types';
import type { Prompt } from './templates';

export interface TestPrompt {
	prompt: Prompt;
	/** What the prompt ends with, which the model's text continues (put back before extracting). */
	lead: string;
}

export const TEST_TEMPLATE = { name: 'codet-tests', version: 1 } as const;

type Bench = Pick<Benchmark, 'language' | 'dialect' | 'composition'>;

/** Does this benchmark say which function its tests call, in a prompt that is code? */
export const stubbable = (b: Bench) => b.composition !== 'mbpp';

const ASSERTS = {
	python: (f: string) => `assert ${f}(...) == ...`,
	javascript: (f: string) => `assert.deepEqual(${f}(...), ...);`,
	lua: (f: string) => `lu.assertEquals(${f}(...), ...)`,
} as const;
const NAMES = { python: 'Python', javascript: 'JavaScript', lua: 'Lua' } as const;

export function testPrompt(b: Bench, p: Problem, entry: string, chat: boolean): TestPrompt {
	if (chat || !stubbable(b)) {
		const shown =
			b.composition === 'mbpp' ? `${p.prompt}\nThe function is called ${entry}.` : p.prompt.trimEnd();
		const content =
			`Write test cases for this ${NAMES[b.language]} function. Do not write the function itself.\n\n` +
			'```\n' +
			shown +
			'\n```\n\n' +
			`Reply with the tests in a single code block, one assertion per line, like:\n${ASSERTS[b.language](entry)}`;
		return chat
			? { prompt: { mode: 'chat', messages: [{ role: 'user', content }], stop: [] }, lead: '' }
			: { prompt: { mode: 'completion', text: `${content}\n\n`, stop: [] }, lead: '' };
	}
	if (b.language === 'python') {
		const lead = 'assert ';
		const text = `${p.prompt.trimEnd()}\n    pass\n\n# check the correctness of ${entry}\n${lead}`;
		return { prompt: { mode: 'completion', text, stop: [] }, lead };
	}
	if (b.language === 'javascript') {
		const lead = `assert.deepEqual(${entry}(`;
		const text =
			`${p.prompt.trimEnd()}\n}\n\n// check the correctness of ${entry}\n` +
			`const assert = require("node:assert");\n${lead}`;
		return { prompt: { mode: 'completion', text, stop: [] }, lead };
	}
	const lead = `lu.assertEquals(${entry}(`;
	const text = `${p.prompt.trimEnd()}\nend\n\n-- check the correctness of ${entry}\nlocal lu = require('luaunit')\n${lead}`;
	return { prompt: { mode: 'completion', text, stop: [] }, lead };
}
