// Self-repair: what a model is told after its code failed, and the prompt that asks it again. The
// feedback is built only from what the execution reported (the failing assertion with its two sides,
// the exception and its line, the output, a time-out), so the same verdict always gives the same text.
import type { Benchmark } from '../benchmarks/types';
import type { ExecResult } from '../core/result';
import type { Prompt } from './templates';

/** A feedback template: text with {feedback}, {code} and {language} filled in per failed round. */
export interface FeedbackTemplate {
	name: string;
	version: number;
	text: string;
}

/** Captured output shown to the model, at most (the rest is cut, saying so). */
export const FEEDBACK_OUTPUT_CHARS = 1000;

/** The default: the failure, then the ask for the whole corrected code in one fenced block (as the
 * self-repair studies prompt chat models: Olausson et al. 2024, Chen et al. 2024). */
export const REPAIR_FEEDBACK: FeedbackTemplate = {
	name: 'repair',
	version: 1,
	text:
		'Your code did not pass the tests.\n\n{feedback}\n\n' +
		'Fix the code. Reply with the complete corrected {language} code in a single code block.',
};

const NAMES = { python: 'Python', javascript: 'JavaScript', lua: 'Lua' } as const;
const COMMENT = { python: '#', javascript: '//', lua: '--' } as const;
type Lang = Pick<Benchmark, 'language' | 'dialect'>;
const languageName = (b: Lang) => (b.dialect === 'typescript' ? 'TypeScript' : NAMES[b.language]);

const cut = (s: string, n: number) =>
	s.length > n ? `${s.slice(0, n)}… (${s.length - n} more characters cut)` : s;

/** The program's line `n` (1-based), trimmed, if there is one. */
const lineOf = (program: string, n: number | undefined) =>
	n === undefined ? undefined : program.split('\n')[n - 1]?.trim() || undefined;

/** What went wrong, in the words the execution gave: the model sees the failing test, not the
 * benchmark's whole hidden test suite. */
export function feedbackText(result: ExecResult, program: string): string {
	const parts: string[] = [];
	const at = lineOf(program, result.line);
	if (result.status === 'timeout' || result.kind === 'timeout') {
		parts.push(
			`It ran out of time (${(result.durationMs / 1000).toFixed(1)} s): an endless loop, or far too slow.`,
		);
	} else if (result.kind === 'assertion') {
		parts.push(
			at ? `This test failed:\n${at}` : `A test failed${result.message ? `: ${result.message}` : '.'}`,
		);
		const s = result.assertion;
		if (s) parts.push(`Expected ${s.expected}, but the code returned ${s.actual}.`);
		else if (at && result.message) parts.push(`${result.errorType ?? 'AssertionError'}: ${result.message}`);
	} else {
		const what = `${result.errorType ?? 'Error'}${result.message ? `: ${result.message}` : ''}`;
		parts.push(at ? `${what}\nat line ${result.line}: ${at}` : what);
	}
	const out = result.stdout.trim();
	if (out) parts.push(`Its output:\n${cut(out, FEEDBACK_OUTPUT_CHARS)}`);
	return parts.join('\n');
}

export function fillFeedback(t: FeedbackTemplate, b: Lang, feedback: string, code: string): string {
	return t.text
		.replaceAll('{feedback}', feedback)
		.replaceAll('{code}', code)
		.replaceAll('{language}', languageName(b));
}

/** One earlier round of the conversation: what the model wrote, what of it ran (the whole attempt,
 * prompt included where the model only continued it) and the feedback message it was then sent. */
export interface Turn {
	raw: string;
	attempt: string;
	message: string;
}

/**
 * The next round's prompt. Chat: the same conversation — each reply as the model's turn, each
 * feedback as the next user turn. Completion (base models have no turns): the latest failed attempt
 * and its feedback as comments, then the original prompt again for the model to continue.
 */
export function repairPrompt(first: Prompt, b: Lang, turns: readonly Turn[]): Prompt {
	if (first.mode === 'chat')
		return {
			...first,
			messages: [
				...first.messages,
				...turns.flatMap((t) => [
					{ role: 'assistant' as const, content: (first.prefix ?? '') + t.raw },
					{ role: 'user' as const, content: t.message },
				]),
			],
		};
	const last = turns.at(-1);
	if (!last) return first;
	const c = COMMENT[b.language];
	const comment = (s: string) =>
		s
			.split('\n')
			.map((l) => `${c} ${l}`.trimEnd())
			.join('\n');
	return {
		...first,
		text: `${comment(`A previous attempt:\n${last.attempt.trimEnd()}`)}\n${comment(last.message)}\n\n${first.text}`,
	};
}
