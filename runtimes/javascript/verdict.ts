// From what a JavaScript program did to a verdict, the way MultiPL-E reads `node`'s exit: an
// uncaught error's name is the status; Benchtop's own stops (deadline, exit, output) come first.
import type { ExecVerdict, FailureKind } from '../../src/lib/core/result';
import type { Job } from '../../src/lib/execution/runtime';

export function classifyJsError(
	e: { name?: string; message?: string },
	stop: FailureKind | undefined,
	exitCode: number | undefined,
	line: number | undefined,
): ExecVerdict {
	if (stop === 'timeout') return { status: 'timeout', kind: 'timeout', message: 'timed out' };
	if (stop === 'early-exit') {
		return exitCode === 0
			? { status: 'failed', kind: 'early-exit', message: 'exited before the tests ran (process.exit(0))' }
			: { status: 'failed', kind: 'exception', message: `process exited with code ${exitCode}` };
	}
	const name = typeof e.name === 'string' ? e.name : undefined;
	const message = typeof e.message === 'string' ? e.message : '';
	const at = line !== undefined ? { line } : {};
	if (name === 'InternalError' && /out of memory/.test(message)) {
		return { status: 'failed', kind: 'memory', errorType: 'RangeError', message: 'out of memory', ...at };
	}
	if (name === 'InternalError' && /stack overflow/.test(message)) {
		return {
			status: 'failed',
			kind: 'stack',
			errorType: 'RangeError',
			message: 'Maximum call stack size exceeded',
			...at,
		};
	}
	if (name === 'SyntaxError') return { status: 'failed', kind: 'syntax', errorType: name, message, ...at };
	if (name === 'AssertionError')
		return { status: 'failed', kind: 'assertion', errorType: name, message, ...at };
	return {
		status: 'failed',
		kind: 'exception',
		...(name && { errorType: name }),
		message: message || String(e),
		...at,
	};
}

/** First line of the program named in a QuickJS stack ("at f (program.js:12:5)"). */
export function lineIn(stack: string | undefined, file: string): number | undefined {
	const m = stack?.match(new RegExp(`${file.replace('.', '\\.')}:(\\d+)`));
	return m ? Number(m[1]) : undefined;
}

/** The tests load node:assert: a pass then needs at least one assertion to have run. */
export function testsRequireAssert(job: Job): boolean {
	const tests = job.program
		.split('\n')
		.slice((job.testsLine ?? 1) - 1)
		.join('\n');
	return /require\(\s*['"](?:node:)?assert(?:\/strict)?['"]\s*\)/.test(tests);
}
