// One pool per language, created on first use. This is what the pipeline and the tests call.
import type { Language } from '../src/lib/core/ids';
import type { ExecResult } from '../src/lib/core/result';
import { packageCandidates, PackageSource } from '../src/lib/execution/packages';
import { Pool, type PoolOptions } from '../src/lib/execution/pool';
import type { Job } from '../src/lib/execution/runtime';
import { loadRuntime } from './load';

export type ExecutorOptions = Partial<PoolOptions> & {
	/** Python packages on demand: the index to fetch them from (default: Pyodide's CDN for the
	 * bundled release); null turns them off (a sample's import then fails as a missing module). */
	packageIndex?: string | null;
};

export class Executor {
	readonly #pools = new Map<Language, Promise<Pool>>();
	readonly #options: ExecutorOptions;
	#packages: Promise<PackageSource | null> | null = null;

	constructor(options: ExecutorOptions = {}) {
		this.#options = { ...options };
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
		const pool = await this.pool(job.language);
		if (job.language !== 'python' || !packageCandidates(job.program).length) return pool.run(job);
		const source = await this.packages();
		if (!source) return pool.run(job);
		const { files, missing } = await source.resolve(job.program);
		const r = await pool.run(files.length ? { ...job, packages: files } : job);
		// A sample that passed without them did not need them; one that failed may have.
		return missing.length && r.status !== 'passed'
			? { ...r, missingPackages: missing.map((m) => m.name) }
			: r;
	}

	/** Another index from now on (the app's Set up form): later samples fetch from there. */
	setPackageIndex(url: string | null | undefined): void {
		if (url === this.#options.packageIndex) return;
		this.#options.packageIndex = url;
		this.#packages = null;
	}

	/** Where Python packages come from, or null when they are off. */
	packages(): Promise<PackageSource | null> {
		this.#packages ??= loadRuntime('python').then(({ packageIndex }) => {
			const url = this.#options.packageIndex === undefined ? packageIndex?.url : this.#options.packageIndex;
			if (!url) return null;
			const own = url === packageIndex?.url ? packageIndex.lockUrl : undefined;
			return new PackageSource({ indexUrl: url, lockUrl: own, fallbackLockUrl: packageIndex?.lockUrl });
		});
		return this.#packages;
	}

	async dispose(): Promise<void> {
		for (const p of this.#pools.values()) (await p).dispose();
		this.#pools.clear();
	}
}
