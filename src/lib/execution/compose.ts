// Program composition, exactly as the reference harnesses do it. The line where the tests start is
// returned too: harnesses use it to check that the functions the tests call are the tests' own.
import type { Language } from '../core/ids';
import type { Job, Limits } from './runtime';

export type Composition =
	| 'human-eval'
	| 'multipl-e'
	| 'mbpp'
	| 'evalplus'
	| 'self-invoking'
	| 'cruxeval-output'
	| 'cruxeval-input'
	| 'classeval';

export interface Parts {
	prompt: string;
	completion: string;
	tests: string;
	/** human-eval's entry_point; MBPP's setup code goes in `setup`. */
	entryPoint?: string;
	setup?: string;
	/** CRUXEval: the function's given input. */
	input?: string;
	/** ClassEval: the unittest classes that must all pass, in order. */
	testClasses?: readonly string[];
}

export interface Composed {
	program: string;
	testsLine: number;
	entryPoint?: string;
	checkName?: string;
	/** The reference runs the program without human-eval's reliability guard (ClassEval). */
	unguarded?: boolean;
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
		case 'classeval': {
			// ClassEval (classeval_evaluation/test_pipeline.py): import_statement + "\n" + code, then
			// "\n" + test, imported as a module; each test class is run with unittest and succeeds when
			// it ran tests with no failure or error. The class counts as solved when every one does.
			const head = (p.setup ?? '') + '\n' + p.completion + '\n';
			const program = head + p.tests + '\n' + classevalRunner(p.testClasses ?? []);
			return { program, testsLine: lineOf(head), unguarded: true };
		}
		case 'mbpp': {
			// MBPP: code + "\n" + test_setup_code + "\n" + asserts (the prompt is not part of the program)
			const head = p.completion + '\n' + (p.setup ?? '') + '\n';
			return { program: head + p.tests, testsLine: lineOf(head) };
		}
	}
}

/** MultiPL-E gives `tsc` 15 s of its own before `node` runs the output. */
export const TSC_MS = 15_000;

export function toJob(language: Language, c: Composed, limits: Limits, dialect?: 'typescript'): Job {
	return {
		language,
		program: c.program,
		testsLine: c.testsLine,
		entryPoint: c.entryPoint,
		checkName: c.checkName,
		...(c.unguarded && { unguarded: true }),
		limits,
		...(dialect && { dialect, compileMs: TSC_MS }),
	};
}

/** evaluation/utils_general.py does not run an answer that dodges the task: an output answer that
 * calls f on the input, an input answer that calls no f. The reason, or undefined to run it. */
export function cruxDodge(task: 'output' | 'input', answer: string, input: string): string | undefined {
	if (task === 'output' && answer.includes(`f(${input})`)) return 'the answer calls f on the input';
	if (task === 'input' && !answer.includes('f(')) return 'the answer does not call f';
	return undefined;
}

/** ClassEval's time for each test class (func_set_timeout(5) in its test_pipeline.py). */
export const CLASSEVAL_CLASS_S = 5;

/** Runs ClassEval's test classes as its pipeline does (a missing class is an error, as its
 * `getattr` there is) and fails, naming each class that did not succeed and its first problem. */
function classevalRunner(classes: readonly string[]): string {
	return `
def __classeval_run(names):
    import io, time, unittest
    bad = []
    for name in names:
        case = globals().get(name)
        if case is None:
            bad.append(f"{name}: no such test class")
            continue
        stream = io.StringIO()
        began = time.perf_counter()
        r = unittest.TextTestRunner(stream=stream, verbosity=0).run(unittest.TestLoader().loadTestsFromTestCase(case))
        if time.perf_counter() - began > ${CLASSEVAL_CLASS_S}:
            bad.append(f"{name}: took over ${CLASSEVAL_CLASS_S} s (ClassEval stops a test class there)")
        elif r.testsRun == 0 or r.errors or r.failures:
            first = (r.failures + r.errors)[:1]
            why = f" - {first[0][0].id().rsplit('.', 1)[-1]}: {first[0][1].strip().splitlines()[-1]}" if first else ""
            bad.append(f"{name}: {len(r.failures)} failed, {len(r.errors)} errors of {r.testsRun}{why}")
    if bad:
        raise AssertionError("; ".join(bad))

__classeval_run(${JSON.stringify(classes)})
`;
}
