// The Python engine over a loaded Pyodide: every sample starts from the same memory image
// (image.ts), taken once the harness is set up; the sample is run through the C API, so no Python
// frame of ours is above it, and its exception is classified by CPython's own subclass test before
// any of the sample's code could run again (capi.ts). harness.py checks what the sample's own tests
// rely on; guard.py is what the sample meets in place of the dangerous parts.
//
// Timeouts are soft first: Pyodide polls its interrupt buffer, and ours answers SIGINT once the
// deadline has passed (or the pool wrote into the shared buffer), SIGUSR1 once the heap passes the
// memory limit.
import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import {
	assertionSides,
	type ExecResult,
	type ExecVerdict,
	type ShownSides,
} from '../../src/lib/core/result';
import type { Engine, InputTests, Job } from '../../src/lib/execution/runtime';
import { cutJavaScriptBridge, exceptionKinds, removeBuiltinModules, REMOVED_BUILTINS } from './capi';
import { takeImage, type EmscriptenFS, type Image } from './image';
import { runInputs, type LoopContext } from './inputs';
import { packageInstaller } from './packages';
import { PRELOAD } from './preload';

const SIGINT = 2;
const SIGUSR1 = 10;
/** Read the clock only every 16th poll: Pyodide polls millions of times a second in a tight loop. */
const POLL_MASK = 15;
const RESIGNAL_MS = 50;
const WORKDIR = '/tmp/sample';
/** The largest pickled reference outputs handed to samples; past it each sample computes its own. */
const MAX_OUTPUTS_BYTES = 8 << 20;

type Fn<A extends unknown[], R> = PyProxy & ((...a: A) => R);

/** harness.py and guard.py's text (the worker bundles them; Node tests and the bench read them). */
export interface HarnessSources {
	harness: string;
	guard: string;
	/** syntax311.py: the references' grammar, evaluated into the guard's namespace. */
	syntax: string;
	evalplus: string;
}

/** The four files by name (Node reads them from runtimes/python/; the worker bundles them). */
export const harnessSources = (read: (file: string) => string): HarnessSources => ({
	harness: read('harness.py'),
	guard: read('guard.py'),
	syntax: read('syntax311.py'),
	evalplus: read('evalplus.py'),
});

