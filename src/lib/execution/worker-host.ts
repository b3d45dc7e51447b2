// One sandbox worker seen from the main thread: spawn, hand it its assets and a private port, run
// jobs under a hard deadline, and replace it when it hangs, crashes, grows or is tainted. Anything
// the worker says outside the port, or about a superseded job, is ignored.
//
// A job may be sent while the one before it runs, so the worker starts it the moment it is done
// (the message round trip was ~10% of a Python sample). Only the job at the head is timed; a job
// that was waiting behind one that hung, crashed or tainted the worker is sent again to a fresh one.
import { reviveError, RuntimeLoadError } from '../core/errors';
import { failure, type ExecResult, type Status } from '../core/result';
import { assetsFor } from './assets';
import { forgetImage, loadImage, storeImage } from './stored-image';
import type { InitMessage, Request } from './protocol';
import { isResponse } from './protocol';
import type { Job, Runtime } from './runtime';

export interface HostOptions {
	/** How long a worker may take to load its runtime before it is reported unavailable. */
	loadTimeoutMs: number;
	/** Extra time after a job's limit before the worker is terminated (the soft stop comes first). */
	graceMs: number;
	/** Replace the worker once its heap is larger than this. */
	recycleHeapBytes: number;
}

export const DEFAULT_HOST_OPTIONS: HostOptions = {
	loadTimeoutMs: 60_000,
	graceMs: 1_000,
	recycleHeapBytes: 768 * 1024 * 1024,
};

interface Pending {
	id: number;
	job: Job;
	/** When it reached the head of the worker's queue (0 while it waits). */
	started: number;
	resolve: (r: ExecResult) => void;
	timer?: ReturnType<typeof setTimeout>;
	/** The worker installs packages before running it (more time before the hard stop). */
	installs?: boolean;
}

/** Per runtime, the snapshot the first worker made after loading; later workers start from it. */
export const snapshots = new Map<Runtime, Uint8Array>();
/** Runtimes whose workers failed to start from a snapshot: they load from scratch from then on. */
export const noSnapshots = new Set<Runtime>();
const MAX_SNAPSHOT_BYTES = 1 << 30;
/** Extra time before the hard stop for a job that installs packages first (numpy: its wheel
 * unpacked, its WebAssembly compiled and imported — seconds, off the sample's own clock). */
const INSTALL_MS = 60_000;

const STATUSES = new Set<Status>(['passed', 'failed', 'timeout', 'error']);
const clip = (s: unknown, n: number) => (typeof s === 'string' ? s.slice(0, n) : '');

export class WorkerHost {
	readonly #runtime: Runtime;
	readonly #opts: HostOptions;
	#worker: Worker | null = null;
	#port: MessagePort | null = null;
	#ready: Promise<void> | null = null;
	/** Sent to the worker and not answered yet, in the order the worker runs them. */
	#inflight: Pending[] = [];
	#nextId = 1;
	/** Packages the current worker was sent: later jobs naming them go without the bytes. */
	#sentPackages = new Set<string>();
	#interrupt =
		typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated
			? new SharedArrayBuffer(4)
			: null;
	/** Workers started over this host's life, for tests and the bench; how many from a snapshot. */
	spawned = 0;
	restored = 0;
	version = '';

	constructor(runtime: Runtime, opts: HostOptions) {
		this.#runtime = runtime;
		this.#opts = opts;
	}

	start(): Promise<void> {
		this.#ready ??= this.#spawn();
		return this.#ready;
	}

