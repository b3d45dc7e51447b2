// What a run keeps: its spec and status, and one record per finished sample, written the moment the
// sample finishes so a closed tab loses nothing. IndexedDB in the app (idb.ts), memory in the CLI.
import type { Benchmark } from '../benchmarks/types';
import type { ExecResult } from '../core/result';
import type { Limits } from '../execution/runtime';
import type { Calibration } from '../pipeline/calibrate';
import type { EndpointConfig } from '../generation/endpoint';
import type { FinishReason, Sampling } from '../generation/types';
import type { CustomTemplate } from '../prompts/templates';

/** How to recreate the generator on resume. The API key is never stored here. */
export type GeneratorSpec =
	| { kind: 'endpoint'; baseUrl: string; model: string; api: EndpointConfig['api'] }
	| { kind: 'webllm'; modelId: string }
	| { kind: 'reference' }
	| { kind: 'replay'; source: string };

/** Everything needed to run (and re-run) it; serializable. */
export interface RunSpec {
	benchmark: { id: string; hash: string };
	taskIds: string[];
	/** Samples per problem. */
	n: number;
	sampling: Sampling;
	/** A built-in template by name, or the user's own (kept whole so the run can be resumed). */
	template: { name: string; version: number; custom?: CustomTemplate };
	limits: Limits;
	/** Per-problem time limits from the reference's time in the browser that runs it (evalplus). */
	calibration?: Calibration;
	ks: number[];
	generator: GeneratorSpec;
}

export type RunStatus = 'running' | 'paused' | 'interrupted' | 'done' | 'cancelled' | 'failed';

export interface RunMeta {
	id: string;
	name: string;
	created: number;
	status: RunStatus;
	error?: string;
	spec: RunSpec;
	/** The problems themselves, when they are not a bundled benchmark (Teach, an embed, a user's
	 * file): the run can then be reopened, exported, shared and verified anywhere. */
	inline?: Benchmark;
}

export interface SampleRecord {
	runId: string;
	taskId: string;
	index: number;
	/** The model's text as it came, and what was run from it. */
	raw: string;
	code: string;
	full: boolean;
	/** How extraction found the code. */
	how: string;
	tokens: number;
	genMs: number;
	finishReason: FinishReason;
	program: string;
	result: ExecResult;
	finishedAt: number;
}

/** A sample's text, kept the moment generation ends, so a reload before its verdict does not
 * ask the model again. */
export type GeneratedRecord = Pick<
	SampleRecord,
	'runId' | 'taskId' | 'index' | 'raw' | 'tokens' | 'genMs' | 'finishReason'
> & {
	full?: boolean;
};

export interface RunStore {
	saveRun(meta: RunMeta): Promise<void>;
	getRun(id: string): Promise<RunMeta | undefined>;
	listRuns(): Promise<RunMeta[]>;
	deleteRun(id: string): Promise<void>;
	putSample(rec: SampleRecord): Promise<void>;
	samples(runId: string): Promise<SampleRecord[]>;
	putGenerated(rec: GeneratedRecord): Promise<void>;
	generated(runId: string): Promise<GeneratedRecord[]>;
}

export class MemoryRunStore implements RunStore {
	readonly #runs = new Map<string, RunMeta>();
	readonly #samples = new Map<string, SampleRecord>();
	readonly #generated = new Map<string, GeneratedRecord>();

	async saveRun(meta: RunMeta) {
		this.#runs.set(meta.id, structuredClone(meta));
	}
	async getRun(id: string) {
		return structuredClone(this.#runs.get(id));
	}
	async listRuns() {
		return [...this.#runs.values()].map((m) => structuredClone(m));
	}
	async deleteRun(id: string) {
		this.#runs.delete(id);
		for (const m of [this.#samples, this.#generated])
			for (const k of [...m.keys()]) if (k.startsWith(`${id}\u0000`)) m.delete(k);
	}
	async putSample(rec: SampleRecord) {
		this.#samples.set(`${rec.runId}\u0000${rec.taskId}\u0000${rec.index}`, structuredClone(rec));
	}
	async samples(runId: string) {
		return [...this.#samples.values()].filter((r) => r.runId === runId).map((r) => structuredClone(r));
	}
	async putGenerated(rec: GeneratedRecord) {
		this.#generated.set(`${rec.runId}\u0000${rec.taskId}\u0000${rec.index}`, structuredClone(rec));
	}
	async generated(runId: string) {
		return [...this.#generated.values()].filter((r) => r.runId === runId).map((r) => structuredClone(r));
	}
}
