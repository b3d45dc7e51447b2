// A pool of warm sandbox workers for one language. Jobs queue; each worker is given the next one
// while it still runs its current one (DEPTH), so it never waits on the main thread between
// samples. A job always resolves to a verdict — timeouts, crashes and load failures included — so a
// run never stalls on one bad sample.
import { PoolDisposedError } from '../core/errors';
import type { ExecResult } from '../core/result';
import type { Job, Runtime } from './runtime';
import { DEFAULT_HOST_OPTIONS, WorkerHost, type HostOptions } from './worker-host';

export interface PoolOptions extends HostOptions {
	size: number;
	/** A worker whose job has run this long without an answer is taken as stuck: it is given no more
	 * jobs, and the pool adds two workers for it (up to 2 × `size` extra) so the queue keeps moving.
	 * A looping sample runs until its wall-clock limit either way; beside two fresh workers it gets a
	 * third of the CPU instead of half or all of a core, so its limit costs the run less (`benchtop
	 * score` on the 3,280 real completions, 12 of which loop, the two builds taking turns three times:
	 * 22.0–22.3 s with one extra per stuck worker, 19.6–21.8 s with two; three were no better). */
	stallMs: number;
}

export function defaultPoolSize(): number {
	const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
	return Math.max(1, cores - 1);
}

/** Jobs a worker holds at once: the one it runs and the one it starts next. */
const DEPTH = 2;
/** Samples take milliseconds (HumanEval's slowest, ~0.3 s): a second without an answer is a stall. */
const STALL_MS = 1000;

interface Queued {
	job: Job;
	resolve: (r: ExecResult) => void;
	reject: (e: Error) => void;
}

/** One worker and what the pool knows of it. */
interface Slot {
	host: WorkerHost;
	/** Jobs given and not answered. */
	load: number;
	/** Added while others were stuck; retired once idle with nobody stuck. */
	extra: boolean;
}

export class Pool {
	readonly runtime: Runtime;
	readonly #opts: PoolOptions;
	readonly #slots: Slot[];
	readonly #queue: Queued[] = [];
	#disposed = false;
	#watch: ReturnType<typeof setTimeout> | undefined;
	/** Workers spawned by retired extra hosts, so the counts below keep them. */
	#retired = { spawned: 0, restored: 0 };
	/** The most workers alive at once, extras included (for the bench). */
	peak: number;

	constructor(runtime: Runtime, options: Partial<PoolOptions> = {}) {
		this.#opts = { ...DEFAULT_HOST_OPTIONS, size: defaultPoolSize(), stallMs: STALL_MS, ...options };
		this.runtime = runtime;
		this.#slots = Array.from({ length: Math.max(1, this.#opts.size) }, () => this.#slot(false));
		this.peak = this.#slots.length;
	}

	/** Workers the pool keeps (extras added during stalls are not counted). */
	get size(): number {
		return this.#slots.filter((s) => !s.extra).length;
	}

	/** Workers spawned so far, respawns and extras included; how many of them started from a snapshot. */
	get spawned(): number {
		return this.#slots.reduce((n, s) => n + s.host.spawned, this.#retired.spawned);
	}

	get restored(): number {
		return this.#slots.reduce((n, s) => n + s.host.restored, this.#retired.restored);
	}

	get version(): string {
		return this.#slots.find((s) => s.host.version)?.host.version ?? this.runtime.engine;
	}

	/** Load every worker now instead of on first use. */
	async warm(): Promise<void> {
		await Promise.all(this.#slots.map((s) => s.host.start()));
	}

	run(job: Job): Promise<ExecResult> {
		if (this.#disposed) return Promise.reject(new PoolDisposedError('The execution pool was disposed.'));
		return new Promise((resolve, reject) => {
			this.#queue.push({ job, resolve, reject });
			this.#pump();
		});
	}

	/** Stop what is running (where the page allows soft interrupts) and drop what is queued. */
	cancel(): void {
		for (const q of this.#queue.splice(0)) q.reject(new PoolDisposedError('Cancelled.'));
		for (const s of this.#slots) s.host.interrupt();
	}

	dispose(): void {
		this.#disposed = true;
		clearTimeout(this.#watch);
		this.cancel();
		for (const s of this.#slots) s.host.dispose();
	}

	#slot(extra: boolean): Slot {
		return { host: new WorkerHost(this.runtime, this.#opts), load: 0, extra };
	}

	#stuck(s: Slot, now: number): boolean {
		// Measured from when its worker began the job at its head: a worker still loading (the first
		// visit boots Pyodide for seconds on a busy machine) is slow, not stuck, and gets no company.
		const since = s.host.runningSince;
		return s.load > 0 && since !== undefined && now - since > this.#opts.stallMs;
	}

	#pump() {
		while (this.#queue.length) {
			const now = performance.now();
			// The least busy worker that is not stuck, so a job never waits behind a long one while a
			// worker idles.
			let best: Slot | undefined;
			for (const s of this.#slots) if (!this.#stuck(s, now) && (!best || s.load < best.load)) best = s;
			if (!best || best.load >= DEPTH) {
				if (!this.#grow(now)) return this.#watchStalls();
				continue;
			}
			const item = this.#queue.shift()!;
			const slot = best;
			slot.load++;
			slot.host.run(item.job).then((r) => {
				item.resolve(r);
				slot.load--;
				if (this.#disposed) return;
				this.#retire(slot);
				this.#pump();
			});
		}
	}

	/** Add a worker for each stuck one, up to `size` extra. */
	#grow(now: number): boolean {
		const stuck = this.#slots.filter((s) => this.#stuck(s, now)).length;
		const extras = this.#slots.filter((s) => s.extra).length;
		if (extras >= 2 * Math.min(stuck, this.#opts.size)) return false;
		this.#slots.push(this.#slot(true));
		this.peak = Math.max(this.peak, this.#slots.length);
		return true;
	}

	/** An idle extra goes once nobody is stuck (its spawn counts are kept). */
	#retire(slot: Slot) {
		const now = performance.now();
		if (!slot.extra || slot.load > 0 || this.#slots.some((s) => this.#stuck(s, now))) return;
		this.#slots.splice(this.#slots.indexOf(slot), 1);
		this.#retired.spawned += slot.host.spawned;
		this.#retired.restored += slot.host.restored;
		slot.host.dispose();
	}

	/** While jobs wait and every worker is busy, look again when the next busy one would count as
	 * stuck (one already stuck changes nothing until it answers, which pumps anyway). */
	#watchStalls() {
		if (this.#watch !== undefined || !Number.isFinite(this.#opts.stallMs)) return;
		const now = performance.now();
		const busy = this.#slots.filter((s) => s.load > 0 && !this.#stuck(s, now));
		if (!busy.length) return;
		// (one still loading is looked at again a stall's length from now)
		const next = Math.min(...busy.map((s) => (s.host.runningSince ?? now) + this.#opts.stallMs - now));
		this.#watch = setTimeout(
			() => {
				this.#watch = undefined;
				if (!this.#disposed) this.#pump();
			},
			Math.max(10, next + 1),
		);
	}
}
