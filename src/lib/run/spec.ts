// The run model: what a run is (its spec and status) and what it keeps — one record per finished
// sample, written the moment the sample finishes so a closed tab loses nothing. Storage, the
// pipeline, the formats and the views all speak it; it imports none of them.
import type { Benchmark } from '../benchmarks/types';
import type { TaskId } from '../core/ids';
import type { ExecResult } from '../core/result';
import type { Limits } from '../execution/runtime';
import type { EndpointConfig } from '../generation/endpoint';
import type { FinishReason, Sampling, Speed } from '../generation/types';
import type { CustomTemplate, PromptedAs } from '../prompts/templates';
import type { FeedbackTemplate } from '../prompts/feedback';

/** How to recreate the generator on resume. The API key is never stored here. */
export type GeneratorSpec =
	| { kind: 'endpoint'; baseUrl: string; model: string; api: EndpointConfig['api'] }
	| { kind: 'webllm'; modelId: string }
	/** A GGUF model run by wllama: from a URL (reloaded from the browser's cache on resume) or a file
	 * on the user's disk (picked again to resume). `chat`: it has a chat template (instruct model). */
	| { kind: 'gguf'; model: string; url?: string; chat: boolean }
	| { kind: 'reference' }
	| { kind: 'replay'; source: string };

/** How the run's model takes its prompt (which decides the default template). */
export function promptedAs(g: GeneratorSpec): PromptedAs {
	if (g.kind === 'reference' || g.kind === 'replay') return 'reference';
	if (g.kind === 'gguf') return g.chat ? 'chat' : 'completion';
	return g.kind === 'webllm' || g.api === 'chat' ? 'chat' : 'completion';
}

/** Everything needed to run (and re-run) it; serializable. */
export interface RunSpec {
	benchmark: { id: string; hash: string };
	taskIds: TaskId[];
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
	/** Self-repair: a failing sample is shown its execution feedback and answers again, up to
	 * `rounds` times (the template is kept whole so an edited one resumes too). */
	repair?: { rounds: number; feedback: FeedbackTemplate };
	/** Reranking: the model writes tests for each problem (`perProblem` answers to the test
	 * template), every sample runs against every test (`perTestMs` each), and the rankers pick. */
	tests?: {
		perProblem: number;
		template: { name: string; version: number };
		perTestMs: number;
		rankers: string[];
	};
}

export type RunStatus = 'running' | 'paused' | 'interrupted' | 'done' | 'cancelled' | 'failed';

/** How a stored run is shown when no page is running it: a run that was running or paused when its
 * page went away (or that arrived in a file or a link) is interrupted, resumable from History. */
export function settledStatus(status: RunStatus): RunStatus {
	return status === 'running' || status === 'paused' ? 'interrupted' : status;
}

export interface Calibration {
	factor: number;
	minMs: number;
}

/** evalplus's defaults: 4 × the reference's time, at least 1 s. */
export const EVALPLUS_CALIBRATION: Calibration = { factor: 4, minMs: 1000 };

/** The rule in words, for the forms that offer it: "max(1 s, 4 × the reference's time here)". */
export const calibrationRule = (c: Calibration, time: string) =>
	`max(${c.minMs / 1000} s, ${c.factor} × ${time})`;

export interface RunMeta {
	id: string;
	name: string;
	created: number;
	status: RunStatus;
	error?: string;
	spec: RunSpec;
	/** The engine as the generator described itself when the run first ran (version, threads, chat
	 * format); the spec alone cannot say it. */
	engine?: string;
	/** The runtimes' versions (execution/versions.ts) in the build that started the run; absent in
	 * runs made before they were recorded. */
	runtimes?: Record<string, string>;
	/** The problems themselves, when they are not a bundled benchmark (Teach, an embed, a user's
	 * file): the run can then be reopened, exported, shared and verified anywhere. */
	inline?: Benchmark;
}

export interface SampleRecord {
	runId: string;
	taskId: TaskId;
	index: number;
	/** The model's text as it came, and what was run from it. */
	raw: string;
	code: string;
	full: boolean;
	/** How extraction found the code. */
	how: string;
	tokens: number;
	genMs: number;
	/** The engine's own prompt and decode speeds for this sample (wllama). */
	speed?: Speed;
	finishReason: FinishReason;
	program: string;
	result: ExecResult;
	finishedAt: number;
	/** Self-repair rounds 1, 2, … after this one (round 0) failed, each stored as it finishes. */
	repairs?: RepairRound[];
	/** Reranking: which of the problem's generated tests (its TestSetRecord's order) this sample passed. */
	testRow?: boolean[];
}

/** A problem's generated tests: the model's answers to the test prompt, the distinct tests taken
 * from them (weighted by how many answers wrote each), and — where the benchmark has a reference
 * solution — which tests it passes (a test it fails is wrong). Kept under index 0. */
export interface TestSetRecord {
	runId: string;
	taskId: TaskId;
	index: 0;
	answers: { raw: string; tokens: number; genMs: number; finishReason: FinishReason; tests: string[] }[];
	tests: { text: string; weight: number }[];
	reference?: boolean[];
}

/** One self-repair round: the feedback message the model was sent, and its answer run like a sample. */
export type RepairRound = Pick<
	SampleRecord,
	'raw' | 'code' | 'full' | 'how' | 'tokens' | 'genMs' | 'finishReason' | 'program' | 'result' | 'finishedAt'
> & { message: string };

/** A sample's text, kept the moment generation ends, so a reload before its verdict does not
 * ask the model again. */
export type GeneratedRecord = Pick<
	SampleRecord,
	'runId' | 'taskId' | 'index' | 'raw' | 'tokens' | 'genMs' | 'finishReason'
> & {
	full?: boolean;
};

/** The run's records in its own order (problems as the spec lists them, then sample index). */
export function inRunOrder(meta: Pick<RunMeta, 'spec'>, records: Iterable<SampleRecord>): SampleRecord[] {
	const order = new Map(meta.spec.taskIds.map((id, i) => [id, i]));
	return [...records].sort(
		(a, b) => (order.get(a.taskId) ?? Infinity) - (order.get(b.taskId) ?? Infinity) || a.index - b.index,
	);
}