	async #spawn(): Promise<void> {
		const rt = this.#runtime;
		let snapshot = noSnapshots.has(rt) ? null : (snapshots.get(rt) ?? null);
		// A new page: the image an earlier visit stored, if this build and browser made one.
		const stored = !snapshot && !noSnapshots.has(rt) && rt.imageKey ? await loadImage(rt) : null;
		snapshot ??= stored;
		try {
			await this.#load(snapshot);
			if (snapshot) this.restored++;
			if (stored && !snapshots.has(rt)) snapshots.set(rt, stored);
		} catch (e) {
			if (!snapshot) throw e;
			if (stored) {
				// A stored image this page cannot start from: dropped; the image made from scratch now
				// replaces it (whether this browser can start from images at all is tested again then).
				await forgetImage(rt);
			} else {
				// The feature test: this browser could not start from the snapshot. Load from scratch.
				noSnapshots.add(rt);
				snapshots.delete(rt);
			}
			await this.#load(null);
		}
	}

	async #load(snapshot: Uint8Array | null): Promise<void> {
		const assets = await assetsFor(this.#runtime);
		const worker = this.#runtime.spawn();
		const { port1, port2 } = new MessageChannel();
		this.#worker = worker;
		this.#port = port1;
		this.spawned++;
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(
				() =>
					reject(
						new RuntimeLoadError(
							`${this.#runtime.engine} did not load within ${this.#opts.loadTimeoutMs / 1000} s.`,
						),
					),
				this.#opts.loadTimeoutMs,
			);
			worker.onerror = (e) => {
				clearTimeout(timer);
				reject(
					new RuntimeLoadError(
						`${this.#runtime.engine} worker failed to start: ${e.message || 'script error'}`,
					),
				);
			};
			port1.onmessage = (ev: MessageEvent<unknown>) => {
				const m = ev.data;
				if (!isResponse(m)) return;
				if (m.type === 'ready') {
					clearTimeout(timer);
					this.version = clip(m.version, 100);
					const made = m.snapshot;
					if (
						!snapshot &&
						made instanceof Uint8Array &&
						made.byteLength <= MAX_SNAPSHOT_BYTES &&
						!noSnapshots.has(this.#runtime)
					) {
						snapshots.set(this.#runtime, made);
						if (this.#runtime.imageKey) void storeImage(this.#runtime, made);
					}
					resolve();
				} else if (m.type === 'load-error') {
					clearTimeout(timer);
					reject(reviveError(m.error));
				}
			};
			const init: InitMessage = {
				type: 'init',
				port: port2,
				assets,
				interrupt: this.#interrupt,
				snapshot,
			};
			worker.postMessage(init, [port2]);
		}).catch((e) => {
			this.#kill();
			throw e;
		});
		// From here on only the port speaks; a crash of the worker fails the job in flight.
		worker.onerror = (e) => {
			e.preventDefault();
			this.#crash(`the ${this.#runtime.language} worker crashed: ${e.message || 'unknown error'}`);
		};
		port1.onmessage = (ev: MessageEvent<unknown>) => this.#onResponse(ev.data);
	}

	/** When the job the worker is running now started (after the worker had loaded); undefined while
	 * it loads or has nothing to do. A slow start-up is not a stuck sample. */
	get runningSince(): number | undefined {
		return this.#inflight[0]?.started || undefined;
	}

	async run(job: Job): Promise<ExecResult> {
		const down = await this.#startOrWhy();
		if (down !== null) return failure('runtime-unavailable', down);
		return new Promise<ExecResult>((resolve) => this.#send({ id: this.#nextId++, job, started: 0, resolve }));
	}

	/** Starts the worker if needed; null once it is ready, else why it could not load. */
	async #startOrWhy(): Promise<string | null> {
		try {
			await this.start();
			return null;
		} catch (e) {
			this.#ready = null;
			return e instanceof Error ? e.message : String(e);
		}
	}

	#send(p: Pending) {
		let job = p.job;
		if (job.packages) {
			// The worker installs each package once; only the first job that needs one carries it.
			const fresh = job.packages.filter((f) => !this.#sentPackages.has(f.name));
			for (const f of fresh) this.#sentPackages.add(f.name);
			p.installs = fresh.length > 0;
			job = {
				...job,
				packages: job.packages.map((f) => (fresh.includes(f) ? f : { ...f, bytes: undefined })),
			};
		}
		this.#inflight.push(p);
		if (this.#inflight.length === 1) {
			if (this.#interrupt) Atomics.store(new Int32Array(this.#interrupt), 0, 0);
			this.#arm(p);
		}
		this.#post({ type: 'run', id: p.id, job });
	}

	/** The worker has started `p` (it is at the head): its hard deadline starts now. */
	#arm(p: Pending) {
		p.started = performance.now();
		p.timer = setTimeout(
			() => this.#hardStop(p.id),
			p.job.limits.timeMs + (p.job.compileMs ?? 0) + (p.installs ? INSTALL_MS : 0) + this.#opts.graceMs,
		);
	}

	/** Ask the running sample to stop now (only effective when the page is cross-origin isolated). */
	interrupt(): void {
		if (this.#interrupt) Atomics.store(new Int32Array(this.#interrupt), 0, 2);
	}

	dispose(): void {
		const all = this.#inflight.splice(0);
		this.#kill();
		this.#ready = null;
		for (const p of all) {
			clearTimeout(p.timer);
			p.resolve(failure('runtime-unavailable', 'the pool was disposed', { durationMs: 0 }));
		}
	}

	#post(req: Request) {
		this.#port?.postMessage(req);
	}

	#onResponse(m: unknown) {
		const p = this.#inflight[0];
		if (!isResponse(m) || m.type !== 'run' || !p || m.id !== p.id) return;
		clearTimeout(p.timer);
		this.#inflight.shift();
		p.resolve(sanitize(m.value, performance.now() - p.started));
		if (m.tainted || !(m.heapBytes < this.#opts.recycleHeapBytes)) this.#recycle();
		else if (this.#inflight[0]) this.#arm(this.#inflight[0]);
	}

	#hardStop(id: number) {
		const p = this.#inflight[0];
		if (!p || p.id !== id) return;
		this.#inflight.shift();
		this.#recycle();
		p.resolve(failure('timeout', 'timed out', { durationMs: performance.now() - p.started }));
	}

	#crash(message: string) {
		const p = this.#inflight.shift();
		this.#recycle();
		if (!p) return;
		clearTimeout(p.timer);
		p.resolve(failure('crash', message, { durationMs: performance.now() - p.started }));
	}

	/** Terminate now; the jobs that were waiting in it go to a fresh worker. */
	#recycle() {
		this.#kill();
		this.#ready = null;
		const waiting = this.#inflight.splice(0);
		for (const p of waiting) clearTimeout(p.timer);
		if (waiting.length) void this.#resend(waiting);
	}

	async #resend(waiting: Pending[]) {
		const down = await this.#startOrWhy();
		for (const p of waiting)
			if (down === null) this.#send(p);
			else p.resolve(failure('runtime-unavailable', down));
	}

	#kill() {
		this.#sentPackages.clear();
		this.#worker?.terminate();
		this.#port?.close();
		this.#worker = null;
		this.#port = null;
	}
}

