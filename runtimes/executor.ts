// One pool per language, created on first use. This is what the pipeline and the tests call.
import type { Language } from '../src/lib/core/ids';
import type { ExecResult } from '../src/lib/core/result';
import { Pool, type PoolOptions } from '../src/lib/execution/pool';
import type { Job } from '../src/lib/execution/runtime';
import { loadRuntime } from './load';

export class Executor {
	readonly #pools = new Map<Language, Promise<Pool>>();
	readonly #options: Partial<PoolOptions>;

	constructor(options: Partial<PoolOptions> = {}) {
		this.#options = options;
	}

	pool(language: Language): Promise<Pool> {
		let p = this.#pools.get(language);
		if (!p) {
			p = loadRuntime(language).then((rt) => new Pool(rt, this.#options));
			this.#pools.set(language, p);
		}
		return p;
	}

	async run(job: Job): Promise<ExecResult> {
		return (await this.pool(job.language)).run(job);
	}

	async dispose(): Promise<void> {
		for (const p of this.#pools.values()) (await p).dispose();
		this.#pools.clear();
	}
}
