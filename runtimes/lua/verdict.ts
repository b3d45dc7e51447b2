// From what a Lua program did to a verdict. lua5.4 passes a program iff it exits 0; Benchtop also
// asks that LuaUnit really ran the tests, untouched, with at least one assertion — or, for tests
// written without LuaUnit (plain assert, as in the Teach view), that the program ran to its end.
import type { AssertionSides, ExecVerdict, FailureKind } from '../../src/lib/core/result';

export interface LuaRun {
	stop?: FailureKind | 'exit';
	/** The first os.exit's code: later ones (from code a pcall let run on) do not count. */
	exitCode?: number;
	/** os.exit was called before LuaUnit reported. */
	exitBeforeReport?: boolean;
	syntax?: string;
	error?: string;
	report?: { tests: number; failures: number; errors: number; assertions: number; intact: boolean };
	/** The tests load LuaUnit (MultiPL-E's do); otherwise they are plain asserts. */
	usesLuaUnit?: boolean;
}

/** Do the tests (the program from the tests' first line) load LuaUnit? */
export function testsUseLuaUnit(program: string, testsLine = 1): boolean {
	const tests = program
		.split('\n')
		.slice(testsLine - 1)
		.join('\n');
	return /require\s*\(?\s*['"]luaunit['"]/.test(tests);
}

const lineOf = (msg: string) => {
	const m = msg.match(/program\.lua:(\d+):/);
	return m ? { line: Number(m[1]) } : {};
};

export function luaVerdict(run: LuaRun): ExecVerdict {
	const exit = run.exitCode !== undefined ? { exitCode: run.exitCode } : {};
	if (run.stop === 'timeout') return { status: 'timeout', kind: 'timeout', message: 'timed out' };
	if (run.syntax)
		return {
			status: 'failed',
			kind: 'syntax',
			errorType: 'SyntaxError',
			message: run.syntax,
			exitCode: 1,
			...lineOf(run.syntax),
		};
	if (run.stop !== 'exit' && run.error) {
		const memory = /not enough memory/.test(run.error);
		const stack = /stack overflow/.test(run.error);
		return {
			status: 'failed',
			kind: memory ? 'memory' : stack ? 'stack' : 'exception',
			errorType: 'LuaError',
			message: run.error,
			exitCode: 1,
			...lineOf(run.error),
		};
	}
	const code = run.exitCode ?? 0;
	const r = run.report;
	if (code !== 0) {
		const failed = r ? `${r.failures} failed, ${r.errors} errors of ${r.tests} tests` : `exit code ${code}`;
		return {
			status: 'failed',
			kind: r && r.failures > 0 && r.errors === 0 ? 'assertion' : 'exception',
			message: failed,
			...exit,
		};
	}
	if (run.usesLuaUnit === false)
		return run.stop === 'exit'
			? {
					status: 'failed',
					kind: 'early-exit',
					message: 'exited before the program ended (os.exit)',
					...exit,
				}
			: { status: 'passed', ...exit };
	if (!r || run.exitBeforeReport)
		return {
			status: 'failed',
			kind: 'early-exit',
			message: 'exited before the tests ran (LuaUnit had not reported)',
			...exit,
		};
	if (!r.intact)
		return {
			status: 'failed',
			kind: 'harness-tampered',
			message: 'test harness replaced (luaunit or require was changed)',
			...exit,
		};
	if (r.failures + r.errors > 0)
		return {
			status: 'failed',
			kind: 'harness-tampered',
			message: 'test harness replaced (tests failed but the exit code was 0)',
			...exit,
		};
	if (r.tests === 0 || r.assertions === 0)
		return {
			status: 'failed',
			kind: 'harness-tampered',
			message: 'test harness replaced (no test or assertion ran)',
			...exit,
		};
	return { status: 'passed', ...exit };
}

/** The first failed LuaUnit equality in what the program printed ("expected: X\nactual: Y", or on
 * one line for assertTrue and its kin), with each side's Lua type read off how prettystr prints it. */
export function luaunitSides(stdout: string): AssertionSides | undefined {
	const m = stdout.match(/expected: ([^\n]*?)(?:\n|, )actual: ([^\n]*)/);
	if (!m) return undefined;
	const [expected, actual] = [m[1]!, m[2]!];
	return { actual, actualType: luaTypeOf(actual), expected, expectedType: luaTypeOf(expected) };
}

const luaTypeOf = (shown: string): string =>
	shown === 'nil'
		? 'nil'
		: shown === 'true' || shown === 'false'
			? 'boolean'
			: shown.startsWith('"')
				? 'string'
				: shown.startsWith('{')
					? 'table'
					: /^-?(\d|inf|nan|-nan)/.test(shown)
						? 'number'
						: 'unknown';
