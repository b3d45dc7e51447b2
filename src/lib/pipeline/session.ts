// Starting and resuming runs from their serializable spec: the benchmark (hash-checked), the
// template and the generator are recreated from what the store holds, so a reloaded page — or the
// CLI — continues a run exactly where it stopped.
import { hashProblems } from '../benchmarks/hash';
import { loadBenchmark } from '../benchmarks/registry';
import { DEFAULT_LIMITS } from '../execution/runtime';
import { RUNTIME_VERSIONS } from '../execution/versions';
import { GREEDY, type Sampling } from '../generation/types';
import type { Benchmark, BenchmarkInfo } from '../benchmarks/types';
import type { TaskId } from '../core/ids';
import { BenchtopError } from '../core/errors';
import { EndpointGenerator } from '../generation/endpoint';
import { ReferenceGenerator } from '../generation/given';
import type { Generator } from '../generation/types';
import { chooseTemplate, customTemplate, template } from '../prompts/templates';
import { promptedAs, settledStatus, type GeneratorSpec, type RunMeta, type RunSpec } from '../run/spec';
import type { RunStore } from '../run/store';
import type { Executes } from '../execution/runtime';
import { EVALPLUS_CALIBRATION } from '../run/spec';
import type { LoadProgress } from '../generation/webllm/progress';
import { PipelineRun } from './run';
import { REPAIR_FEEDBACK, type FeedbackTemplate } from '../prompts/feedback';
import { TEST_TEMPLATE } from '../prompts/test-gen';
import { RANKERS, type Ranker } from '../scoring/rerank';
import { dualSupported } from '../benchmarks/support';

/** Each generated test's time when run against a sample (B4 gives 0.1 s on CPython; Pyodide in a
 * worker is slower and shares the machine with the model). */
export const DEFAULT_PER_TEST_MS = 1000;

export interface SessionEnv {
	store: RunStore;
	executor: Executes;
	/** Where the bundled benchmarks are served (the app's benchmarks/ folder). */
	benchmarksBase: string;
	/** Kept in memory only; needed again after a reload unless the user chose to remember it. */
	apiKey?: string;
	/** For generators that cannot be recreated from the spec alone (replay, a loaded web-llm engine). */
	generator?: Generator;
	/** A benchmark that is not bundled (a problem written in the Teach view, a user's file). */
	benchmark?: Benchmark;
	/** web-llm's download and compile progress while the model loads. */
	onLoadProgress?: (p: LoadProgress) => void;
}

async function makeGenerator(spec: RunSpec, bench: Benchmark, env: SessionEnv): Promise<Generator> {
	if (env.generator) return env.generator;
	const g = spec.generator;
	switch (g.kind) {
		case 'endpoint':
			return new EndpointGenerator({ baseUrl: g.baseUrl, model: g.model, api: g.api, apiKey: env.apiKey });
		case 'reference':
			return new ReferenceGenerator(bench);
		case 'webllm': {
			const { WebLlmGenerator } = await import('../generation/webllm/engine');
			return WebLlmGenerator.load(g.modelId, { onProgress: env.onLoadProgress });
		}
		case 'gguf': {
			if (!g.url)
				throw new BenchtopError(
					`this run used the model file ${g.model} from this computer's disk: pick it again in Set up to resume`,
				);
			const { GgufGenerator } = await import('../generation/gguf/engine');
			return GgufGenerator.load(
				{ kind: 'url', url: g.url },
				{
					name: g.model,
					onProgress: (loaded, total) =>
						env.onLoadProgress?.({
							phase: 'download',
							percent: total ? Math.round((loaded / total) * 1000) / 10 : 0,
							mb: Math.round(loaded / 1e6),
							text: `Downloading ${g.model}: ${Math.round(loaded / 1e6)} of ${Math.round(total / 1e6)} MB`,
						}),
				},
			);
		}
		case 'replay':
			throw new BenchtopError(`this run replays ${g.source}: open that file again to resume it`);
	}
}

async function benchmarkOf(meta: RunMeta, env: SessionEnv): Promise<Benchmark> {
	if (env.benchmark) return env.benchmark;
	if (!meta.inline) return loadBenchmark(meta.spec.benchmark.id, env.benchmarksBase);
	// Problems that came with the run (a file, a link) are trusted only as far as their hash.
	const hash = await hashProblems(meta.inline.problems);
	return { ...meta.inline, hash, count: meta.inline.problems.length };
}

async function open(meta: RunMeta, env: SessionEnv): Promise<PipelineRun> {
	const bench = await benchmarkOf(meta, env);
	if (bench.hash !== meta.spec.benchmark.hash)
		throw new BenchtopError(
			`benchmark ${bench.id} changed since this run started (dataset hash differs); start a new run`,
		);
	const t = meta.spec.template.custom
		? customTemplate(meta.spec.template.custom)
		: template(meta.spec.template.name);
	const generator = await makeGenerator(meta.spec, bench, env);
	return new PipelineRun(meta, { bench, generator, executor: env.executor, store: env.store, template: t });
}

