// The tests in a model's answer to a test-generation prompt. Python follows CodeT's postprocess.py
// (test_case_extract): split at "assert ", keep the pieces that call the function, cut each at the
// first "\nclass", "\ndef", "\n#", "\nif" or "\nprint". JavaScript and Lua take the assertion lines
// that call the function and parse. Each answer gives at most its first five tests (CodeT's
// test_case_limit).
import type { Language } from '../core/ids';
import { fencedBlocks, stripThinking } from './extract';
import { syntaxError } from '../benchmarks/syntax';

export const TESTS_PER_ANSWER = 5;

const STOP = ['\nclass', '\ndef', '\n#', '\nif', '\nprint'];

const cutAtStop = (s: string) => {
	let end = s.length;
	for (const t of STOP) {
		const i = s.indexOf(t);
		if (i >= 0 && i < end) end = i;
	}
	return s.slice(0, end).trim();
};

function python(text: string, entry: string): string[] {
	return `assert ${text}`
		.split('assert ')
		.filter((part) => part.trim() && part.includes(entry.trim()))
		.map((part) => cutAtStop(`assert ${part}`.trim()))
		.filter((t) => t.length > 'assert '.length);
}

function lines(text: string, entry: string, start: RegExp): string[] {
	return text
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => start.test(l) && l.includes(entry));
}

const START: Record<Exclude<Language, 'python'>, RegExp> = {
	javascript: /^assert(\.\w+)?\s*\(/,
	lua: /^(lu\.assert\w*|assert)\s*\(/,
};

/** `lead`: what the prompt ended with (the model's text continues it). Chat answers: the code
 * blocks, if there are any, else the whole text. */
export function extractTests(language: Language, raw: string, entry: string, lead = ''): string[] {
	const text = stripThinking(raw);
	const blocks = fencedBlocks(text);
	const body = lead ? lead + text : blocks.length ? blocks.map((b) => b.code).join('\n') : text;
	// A test that does not parse is dropped before the cut, as CodeT's compile check does (Python's
	// is not checked here: no Python parser outside the sandbox).
	const tests =
		language === 'python'
			? python(body, entry)
			: lines(body, entry, START[language]).filter((t) => syntaxError(language, t) === null);
	return tests.slice(0, TESTS_PER_ANSWER);
}

/** The problem's tests: each distinct test once, weighted by how many answers wrote it, in the
 * order first written. */
export function testSet(answers: readonly string[][]): { text: string; weight: number }[] {
	const out = new Map<string, number>();
	for (const tests of answers) for (const t of tests) out.set(t, (out.get(t) ?? 0) + 1);
	return [...out].map(([text, weight]) => ({ text, weight }));
}