/** Set up the harness in `py` and take the image. `interrupt`: the pool's shared stop flag, if any. */
export function pythonEngine(
	py: PyodideAPI,
	interrupt: Int32Array | null,
	sources: HarnessSources,
): Engine & { image: Image } {
	const m = (py as unknown as { _module: LoopContext['m'] })._module;
	const fs = py.FS as unknown as EmscriptenFS;
	const builtins = py.pyimport('builtins') as PyProxy & Record<string, Fn<unknown[], PyProxy>>;
	// Each runs into a namespace of its own, never put in sys.modules.
	const namespace = (source: string) => {
		const ns = builtins.dict();
		py.runPython(source, { globals: ns });
		return ns as PyProxy & { get(name: string): PyProxy };
	};
	const guard = namespace(sources.guard);
	py.runPython(sources.syntax, { globals: guard });
	const harness = namespace(sources.harness);
	const fn = <A extends unknown[], R>(name: string) => harness.get(name) as Fn<A, R>;
	fn<[PyProxy, string[]], void>('setup')(guard, PRELOAD);
	// The guard took is_integer out of int's dict (3.11 has none): CPython's type cache must forget it.
	m._PyType_Modified(m._PyLong_Type);
	// After the guard: its builtins copy then has the reference's sum() (guard.py), as _poly needs.
	const evalplus = namespace(sources.evalplus);
	const ep = <A extends unknown[], R>(name: string) => evalplus.get(name) as Fn<A, R>;
	const parseInputs = ep<[string, string, number], PyProxy>('inputs');
	const loadExpected = ep<[PyProxy], PyProxy>('expected');
	const dumpOutputs = ep<[PyProxy, string, string, number], PyProxy | undefined>('dump');
	const referenceOutputs = ep<[string, string, string, PyProxy], PyProxy>('reference_outputs');
	const checkOutput = ep<[string, string, PyProxy, number], number>('check');
	const failedSides = ep<[], PyProxy | undefined>('failed_sides');
	// JavaScript's undefined arrives as None (null would be a JsNull).
	const begin = fn<[string, number, string | undefined], PyProxy>('begin');
	const testNames = fn<[string, number], string | undefined>('test_names');
	const unguard = fn<[], void>('unguard');
	const memoryStart = fn<[], void>('memory_start');
	const spinPtr = m.PyProxy_getPtr(fn<[], void>('spin'));
	const memoryPeak = fn<[], number>('memory_peak');
	// The names a problem's tests use, by tests text: computed once for its n samples. Computed
	// after the restore, so from the pristine harness.
	const namesOf = new Map<string, string | null>();
	const names = (job: Job): string | null => {
		const line = job.testsLine ?? 1;
		let at = 0;
		for (let i = 1; i < line; i++) {
			const nl = job.program.indexOf('\n', at);
			if (nl < 0) break;
			at = nl + 1;
		}
		const key = `${line}\u0000${job.program.slice(at)}`;
		let got = namesOf.get(key);
		if (got === undefined) {
			got = testNames(job.program, line) ?? null;
			if (namesOf.size > 2000) namesOf.clear();
			namesOf.set(key, got);
		}
		return got;
	};
	const integrity = fn<[PyProxy, string | null, number], string | null>('integrity');
	const describe = fn<[PyProxy], PyProxy>('describe');
	const collect = fn<[], PyProxy>('collect');
	const gcDisable = (py.pyimport('gc') as PyProxy & { disable: Fn<[], void> }).disable;
	const holder = builtins.list();
	const holderPtr = m.PyProxy_getPtr(holder);
	const kindOf = exceptionKinds(m);
	removeBuiltinModules(m, REMOVED_BUILTINS);
	cutJavaScriptBridge(m);

	// Writes to fd 1/2 that bypass sys.stdout (os.write) land here; the harness captures the rest.
	let fdOut = '';
	py.setStdout({ batched: (s) => void (fdOut.length < 65536 && (fdOut += s + '\n')) });
	py.setStderr({ batched: (s) => void (fdOut.length < 65536 && (fdOut += s + '\n')) });
	py.setStdin({ error: true });

	const heap = () => m.HEAPU8.buffer.byteLength;
	let baseHeap = heap();
	const now = performance.now.bind(performance);
	let armed = false;
	let syncing = false;
	let deadline = Infinity;
	let heapLimit = Infinity;
	let polls = 0;
	/** Polls while a sample's code runs. CPython's eval loop polls after a fixed number of its own
	 * steps, so this counts work done, whatever the machine (the efficiency analysis reads it). */
	let work = 0;
	let lastSignal = 0;
	// The heap never shrinks: a worker that went past the limit is replaced after the sample.
	let overLimit = false;
	// Re-sent every RESIGNAL_MS so a sample that catches KeyboardInterrupt is interrupted again,
	// but not on every poll, which would nest Python's signal handlers without end.
	const signal = (n: number) => {
		const t = now();
		if (t - lastSignal < RESIGNAL_MS) return 0;
		lastSignal = t;
		return n;
	};
	py.setInterruptBuffer({
		get 0() {
			if (syncing) {
				syncing = false;
				return SIGINT;
			}
			if (!armed) return 0;
			work++;
			if (interrupt && Atomics.exchange(interrupt, 0, 0) === SIGINT) return SIGINT;
			// The heap is checked on every poll: one poll can be hundreds of MB of allocation apart.
			if (heap() > heapLimit) {
				overLimit = true;
				return signal(SIGUSR1);
			}
			if ((++polls & POLL_MASK) !== 0) return 0;
			return now() > deadline ? signal(SIGINT) : 0;
		},
		set 0(_v: number) {},
	} as unknown as Int32Array);

	/** Moves a new reference into the holder list, where the harness's next call pops it. */
	const hold = (obj: number) => {
		m._PyList_Append(holderPtr, obj);
		m._Py_DecRef(obj);
	};

	/** The argument tuples and (for a sample) the reference's outputs, as Python lists. */
	const prepareInputs = (io: InputTests, own: <T>(p: T) => T) => {
		const args = own(parseInputs(io.inputs, io.dataset, io.task));
		if (io.expected === null) return { args, expected: null };
		// Outputs too big to hand over (HumanEval/15's are 150 MB): the reference computes them here,
		// before any of the sample's code has run, so nothing of the sample's can change them.
		if (typeof io.expected === 'string')
			return { args, expected: own(referenceOutputs(io.expected, io.entryPoint, io.dataset, args)) };
		const bytes = io.expected;
		const at = m._malloc(bytes.length || 1);
		m.HEAPU8.set(bytes, at);
		hold(m._PyBytes_FromStringAndSize(at, bytes.length));
		m._free(at);
		const expected = own(loadExpected(holder));
		if (m._PyList_Size(m.PyProxy_getPtr(expected)) !== m._PyList_Size(m.PyProxy_getPtr(args)))
			throw new Error('the reference outputs do not match the inputs in number');
		return { args, expected };
	};

	// Taken last: every sample starts from exactly this (taken again once a package is installed).
	let image = takeImage(m, fs, WORKDIR);
	const install = packageInstaller(py);

	return {
		version: `Pyodide ${py.version}`,
		get image() {
			return image;
		},
		heapBytes: heap,
		tainted: () => overLimit,
		async prepare(job: Job) {
			const wanted = (job.packages ?? []).filter((p) => !install.has(p.name));
			if (!wanted.length) return;
			image.restore();
			await install.add(wanted);
			// The image now holds the package, imported: later samples restore to it and pay nothing.
			image = takeImage(m, fs, WORKDIR);
			baseHeap = heap();
		},
		run(job: Job, jobUntil: number): ExecResult {
			const started = now();
			work = 0;
			let tracing = false;
			image.restore();
			fdOut = '';
			const made: PyProxy[] = [];
			const own = <T>(p: T) => (made.push(p as PyProxy), p);
			const read = <T>(p: PyProxy) => own(p).toJs() as T;
			const arm = (d: number) => {
				deadline = d || Infinity;
				armed = d > 0;
			};
			/** The sample's exception as a verdict: its kind first, by C calls; then its words. */
			const failureOf = (exc: number): ExecVerdict => {
				const kind = kindOf(exc);
				hold(exc);
				let [message, errorType, line]: [string, string, number | null] = ['', 'Exception', null];
				let sides: ShownSides | null | undefined;
				// A failed assertion's two sides are evaluated again (harness.py's _operands): that is the
				// sample's code running, so it gets what is left of its time, and at most a second.
				if (kind === 'assertion') arm(Math.min(jobUntil, now() + 1000));
				try {
					[message, errorType, line, sides] = read<[string, string, number | null, typeof sides]>(
						describe(holder),
					);
				} catch {
					// The sample's exception could not even be described: its kind stands.
				}
				arm(0);
				const base = {
					errorType,
					line: line ?? undefined,
					...(sides && { assertion: assertionSides(sides) }),
				};
				if (kind === 'timeout') return { status: 'timeout', kind, message: 'timed out', ...base };
				if (kind === 'early-exit') {
					const why = `exited before the tests ran (${errorType}: ${message})`;
					return { status: 'failed', kind, message: why, ...base };
				}
				return { status: 'failed', kind, message, ...base };
			};
			try {
				if (job.unguarded) unguard();
				const io = job.inputs;
				const prepared = own(
					begin(job.program, job.limits.outputBytes, io ? undefined : (names(job) ?? undefined)),
				);
				if ((prepared as unknown as { length: number }).length === 4) {
					// It did not compile: no code of the sample has run.
					const [kind, message, errorType, line] =
						read<[ExecResult['kind'], string, string, number | null]>(prepared);
					return finish({ status: 'failed', kind, message, errorType, line: line ?? undefined });
				}
				const [code, g] = [own(prepared.get(0)), own(prepared.get(1))] as PyProxy[];
				// EvalPlus: the inputs and the reference's outputs exist before any of the sample's code runs.
				const tests = io && prepareInputs(io, own);
				const until = io?.budgetMs ? Math.min(jobUntil, now() + io.budgetMs) : jobUntil;
				heapLimit = baseHeap + job.limits.memoryBytes;
				// Just before the sample: its work is then counted from the same phase of CPython's polling.
				// (Before tracing starts: the KeyboardInterrupt is no allocation of the sample's. A memory
				// run's work is not read.)
				syncing = true;
				m._PyObject_CallNoArgs(spinPtr); // never returns but by the KeyboardInterrupt
				m._PyErr_Clear();
				if (job.measureMemory) {
					memoryStart();
					tracing = true;
				}
				arm(until);
				const value = m._PyEval_EvalCode(m.PyProxy_getPtr(code!), m.PyProxy_getPtr(g!), m.PyProxy_getPtr(g!));
				arm(0);
				const exc = value ? 0 : m._PyErr_GetRaisedException();
				if (value) m._Py_DecRef(value);
				// From here on harness code runs again: no collection may run a sample's __del__ inside it.
				gcDisable();
				if (exc) return finish(failureOf(exc));
				let reference: ExecResult['reference'];
				if (io && tests) {
					const fn = (g as PyProxy & { get(k: string): PyProxy | undefined }).get(io.entryPoint);
					// EvalPlus looks the entry point up in the program's globals: a KeyError fails it.
					if (fn === undefined)
						return finish({
							status: 'failed',
							kind: 'exception',
							errorType: 'KeyError',
							message: `'${io.entryPoint}'`,
						});
					own(fn);
					const outputs = io.expected ? null : own(builtins.list());
					const ctx: LoopContext = {
						m,
						now,
						arm,
						gcDisable,
						failure: failureOf,
						hold,
						check: (dataset, entryPoint, atol) => checkOutput(dataset, entryPoint, holder, atol),
						outputs,
						failedSides: () => {
							const shown = failedSides();
							return shown ? assertionSides(read<ShownSides>(shown)) : null;
						},
					};
					const ptr = (p: PyProxy | null) => (p ? m.PyProxy_getPtr(p) : 0);
					const { timesMs, ...v } = runInputs(
						ctx,
						io,
						{ fn: m.PyProxy_getPtr(fn), args: ptr(tests.args), expected: ptr(tests.expected) },
						until,
					);
					if (v.status !== 'passed') return finish(v);
					if (outputs) {
						// undefined: the outputs are too big to hand over; samples compute them instead.
						const dumped = dumpOutputs(outputs, io.entryPoint, io.dataset, MAX_OUTPUTS_BYTES);
						reference = { outputs: dumped === undefined ? null : read<Uint8Array>(dumped), timesMs };
					}
				}
				let replaced: string | null;
				try {
					// None arrives as undefined.
					replaced = integrity(g!, job.checkName ?? null, job.testsLine ?? 1) ?? null;
				} catch {
					replaced = 'its checks could not run';
				}
				if (replaced !== null) {
					const message = `test harness replaced (${replaced})`;
					return finish({ status: 'failed', kind: 'harness-tampered', message });
				}
				return finish({ status: 'passed', ...(reference && { reference }) });
			} finally {
				arm(0);
				// A heap past the limit after the sample (grown inside one C call, where no poll saw
				// it) still means a new worker: the next sample must not start over the limit.
				if (heap() > heapLimit) overLimit = true;
				heapLimit = Infinity;
				for (const p of made.reverse()) p.destroy();
			}

			/** The verdict decided; now what the sample printed (its own writer may misbehave). */
			function finish(v: ExecVerdict): ExecResult {
				let peakBytes: number | undefined;
				try {
					if (tracing) peakBytes = memoryPeak();
				} catch {
					// the sample stopped tracemalloc itself: no figure
				}
				let stdout = '';
				let stderr = '';
				let truncated = false;
				try {
					[stdout, stderr, truncated] = read<[string, string, boolean]>(collect());
				} catch {
					// A sample that broke its own streams loses its output, not its verdict.
				}
				return {
					...v,
					stdout: stdout + fdOut,
					stderr,
					truncated,
					durationMs: now() - started,
					work,
					...(peakBytes !== undefined && { peakBytes }),
				};
			}
		},
	};
}
