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
}

export function defaultPoolSize(): number {
	const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
	return Math.max(1, cores - 1);
}

/** Jobs a worker holds at once: the one it runs and the one it starts next. */
const DEPTH = 2;

interface Queued {
	job: Job;
	resolve: (r: ExecResult) => void;
	reject: (e: Error) => void;
}

export class Pool {
	readonly runtime: Runtime;
	readonly #hosts: WorkerHost[];
	readonly #queue: Queued[] = [];
	/** Jobs given to each host and not answered yet, by host index. */
	readonly #load: number[];
	#disposed = false;

	constructor(runtime: Runtime, options: Partial<PoolOptions> = {}) {
		const opts = { ...DEFAULT_HOST_OPTIONS, size: defaultPoolSize(), ...options };
		this.runtime = runtime;
		this.#hosts = Array.from({ length: Math.max(1, opts.size) }, () => new WorkerHost(runtime, opts));
		this.#load = this.#hosts.map(() => 0);
	}

	get size(): number {
		return this.#hosts.length;
	}

	/** Workers spawned so far, respawns included; how many of them started from a snapshot. */
	get spawned(): number {
		return this.#hosts.reduce((n, h) => n + h.spawned, 0);
	}

	get restored(): number {
		return this.#hosts.reduce((n, h) => n + h.restored, 0);
	}

	get version(): string {
		return this.#hosts.find((h) => h.version)?.version ?? this.runtime.engine;
	}

	/** Load every worker now instead of on first use. */
	async warm(): Promise<void> {
		await Promise.all(this.#hosts.map((h) => h.start()));
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
		for (const h of this.#hosts) h.interrupt();
	}

	dispose(): void {
		this.#disposed = true;
		this.cancel();
		for (const h of this.#hosts) h.dispose();
	}

	#pump() {
		while (this.#queue.length) {
			// The least busy host, so a second job never waits behind a long one while a worker idles.
			let i = 0;
			for (let j = 1; j < this.#load.length; j++) if (this.#load[j]! < this.#load[i]!) i = j;
			if (this.#load[i]! >= DEPTH) return;
			const item = this.#queue.shift()!;
			this.#load[i]!++;
			this.#hosts[i]!.run(item.job).then((r) => {
				item.resolve(r);
				this.#load[i]!--;
				if (!this.#disposed) this.#pump();
			});
		}
	}
}
