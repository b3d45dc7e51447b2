// Samples that already exist flow through the same path as generated ones: a file's samples
// (replay) and the benchmark's reference solutions (a self-check of the runtimes, and a demo that
// needs no download). Their text is code already: the pipeline does not extract from it.
import type { Benchmark } from '../benchmarks/types';
import type { Sample } from '../core/sample';
import type { GenerateRequest, Generated, Generator } from './types';

abstract class Given implements Generator {
	readonly chat = false;
	abstract readonly describe: Generator['describe'];
	protected abstract pick(taskId: string, index: number): Sample | undefined;

	/** How many samples there are for a problem (replay files decide n). */
	abstract count(taskId: string): number;

	async generate(req: GenerateRequest): Promise<Generated & { full: boolean }> {
		const s = this.pick(req.taskId, req.index);
		if (!s) throw new Error(`no sample ${req.index} for ${req.taskId}`);
		req.onText?.(s.code);
		return { text: s.code, full: s.full, tokens: 0, finishReason: 'replayed', ms: 0 };
	}

	interrupt(): void {}
	async dispose(): Promise<void> {}
}

export class ReplayGenerator extends Given {
	readonly describe;
	readonly #byTask = new Map<string, Sample[]>();

	constructor(samples: readonly Sample[], source: string) {
		super();
		for (const s of samples) this.#byTask.set(s.taskId, [...(this.#byTask.get(s.taskId) ?? []), s]);
		this.describe = { kind: 'replay' as const, model: source, engine: 'samples file' };
	}
	protected pick(taskId: string, index: number) {
		return this.#byTask.get(taskId)?.[index];
	}
	count(taskId: string) {
		return this.#byTask.get(taskId)?.length ?? 0;
	}
	get taskIds(): string[] {
		return [...this.#byTask.keys()];
	}
}

export class ReferenceGenerator extends Given {
	readonly describe;
	readonly #bench: Benchmark;

	constructor(bench: Benchmark) {
		super();
		this.#bench = bench;
		this.describe = {
			kind: 'reference' as const,
			model: `${bench.id} reference solutions`,
			engine: 'benchmark',
		};
	}
	protected pick(taskId: string) {
		const p = this.#bench.problems.find((x) => x.taskId === taskId);
		return p?.reference === undefined
			? undefined
			: { taskId: p.taskId, code: p.reference, full: false, file: this.describe.model };
	}
	count(taskId: string) {
		return this.pick(taskId) ? 1 : 0;
	}
}
