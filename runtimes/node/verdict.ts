// From a node process to a verdict, as MultiPL-E reads it: exit 0 passes; otherwise the status is
// AssertionError (ERR_ASSERTION in stderr), SyntaxError, ReferenceError or Exception; a killed
// process is a timeout. Output is cut to the limit.
import type { ExecResult } from '../../src/lib/core/result';
import type { Limits } from '../../src/lib/execution/runtime';

export interface NodeRun {
	exitCode: number | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
	durationMs: number;
}

const cut = (s: string, bytes: number) => {
	const b = new TextEncoder().encode(s);
	return b.length <= bytes
		? { text: s, cut: false }
		: { text: new TextDecoder().decode(b.slice(0, bytes)), cut: true };
};

/** The uncaught error's name and message from node's stderr ("AssertionError [ERR_ASSERTION]: …"). */
export function uncaught(stderr: string): { name?: string; message?: string; line?: number } {
	const m = /^(?:Uncaught )?([A-Z]\w*(?:Error|Exception))(?: \[(\w+)\])?: ?(.*)$/m.exec(stderr);
	const line = /program\.[jt]s:(\d+)/.exec(stderr)?.[1];
	return {
		...(m && { name: m[1], message: m[3] }),
		...(line !== undefined && { line: Number(line) }),
	};
}

export function nodeVerdict(run: NodeRun, limits: Limits): ExecResult {
	const out = cut(run.stdout, limits.outputBytes);
	const err = cut(run.stderr, limits.outputBytes);
	const base = {
		stdout: out.text,
		stderr: err.text,
		truncated: out.cut || err.cut,
		durationMs: run.durationMs,
	};
	if (run.timedOut) return { status: 'timeout', kind: 'timeout', message: 'timed out', ...base };
	if (run.exitCode === 0) return { status: 'passed', exitCode: 0, ...base };
	const e = uncaught(run.stderr);
	const assertion = run.stderr.includes('ERR_ASSERTION');
	const kind = assertion
		? 'assertion'
		: e.name === 'SyntaxError'
			? 'syntax'
			: /heap out of memory/i.test(run.stderr)
				? 'memory'
				: /Maximum call stack/.test(run.stderr)
					? 'stack'
					: 'exception';
	return {
		status: 'failed',
		kind,
		errorType: assertion
			? 'AssertionError'
			: (e.name ??
				(run.stderr.includes('SyntaxError')
					? 'SyntaxError'
					: run.stderr.includes('ReferenceError')
						? 'ReferenceError'
						: undefined)),
		message: e.message ?? `node exited with code ${run.exitCode}`,
		...(e.line !== undefined && { line: e.line }),
		exitCode: run.exitCode ?? 1,
		...base,
	};
}
