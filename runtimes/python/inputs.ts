// EvalPlus's input loop (evalplus/eval/__init__.py unsafe_execute), driven from JavaScript: the
// sample's entry point is called on each input through the C API — no frame of ours above it — under
// that input's own deadline, and each output is compared by evalplus.py's check(). The loop, the
// verdict and the count of inputs passed live here, out of the sample's reach.
//
// Statuses follow EvalPlus: an input past its own limit fails the sample at that input (EvalPlus's
// SIGALRM raises inside the call); running past the whole job's limit is a timeout (EvalPlus kills
// the process). The first failing input stops the run, as EvalPlus's default fast check does.
import type { PyProxy } from 'pyodide/ffi';
import type { AssertionSides, ExecVerdict } from '../../src/lib/core/result';
import type { InputTests } from '../../src/lib/execution/runtime';
import type { CApiModule } from './capi';

/** What the engine lends the loop: the interpreter, its clock and its deadline switch. */
export interface LoopContext {
	m: CApiModule & { PyProxy_getPtr(p: PyProxy): number };
	now(): number;
	/** Run with this deadline armed (0: disarmed). */
	arm(deadline: number): void;
	gcDisable(): void;
	/** Moves a raised exception into a verdict (its kind decided before any of its code runs). */
	failure(exc: number): ExecVerdict;
	/** Append a new reference to the holder list (consumes it). */
	hold(obj: number): void;
	/** evalplus.py's check(dataset, entry_point, holder, atol) → 1 pass, 0 fail, +2 atol became 1e-6. */
	check(dataset: string, entryPoint: string, atol: number): number;
	/** A fresh Python list the reference's outputs go into. */
	outputs: PyProxy | null;
	/** The last failed comparison's sides, printed (evalplus.py's failed_sides), or null. */
	failedSides(): AssertionSides | null;
}

type Phase = ExecVerdict & { timesMs: number[] };

/** Past the whole run's limit: EvalPlus would have killed the process by now. */
const timedOut = (input: number, timesMs: number[]): Phase => ({
	status: 'timeout',
	kind: 'timeout',
	message: 'timed out',
	input,
	timesMs,
});

function settle(c: LoopContext): boolean {
	try {
		c.gcDisable();
		return true;
	} catch {
		return false;
	}
}

/** Runs the loop; `fn`, `args` and `expected` are borrowed pointers. Returns the phase's verdict. */
export function runInputs(
	c: LoopContext,
	io: InputTests,
	ptrs: { fn: number; args: number; expected: number },
	until: number,
): Phase {
	const { m } = c;
	const n = m._PyList_Size(ptrs.args);
	const timesMs: number[] = [];
	let atol = io.atol;
	const outputsPtr = c.outputs ? m.PyProxy_getPtr(c.outputs) : 0;
	for (let i = 0; i < n; i++) {
		const limit = io.limitsMs?.[i];
		const deadline = limit === undefined ? until : Math.min(until, c.now() + limit);
		const args = m._PyList_GetItem(ptrs.args, i);
		c.arm(deadline);
		const started = c.now();
		const out = m._PyObject_Call(ptrs.fn, args, 0);
		const took = c.now() - started;
		c.arm(0);
		if (!out) {
			const exc = m._PyErr_GetRaisedException();
			const v = c.failure(exc);
			if (v.kind !== 'timeout') return { ...v, input: i, timesMs };
			if (c.now() >= until) return timedOut(i, timesMs);
			const message = `input ${i + 1} ran past its limit of ${Math.round(limit ?? until - started)} ms`;
			return { status: 'failed', kind: 'timeout', errorType: 'TimeoutException', message, input: i, timesMs };
		}
		timesMs.push(took);
		// The sample may have switched collection back on: none of its __del__ inside our checks.
		// A stop that arrived as the call returned is still pending, and raises here: a timeout.
		if (!settle(c)) return timedOut(i, timesMs);
		if (outputsPtr) {
			m._PyList_Append(outputsPtr, out);
			m._Py_DecRef(out);
			continue;
		}
		// The comparison may run the sample's __eq__: under the job's deadline, never unguarded.
		m._Py_IncRef(args);
		c.hold(args);
		c.hold(out);
		const exp = m._PyList_GetItem(ptrs.expected, i);
		m._Py_IncRef(exp);
		c.hold(exp);
		c.arm(until);
		let code = 0;
		try {
			code = c.check(io.dataset, io.entryPoint, atol);
		} catch {
			code = 0; // the comparison raised: EvalPlus counts the input as failed
		}
		c.arm(0);
		if (!settle(c) || c.now() >= until) return timedOut(i, timesMs);
		if (code & 2) atol = 1e-6;
		if (!(code & 1)) {
			// Printing the two outputs may run the sample's __repr__: under what is left of the deadline.
			c.arm(until);
			let sides: AssertionSides | null = null;
			try {
				sides = c.failedSides();
			} catch {
				// not printable: the verdict stands without them
			}
			c.arm(0);
			return {
				status: 'failed',
				kind: 'assertion',
				errorType: 'AssertionError',
				message: `wrong output for input ${i + 1} of ${n}`,
				input: i,
				...(sides && { assertion: sides }),
				timesMs,
			};
		}
	}
	return { status: 'passed', timesMs };
}