/** The worker is not trusted: keep only well-formed fields, bounded in size. */
function sanitize(v: ExecResult, measuredMs: number): ExecResult {
	const status: Status = STATUSES.has(v?.status) ? v.status : 'error';
	const out: ExecResult = {
		status,
		stdout: clip(v?.stdout, 1 << 20),
		stderr: clip(v?.stderr, 1 << 20),
		truncated: v?.truncated === true,
		durationMs: typeof v?.durationMs === 'number' ? Math.min(v.durationMs, measuredMs) : measuredMs,
	};
	if (typeof v?.kind === 'string') out.kind = v.kind;
	if (typeof v?.errorType === 'string') out.errorType = clip(v.errorType, 200);
	if (typeof v?.message === 'string') out.message = clip(v.message, 4000);
	if (typeof v?.line === 'number') out.line = v.line;
	if (typeof v?.exitCode === 'number') out.exitCode = v.exitCode;
	if (Number.isInteger(v?.work) && v.work! >= 0) out.work = v.work;
	if (Number.isInteger(v?.peakBytes) && v.peakBytes! >= 0) out.peakBytes = v.peakBytes;
	if (Number.isInteger(v?.input) && v.input! >= 0) out.input = v.input;
	if (Array.isArray(v?.missingPackages))
		out.missingPackages = v.missingPackages.filter((n) => typeof n === 'string').map((n) => clip(n, 100));
	const a = v?.assertion;
	if (
		a &&
		(['actual', 'actualType', 'expected', 'expectedType'] as const).every((k) => typeof a[k] === 'string')
	)
		out.assertion = {
			actual: clip(a.actual, 400),
			actualType: clip(a.actualType, 100),
			expected: clip(a.expected, 400),
			expectedType: clip(a.expectedType, 100),
		};
	const ref = v?.reference;
	const outputs = ref?.outputs;
	if (
		(outputs === null || outputs instanceof Uint8Array) &&
		Array.isArray(ref?.timesMs) &&
		ref.timesMs.every((t) => typeof t === 'number')
	)
		out.reference = { outputs, timesMs: ref.timesMs };
	return out;
}
