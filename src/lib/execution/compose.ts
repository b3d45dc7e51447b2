// Program composition, exactly as the reference harnesses do it. The line where the tests start is
// returned too: harnesses use it to check that the functions the tests call are the tests' own.
import type { Language } from '../core/ids';
import type { Job, Limits } from './runtime';

export type Composition =
	'human-eval' | 'multipl-e' | 'mbpp' | 'evalplus' | 'self-invoking' | 'cruxeval-output' | 'cruxeval-input';

export interface Parts {
	prompt: string;
	completion: string;
	tests: string;
	/** human-eval's entry_point; MBPP's setup code goes in `setup`. */
	entryPoint?: string;
	setup?: string;
	/** CRUXEval: the function's given input. */
	input?: string;
}

export interface Composed {
	program: string;
	testsLine: number;
	entryPoint?: string;
	checkName?: string;
}

const lineOf = (prefix: string) => prefix.split('\n').length;

export function compose(style: Composition, p: Parts): Composed {
	switch (style) {
		case 'human-eval': {
			// openai/human-eval execution.py: prompt + completion + "\n" + test + "\n" + f"check({entry_point})"
			if (!p.entryPoint) throw new Error('human-eval composition needs an entry point');
			const head = p.prompt + p.completion + '\n';
			const program = head + p.tests + '\n' + `check(${p.entryPoint})`;
			return { program, testsLine: lineOf(head), entryPoint: p.entryPoint, checkName: 'check' };
		}
		case 'multipl-e':
		case 'self-invoking': {
			// MultiPL-E: prompt + completion + "\n" + tests. CodeEval-Pro (eval/harness.py, through
			// code_eval): raw_problem + completion, then "\n" + test_code — the same shape.
			const head = p.prompt + p.completion + '\n';
			return { program: head + p.tests, testsLine: lineOf(head) };
		}
		case 'evalplus': {
			// evalplus/evaluate.py: the solution is prompt + completion; the inputs are the tests.
			return {
				program: p.prompt + p.completion,
				testsLine: lineOf(p.prompt + p.completion) + 1,
				entryPoint: p.entryPoint,
			};
		}
		case 'cruxeval-output':
		case 'cruxeval-input': {
			// CRUXEval (evaluation/utils_general.py): f"{code}\nassert {output} == {answer}", with the
			// answer already read from the model's text; `tests` holds the true output. An answer that
			// dodges the task is not run there: it fails here, saying why.
			const head = p.prompt + '\n';
			const dodge = cruxDodge(style === 'cruxeval-output' ? 'output' : 'input', p.completion, p.input ?? '');
			const check = dodge
				? `assert False, ${JSON.stringify(`not run: ${dodge}`)}`
				: `assert ${p.tests} == ${p.completion}`;
			return { program: head + check, testsLine: lineOf(head) };
		}
		case 'mbpp': {
			// MBPP: code + "\n" + test_setup_code + "\n" + asserts (the prompt is not part of the program)
			const head = p.completion + '\n' + (p.setup ?? '') + '\n';
			return { program: head + p.tests, testsLine: lineOf(head) };
		}
	}
}

export function toJob(language: Language, c: Composed, limits: Limits): Job {
	return {
		language,
		program: c.program,
		testsLine: c.testsLine,
		entryPoint: c.entryPoint,
		checkName: c.checkName,
		limits,
	};
}

/** evaluation/utils_general.py does not run an answer that dodges the task: an output answer that
 * calls f on the input, an input answer that calls no f. The reason, or undefined to run it. */
export function cruxDodge(task: 'output' | 'input', answer: string, input: string): string | undefined {
	if (task === 'output' && answer.includes(`f(${input})`)) return 'the answer calls f on the input';
	if (task === 'input' && !answer.includes('f(')) return 'the answer does not call f';
	return undefined;
}
