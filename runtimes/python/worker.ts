// Python sandbox worker: Pyodide with Benchtop's harness (harness.py). Timeouts are soft first:
// Pyodide polls its interrupt buffer, and ours answers SIGINT once the deadline has passed (or the
// pool wrote into the shared buffer), SIGUSR1 once the heap passes the memory limit.
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import type { ExecResult } from '../../src/lib/core/result';
import type { Engine, Job } from '../../src/lib/execution/runtime';
import { serveSandbox, type SandboxContext } from '../../src/lib/execution/sandbox/serve';
import harnessSource from './harness.py?raw';
import { heapWatch, type HeapWatch } from './heap-watch';

const SIGINT = 2;
const SIGUSR1 = 10;
/** Read the clock only every 16th poll: Pyodide polls millions of times a second in a tight loop. */
const POLL_MASK = 15;
const RESIGNAL_MS = 50;

type RawResult = Omit<ExecResult, 'durationMs' | 'kind'> & { kind: ExecResult['kind'] | null };

async function load(ctx: SandboxContext): Promise<Engine> {
	const asmUrl = ctx.assets.urls['pyodide.asm.mjs'];
	if (!asmUrl) throw new Error('pyodide.asm.mjs URL missing');
	const { default: createPyodideModule } = await import(/* @vite-ignore */ asmUrl);
	const py: PyodideAPI = await loadPyodide({
		indexURL: new URL('./pyodide/', self.location.href).href,
		createPyodideModule,
		env: { HOME: '/home/pyodide' },
		stdout: () => {},
		stderr: () => {},
		// The first worker snapshots its memory once the stdlib the harness preloads is imported;
		// the pool starts every later worker from that (respawn after a timeout: ~3 s → ~0.3 s).
		...(ctx.snapshot ? { _loadSnapshot: ctx.snapshot } : { _makeSnapshot: true }),
	});
	let snapshot: Uint8Array | undefined;
	if (!ctx.snapshot) {
		py.FS.writeFile('/lib/python3.14/site-packages/benchtop_harness.py', harnessSource);
		py.runPython('import benchtop_harness\nbenchtop_harness.preload()');
		snapshot = py.makeMemorySnapshot();
	}
	const module = (py as unknown as { _module: { HEAP8: Int8Array; HEAPU32: Uint32Array } })._module;
	const makeHarness = py.pyimport('benchtop_harness').Harness as PyProxy & ((watch: HeapWatch) => PyProxy);
	const harness = makeHarness(heapWatch(() => module.HEAPU32)) as PyProxy & {
		run(program: string, check: string | null, testsLine: number, cap: number): PyProxy;
		tainted: boolean;
	};

	// Writes to fd 1/2 that bypass sys.stdout (os.write) land here; the harness captures the rest.
	let fdOut = '';
	py.setStdout({ batched: (s) => void (fdOut.length < 65536 && (fdOut += s + '\n')) });
	py.setStderr({ batched: (s) => void (fdOut.length < 65536 && (fdOut += s + '\n')) });
	py.setStdin({ error: true });

	const heap = () => module.HEAP8.buffer.byteLength;
	const baseHeap = heap();
	let deadline = Infinity;
	let heapLimit = Infinity;
	let polls = 0;
	let lastSignal = 0;
	// The heap never shrinks: a worker that went past the limit is replaced after the sample.
	let overLimit = false;
	const shared = ctx.interrupt;
	// Re-sent every RESIGNAL_MS so a sample that catches KeyboardInterrupt is interrupted again,
	// but not on every poll, which would nest Python's signal handlers without end.
	const signal = (n: number) => {
		const now = performance.now();
		if (now - lastSignal < RESIGNAL_MS) return 0;
		lastSignal = now;
		return n;
	};
	py.setInterruptBuffer({
		get 0() {
			if (shared && Atomics.exchange(shared, 0, 0) === SIGINT) return SIGINT;
			// The heap is checked on every poll: one poll can be hundreds of MB of allocation apart.
			if (heap() > heapLimit) {
				overLimit = true;
				return signal(SIGUSR1);
			}
			if ((++polls & POLL_MASK) !== 0) return 0;
			return performance.now() > deadline ? signal(SIGINT) : 0;
		},
		set 0(_v: number) {},
	} as unknown as Int32Array);

	return {
		version: `Pyodide ${py.version}`,
		snapshot,
		heapBytes: heap,
		tainted: () => harness.tainted || overLimit,
		run(job: Job, until: number): ExecResult {
			const started = performance.now();
			deadline = until;
			heapLimit = baseHeap + job.limits.memoryBytes;
			fdOut = '';
			let proxy: PyProxy | undefined;
			try {
				proxy = harness.run(job.program, job.checkName ?? null, job.testsLine ?? 1, job.limits.outputBytes);
				const raw = (proxy as unknown as { toJs(o: object): RawResult }).toJs({
					dict_converter: Object.fromEntries,
				});
				return {
					...raw,
					kind: raw.kind ?? undefined,
					errorType: raw.errorType ?? undefined,
					message: raw.message ?? undefined,
					line: raw.line ?? undefined,
					stdout: raw.stdout + fdOut,
					durationMs: performance.now() - started,
				};
			} finally {
				proxy?.destroy();
				deadline = Infinity;
			}
		},
	};
}

serveSandbox(load);
