// The embed widget's state: the configured problems, loaded when the page opens, and one run at a
// time in memory (an embed leaves nothing in the visitor's History).
import { messageOf } from '../lib/core/errors';
import { inlineBenchmark } from '../lib/benchmarks/inline';
import { loadBenchmark } from '../lib/benchmarks/registry';
import type { Benchmark } from '../lib/benchmarks/types';
import type { TaskId } from '../lib/core/ids';
import type { Executor } from '../../runtimes/executor';
import { RunState } from '../lib/pipeline/run-state.svelte';
import { EmbedConfigError, type EmbedConfig } from '../lib/embed/config';

/** With neither ids nor count, a bundled benchmark is cut to its first problems: an embed stays small. */
export const DEFAULT_COUNT = 10;

export class EmbedState {
	bench = $state.raw<Benchmark | undefined>();
	taskIds = $state.raw<TaskId[]>([]);
	current = $state<RunState | undefined>();
	error = $state<string | undefined>();
	#executor?: Executor;

	constructor(
		readonly config: EmbedConfig,
		readonly benchmarksBase: string,
	) {}

	/** Loads the problems; a bad id or a missing benchmark becomes the widget's error message. */
	async prepare(): Promise<void> {
		try {
			const src = this.config.source;
			if (src.kind === 'inline') {
				this.bench = await inlineBenchmark(src.language, src.problems, {
					prefix: 'inline',
					name: this.config.title ?? 'Inline problems',
					version: 'embedded in a page',
					license: 'the page author’s',
				});
				this.taskIds = this.bench.problems.map((p) => p.taskId);
				return;
			}
			const bench = await loadBenchmark(src.benchmark, this.benchmarksBase);
			const all = bench.problems.map((p) => p.taskId);
			const unknown = src.ids?.find((id) => !all.some((t) => t === id));
			if (unknown)
				throw new EmbedConfigError('ids', `"${unknown}" is not in ${bench.id} (ids look like ${all[0]})`);
			this.taskIds = src.ids
				? src.ids.map((id) => all.find((t) => t === id)!)
				: all.slice(0, src.count ?? DEFAULT_COUNT);
			this.bench = bench;
		} catch (e) {
			this.error = messageOf(e);
		}
	}

	async start(): Promise<void> {
		const bench = this.bench;
		if (!bench) return;
		this.error = undefined;
		try {
			const [{ startRun, planRun }, { MemoryRunStore }, { Executor }] = await Promise.all([
				import('../lib/pipeline/session'),
				import('../lib/storage/memory'),
				import('../../runtimes/executor'),
			]);
			this.#executor ??= new Executor();
			const c = this.config;
			const spec = planRun(bench, {
				taskIds: this.taskIds,
				generator: c.generator,
				n: c.n,
				sampling: c.sampling,
				ks: c.n > 1 ? [1, c.n] : [1],
				template: c.template,
			});
			const run = await startRun(spec, c.title ?? bench.name, {
				store: new MemoryRunStore(),
				executor: this.#executor,
				benchmarksBase: this.benchmarksBase,
				// Bundled problems are fetched by id; inline ones travel with the run.
				...(c.source.kind === 'inline' && { benchmark: bench }),
			});
			this.current = new RunState(run, run.meta);
			await run.run();
		} catch (e) {
			this.error = messageOf(e);
		}
	}
}
