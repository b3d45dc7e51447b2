// Code extraction, table-driven from realistic model replies (test/fixtures/model-outputs.ts).
import { describe, expect, it } from 'vitest';
import { extract, fencedBlocks, stripThinking, truncateAtStop } from '../../src/lib/extraction/extract';
import { completion, instruct, mbpp } from '../../src/lib/prompts/templates';
import { OUTPUT_CASES } from '../fixtures/model-outputs';
import { taskId } from '../../src/lib/core/ids';

describe('chat replies', () => {
	it.each(OUTPUT_CASES)('$name', (c) => {
		const prompt = instruct.build(
			{ composition: c.language === 'python' ? 'human-eval' : 'multipl-e', language: c.language, stop: [] },
			{ taskId: taskId('t'), prompt: c.problemPrompt, tests: '' },
		);
		const r = extract(c.raw, {
			language: c.language,
			prompt,
			problemPrompt: c.problemPrompt,
			entryPoint: c.entryPoint,
			wholeProgram: false,
		});
		expect({ code: r.code, full: r.full }).toEqual({ code: c.code, full: c.full });
		expect(r.how).not.toBe('');
	});
});

describe('completion mode', () => {
	const bench = {
		composition: 'human-eval' as const,
		language: 'python' as const,
		stop: ['\ndef', '\nif', '\nprint'],
	};
	const problem = { taskId: taskId('t'), prompt: 'def f(x):\n', tests: '' };
	const ctx = (raw: string) =>
		extract(raw, {
			language: 'python',
			prompt: completion.build(bench, problem),
			problemPrompt: problem.prompt,
			wholeProgram: false,
		});

	it('cuts at the earliest stop sequence', () => {
		expect(ctx('    return x + 1\n\nprint(f(2))\ndef g(): pass')).toEqual({
			code: '    return x + 1\n',
			full: false,
			how: 'cut at a stop sequence',
		});
	});
	it('keeps a completion with no stop sequence as generated', () => {
		expect(ctx('    return x\n').code).toBe('    return x\n');
	});
	it("MBPP's [DONE] ends the program", () => {
		const p = mbpp.build(
			{ composition: 'mbpp', language: 'python', stop: [] },
			{ ...problem, prompt: 'Add one.', tests: 'assert f(1) == 2' },
		);
		expect(p).toMatchObject({ mode: 'completion', stop: ['[DONE]'] });
		expect(p.mode === 'completion' && p.text.endsWith('assert f(1) == 2\n[BEGIN]\n')).toBe(true);
		const r = extract('def f(x):\n    return x + 1\n[DONE]\nmore', {
			language: 'python',
			prompt: p,
			problemPrompt: 'Add one.',
			wholeProgram: true,
		});
		expect(r.code).toBe('def f(x):\n    return x + 1\n');
	});
});

describe('helpers', () => {
	it('truncateAtStop ignores empty stop strings', () => {
		expect(truncateAtStop('abc', ['', 'c'])).toBe('ab');
	});
	it('stripThinking drops closed, unclosed and unopened reasoning', () => {
		expect(stripThinking('<think>a</think>b<think>c')).toBe('b');
		expect(stripThinking('reasoning without the opening tag</think>answer')).toBe('answer');
	});
	it('fencedBlocks reads tildes, longer fences, and labels with extras', () => {
		expect(fencedBlocks('~~~py\nx\n~~~\n````python title="a"\ny\n````')).toEqual([
			{ lang: 'py', code: 'x' },
			{ lang: 'python', code: 'y' },
		]);
	});
});
