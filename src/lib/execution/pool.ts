// A pool of warm sandbox workers for one language. Jobs queue; each worker takes the next one when
// it is free. A job always resolves to a verdict — timeouts, crashes and load failures included —
// so a run never stalls on one bad sample.
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

interface Queued {
	job: Job;
	resolve: (r: ExecResult) => void;
	reject: (e: Error) => void;
}

export class Pool {
	readonly runtime: Runtime;
	readonly #hosts: WorkerHost[];
	readonly #queue: Queued[] = [];
	#idle: WorkerHost[];
	#disposed = false;

	constructor(runtime: Runtime, options: Partial<PoolOptions> = {}) {
		const opts = { ...DEFAULT_HOST_OPTIONS, size: defaultPoolSize(), ...options };
		this.runtime = runtime;
		this.#hosts = Array.from({ length: Math.max(1, opts.size) }, () => new WorkerHost(runtime, opts));
		this.#idle = [...this.#hosts];
	}

	get size(): number {
		return this.#hosts.length;
	}

	/** Workers spawned so far, respawns included. */
	get spawned(): number {
		return this.#hosts.reduce((n, h) => n + h.spawned, 0);
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
		while (this.#idle.length && this.#queue.length) {
			const host = this.#idle.pop()!;
			const item = this.#queue.shift()!;
			host.run(item.job).then((r) => {
				item.resolve(r);
				this.#idle.push(host);
				if (!this.#disposed) this.#pump();
			});
		}
	}
}