/** A run's spec from what a form, an embed link or the CLI chose — the only way one is built. The
 * template follows `chooseTemplate`; reference solutions are one sample each, scored at k = 1. */
export function planRun(
	bench: Pick<BenchmarkInfo, 'id' | 'hash' | 'composition' | 'language' | 'dialect'>,
	o: {
		taskIds: TaskId[];
		generator: GeneratorSpec;
		n: number;
		sampling: Sampling;
		ks: number[];
		/** A built-in template's name; `auto` or absent: the default for the model. */
		template?: string;
		/** Time limits from each reference's time here (evalplus) instead of a fixed 3 s. */
		calibrated?: boolean;
		/** The fixed time limit per sample, when not the default. */
		timeMs?: number;
		/** Self-repair rounds after a failing sample (0: none), with the default feedback unless given. */
		repairRounds?: number;
		feedback?: FeedbackTemplate;
		/** Reranking: test-generation answers per problem (0: none), which rankers, each test's time. */
		generatedTests?: number;
		rankers?: Ranker[];
		perTestMs?: number;
	},
): RunSpec {
	const g = o.generator;
	const reference = g.kind === 'reference';
	if (o.repairRounds && (reference || g.kind === 'replay'))
		throw new BenchtopError(
			'self-repair needs a model to answer the feedback: not reference solutions or a file',
		);
	if (o.generatedTests && (reference || g.kind === 'replay'))
		throw new BenchtopError('generated tests need a model to write them: not reference solutions or a file');
	if (o.generatedTests && !dualSupported(bench))
		throw new BenchtopError(
			`generated tests run on HumanEval-, MBPP- and MultiPL-E-style benchmarks in Python, JavaScript and Lua; not on ${bench.id} (${bench.composition}${bench.dialect ? `, ${bench.dialect}` : ''})`,
		);
	const t = chooseTemplate(bench, promptedAs(g), o.template);
	return {
		benchmark: { id: bench.id, hash: bench.hash },
		taskIds: o.taskIds,
		n: reference ? 1 : o.n,
		sampling: o.sampling,
		template: { name: t.name, version: t.version },
		limits: { ...DEFAULT_LIMITS, ...(o.timeMs && { timeMs: o.timeMs }) },
		...(o.calibrated && { calibration: EVALPLUS_CALIBRATION }),
		ks: reference ? [1] : o.ks,
		generator: g,
		...(o.repairRounds && { repair: { rounds: o.repairRounds, feedback: o.feedback ?? REPAIR_FEEDBACK } }),
		...(o.generatedTests && {
			tests: {
				perProblem: o.generatedTests,
				template: { ...TEST_TEMPLATE },
				perTestMs: o.perTestMs ?? DEFAULT_PER_TEST_MS,
				rankers: o.rankers ?? [...RANKERS],
			},
		}),
	};
}

export async function startRun(spec: RunSpec, name: string, env: SessionEnv): Promise<PipelineRun> {
	const meta: RunMeta = {
		id: crypto.randomUUID(),
		name,
		created: Date.now(),
		status: 'running',
		spec,
		runtimes: { ...RUNTIME_VERSIONS },
		...(env.benchmark && { inline: env.benchmark }),
	};
	await env.store.saveRun(meta);
	return open(meta, env);
}

/** The benchmark's reference solutions as a run: the runtimes' self-check and a zero-download demo. */
export async function startReferenceRun(benchmarkId: string, env: SessionEnv): Promise<PipelineRun> {
	const bench = await loadBenchmark(benchmarkId, env.benchmarksBase);
	const spec = planRun(bench, {
		taskIds: bench.problems.filter((p) => p.reference !== undefined).map((p) => p.taskId),
		generator: { kind: 'reference' },
		n: 1,
		sampling: GREEDY,
		ks: [1],
	});
	return startRun(spec, `${bench.id} reference solutions`, env);
}

export async function resumeRun(id: string, env: SessionEnv): Promise<PipelineRun> {
	const meta = await env.store.getRun(id);
	if (!meta) throw new BenchtopError(`no run ${id} in this browser's storage`);
	return open(meta, env);
}

/** Runs the store says were running when the page went away: shown as interrupted, resumable. */
export async function interruptedRuns(store: RunStore): Promise<RunMeta[]> {
	const runs = await store.listRuns();
	const stale = runs
		.filter((r) => settledStatus(r.status) !== r.status)
		.map((r) => ({ ...r, status: settledStatus(r.status) }));
	for (const r of stale) await store.saveRun(r);
	return stale;
}
