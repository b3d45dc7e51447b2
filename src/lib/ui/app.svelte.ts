// The app's state: the bundled benchmarks, the run on screen, and the view. Heavy parts (the
// pipeline, runtimes, web-llm) are imported when a run starts, so the first paint stays small.
import type { Benchmark, BenchmarkInfo } from '../benchmarks/types';
import { messageOf } from '../core/errors';
import type { Language, TaskId } from '../core/ids';
import type { ResultsFormat } from '../formats/results';
import { isShareFragment } from '../formats/share-fragment';
import { saveFile } from './download';
import type { Executor } from '../../../runtimes/executor';
import { RunState } from '../pipeline/run-state.svelte';
import type { LoadProgress } from '../generation/webllm/progress';
import type { VerifyProgress } from '../pipeline/verify';
import type { SlowReport } from '../pipeline/slow';
import type { RunStore } from '../run/store';
import { inRunOrder, settledStatus, type SampleRecord } from '../run/spec';
import type { Efficiency } from '../scoring/analyses/efficiency';
import type { Diversity } from '../scoring/analyses/diversity';
import { modelName } from '../formats/run-record';
import type { Generator } from '../generation/types';
import type { GgufInfo } from '../generation/gguf/header';
import type { SamplesFile } from './samples-file';
import type { InputFile } from '../formats/samples';
import {
	feedbackTemplate,
	generatorSpec,
	givesSamples,
	packageIndexOf,
	pickTasks,
	type Settings,
} from './settings';
import { recodeRunOrder, recodeSelection } from '../benchmarks/recode';
import type { planRun } from '../pipeline/session';

/** The session's planner, passed in: the pipeline is imported only when a run starts. */
type PlanRun = typeof planRun;

export type View = 'setup' | 'run' | 'results' | 'history' | 'compare' | 'teach' | 'robustness';

/** A robustness run: one run per ReCode set, nominal first, in the order they ran. */
export interface RobustnessRun {
	sets: { info: BenchmarkInfo; state: RunState }[];
	/** Sets still to run after those in `sets`. */
	pending: number;
}

export class AppState {
	view = $state<View>('setup');
	benchmarks = $state<BenchmarkInfo[]>([]);
	current = $state<RunState | undefined>();
	comparing = $state<RunState[] | undefined>();
	robustness = $state<RobustnessRun | undefined>();
	error = $state<string | undefined>();
	notice = $state<string | undefined>();
	/** A web-llm model being downloaded or compiled for the run about to start. */
	modelLoading = $state<LoadProgress | undefined>();
	/** A GGUF model file picked from this computer's disk, with what its header says. Kept for the
	 * page's life only: a File cannot be stored, so a reload asks for it again. */
	ggufFile = $state.raw<{ files: File[]; info: GgufInfo; name: string; chat: boolean } | undefined>();
	/** Samples already generated, picked from this computer and read against the chosen benchmark
	 * (Set up → A samples file). Kept for the page's life only, like ggufFile. */
	samplesFile = $state.raw<(SamplesFile & { benchmark: string }) | undefined>();
	/** The samples files' text as read, to be checked again when another benchmark is chosen. */
	samplesInputs = $state.raw<InputFile[]>([]);
	/** A benchmark file picked from this computer (Set up): offered beside the bundled ones for the
	 * page's life; each run of it carries its problems, so History reopens it without the file. */
	ownBenchmark = $state.raw<Benchmark | undefined>();
	/** The run on screen came from a share link and is not in History. */
	shared = $state(false);
	/** The bundled benchmarks beside the page, under whatever base path the site is served from. */
	readonly benchmarksBase = `${document.baseURI.replace(/[?#].*$/, '').replace(/[^/]*$/, '')}benchmarks/`;
	#executor?: Promise<Executor>;
	#allCores = false;
	/** The model loaded from a file for the latest run (see #localModel). */
	#local?: Generator;
	#store?: RunStore;

	async init(): Promise<void> {
		try {
			const res = await fetch(`${this.benchmarksBase}index.json`);
			this.benchmarks = (await res.json()) as BenchmarkInfo[];
		} catch (e) {
			this.error = `Could not load the benchmark list: ${messageOf(e)}`;
		}
		if (isShareFragment(location.hash)) await this.openShared(location.hash);
		const { interruptedRuns } = await import('../pipeline/session');
		const stale = await interruptedRuns(await this.store()).catch(() => []);
		if (stale.length)
			this.notice = `${stale.length} run(s) were interrupted when the page closed; resume them from History.`;
	}

	async store(): Promise<RunStore> {
		if (!this.#store) {
			const [{ IdbRunStore }, { MemoryRunStore }] = await Promise.all([
				import('../storage/idb'),
				import('../storage/memory'),
			]);
			try {
				const idb = new IdbRunStore();
				await idb.listRuns();
				this.#store = idb;
			} catch (e) {
				this.notice = `${messageOf(e)}`;
				this.#store = new MemoryRunStore();
			}
		}
		return this.#store;
	}

	/** The pools the app's runs share. `allCores`: a worker on every core instead of keeping one
	 * for the page; changing it makes new pools, unless a run is using the current ones. */
	async executor(allCores = this.#allCores): Promise<Executor> {
		const busy = this.current?.status === 'running' || this.current?.status === 'paused';
		if (this.#executor && allCores !== this.#allCores && !busy) {
			void this.#executor.then((ex) => ex.dispose());
			this.#executor = undefined;
		}
		if (!this.#executor) {
			// Kept before the await: two callers at once (a warm-up and Run) must share one executor.
			this.#allCores = allCores;
			const made = import('../../../runtimes/executor').then(
				({ Executor }) => new Executor(allCores ? { size: navigator.hardwareConcurrency || 2 } : {}),
			);
			// A failed import (a chunk the network did not deliver) is tried again next time.
			made.catch(() => {
				if (this.#executor === made) this.#executor = undefined;
			});
			this.#executor = made;
		}
		return this.#executor;
	}

	/** Starts loading a language's workers before Run is pressed: called when someone begins setting
	 * up a run, so Pyodide (seconds on a first visit, ~1 s from the stored image) boots while they
	 * choose, not after. Nothing is loaded for a visitor who never touches the form. */
	prewarm(language: Language, allCores: boolean): void {
		void this.executor(allCores)
			.then((ex) => ex.pool(language))
			.then((pool) => pool.warm())
			.catch(() => {
				// the run reports a runtime that cannot load; a warm-up has no one to tell
			});
	}

	/** What a run needs; `s`: the form's choices (a resumed run keeps the executor's as they are). */
	async #env(
		generator: Generator | undefined,
		s: Partial<Pick<Settings, 'apiKey' | 'allCores' | 'packageIndex'>> = {},
	) {
		const executor = await this.executor(s.allCores);
		if (s.packageIndex !== undefined) executor.setPackageIndex(packageIndexOf(s.packageIndex));
		return {
			store: await this.store(),
			executor,
			benchmarksBase: this.benchmarksBase,
			generator,
			apiKey: s.apiKey || undefined,
		};
	}

	/** Builds the run from the set-up form and starts it. */
	async start(s: Settings, taskIds: TaskId[]): Promise<void> {
		this.error = undefined;
		if (s.benchmark === 'humaneval' && s.robustness.length) {
			if (s.source !== 'file') return this.#robustness(s, taskIds);
			this.error =
				"a robustness run asks the model each perturbed prompt: a samples file has only the original prompts' answers";
			return;
		}
		try {
			const { startRun, planRun } = await import('../pipeline/session');
			const own = this.ownBenchmark?.id === s.benchmark ? this.ownBenchmark : undefined;
			const info = own ?? this.benchmarks.find((b) => b.id === s.benchmark)!;
			const spec = this.#plan(planRun, info, s, this.#withSamples(s, pickTasks(taskIds, s)));
			const name = `${info.name} · ${modelName(spec.generator, info.id)}`;
			const env = { ...(await this.#env(await this.#localModel(s), s)), ...(own && { benchmark: own }) };
			const run = await startRun(spec, name, { ...env, onLoadProgress: (p) => (this.modelLoading = p) });
			this.#follow(new RunState(run, run.meta));
		} catch (e) {
			this.error = messageOf(e);
		} finally {
			this.modelLoading = undefined;
		}
	}

	/** Reads a benchmark file from this computer as the CLI reads `--benchmark <path>` (errors name
	 * file, line and field) and offers it; its id is the file's name, kept apart from the bundled. */
	async openBenchmarkFile(file: File): Promise<Benchmark> {
		const [{ benchmarkFromFile }, { decodeText }] = await Promise.all([
			import('../benchmarks/from-file'),
			import('../core/text'),
		]);
		const b = await benchmarkFromFile(await decodeText(new Uint8Array(await file.arrayBuffer())), file.name);
		const taken = this.benchmarks.some((x) => x.id === b.id);
		this.ownBenchmark = taken ? { ...b, id: `${b.id} (your file)` } : b;
		return this.ownBenchmark;
	}

	/** A samples file runs the chosen problems it has samples for. */
	#withSamples(s: Settings, taskIds: TaskId[]): TaskId[] {
		if (s.source !== 'file') return taskIds;
		const f = this.samplesFile;
		if (!f || f.benchmark !== s.benchmark)
			throw new Error('pick a samples file first (Model → A samples file)');
		const ids = taskIds.filter((t) => f.taskIds.has(t));
		if (!ids.length) throw new Error(`${f.name} has no samples for the problems chosen in Problems`);
		return ids;
	}

	/** A run of `info`'s problems `taskIds` with the form's model and settings. */
	#plan(planRun: PlanRun, info: BenchmarkInfo, s: Settings, taskIds: TaskId[]) {
		const file = s.source === 'file' ? this.samplesFile : undefined;
		const given = givesSamples(s);
		return planRun(info, {
			taskIds,
			generator: generatorSpec(s, this.ggufFile, file),
			n: file?.n ?? s.n,
			sampling: s.sampling,
			ks: s.ks,
			template: s.template,
			calibrated: s.calibrated,
			repairRounds: given ? 0 : s.repairRounds,
			feedback: feedbackTemplate(s),
			generatedTests: given ? 0 : s.generatedTests,
		});
	}

	/** ReCode: the nominal set(s) and every transformation of the chosen families, one run each with
	 * the same model and settings, one after another; the Robustness view follows them. */
	async #robustness(s: Settings, taskIds: TaskId[]): Promise<void> {
		const sets = recodeRunOrder(recodeSelection(s.robustness, this.benchmarks).chosen, this.benchmarks);
		const progress: RobustnessRun = { sets: [], pending: sets.length };
		this.robustness = progress;
		try {
			const { startRun, planRun } = await import('../pipeline/session');
			const local = await this.#localModel(s);
			const picked = pickTasks(taskIds, s);
			for (const info of sets) {
				const spec = this.#plan(planRun, info, s, picked);
				const name = `ReCode ${info.recode!.transformation} · ${modelName(spec.generator, 'humaneval')}`;
				const env = await this.#env(local, s);
				const run = await startRun(spec, name, env);
				const state = new RunState(run, run.meta);
				progress.sets = [...progress.sets, { info, state }];
				progress.pending--;
				this.robustness = { ...progress };
				this.current = state;
				this.shared = false;
				if (this.view !== 'robustness') this.view = 'run';
				await run.run();
				if (run.status !== 'done')
					throw new Error(`the ${info.recode!.transformation} run ${run.status}: ${run.meta.error ?? ''}`);
			}
			this.view = 'robustness';
		} catch (e) {
			this.error = messageOf(e);
		} finally {
			this.modelLoading = undefined;
		}
	}

	/** A model file from disk is loaded here (a run's spec cannot hold a File); other models are
	 * loaded by the session from their spec. */
	async #localModel(s: Settings): Promise<Generator | undefined> {
		if (s.source === 'file' && this.samplesFile) {
			const { ReplayGenerator } = await import('../generation/given');
			return new ReplayGenerator(this.samplesFile.samples, this.samplesFile.name);
		}
		if (s.source !== 'gguf' || s.gguf.from !== 'file') return undefined;
		const picked = this.ggufFile;
		if (!picked) throw new Error('pick a .gguf model file first (Model → From this computer)');
		this.modelLoading = { phase: 'other', percent: 0, text: `Loading ${picked.name} into the page…` };
		// one model in memory at a time: the previous run's engine is let go before the next loads
		await this.#local?.dispose().catch(() => {});
		const { GgufGenerator } = await import('../generation/gguf/engine');
		this.#local = await GgufGenerator.load({ kind: 'file', files: picked.files }, { name: picked.name });
		return this.#local;
	}

	async resume(id: string, apiKey?: string): Promise<void> {
		this.error = undefined;
		try {
			const { resumeRun } = await import('../pipeline/session');
			const run = await resumeRun(id, await this.#env(undefined, { apiKey }));
			await run.load();
			this.#follow(new RunState(run, run.meta));
		} catch (e) {
			this.error = messageOf(e);
		}
	}

	/** A stored run, loaded for viewing: nothing runs, no model is loaded. */
	async #load(id: string, from?: RunStore): Promise<RunState> {
		const [{ resumeRun }, { ReplayGenerator }] = await Promise.all([
			import('../pipeline/session'),
			import('../generation/given'),
		]);
		const store = from ?? (await this.store());
		const meta = await store.getRun(id);
		if (!meta) throw new Error(`run ${id} is not in this browser's storage`);
		// Viewing asks no model for anything: an empty replay stands in for it.
		const placeholder = new ReplayGenerator([], meta.name);
		const run = await resumeRun(id, { ...(await this.#env(placeholder)), store });
		await run.load();
		return new RunState(run, run.meta);
	}

	/** A run from a share link: shown, not kept, until the reader saves it to History. */
	async openShared(hash: string): Promise<void> {
		this.error = undefined;
		try {
			const [{ decodeShare }, { MemoryRunStore }] = await Promise.all([
				import('../formats/share-link'),
				import('../storage/memory'),
			]);
			const { meta, samples } = await decodeShare(hash);
			const store = new MemoryRunStore();
			await store.saveRun({ ...meta, status: settledStatus(meta.status) });
			for (const s of samples) await store.putSample({ ...s, runId: meta.id });
			this.current = await this.#load(meta.id, store);
			this.shared = true;
			this.view = 'results';
		} catch (e) {
			this.error = messageOf(e);
		}
	}

	/** Keeps the shared run on screen in History. */
	async keepShared(state: RunState): Promise<void> {
		const { toRunFile } = await import('../formats/run-file');
		const text = toRunFile(
			state.meta,
			[...state.run.records.values()],
			[...(state.run.tests?.sets.values() ?? [])],
		);
		const id = await this.importRun(new File([text], `${state.meta.name}.benchtop-run.json`));
		if (id) this.shared = false;
	}

	/** Runs every sample of the run on screen again here and compares the verdicts. */
	async verify(state: RunState, onProgress: (p: VerifyProgress) => void): Promise<VerifyProgress> {
		const { verifyRun } = await import('../pipeline/verify');
		const records = [...state.run.records.values()];
		return verifyRun(state.meta, records, state.run.bench, await this.executor(), onProgress);
	}

	/** Whether the run's timed-out samples would have had more time under calibrated limits. */
	async slowButCorrect(
		state: RunState,
		onProblem: (done: number, total: number) => void,
	): Promise<SlowReport> {
		const { slowButCorrect } = await import('../pipeline/slow');
		const records = [...state.run.records.values()];
		return slowButCorrect(state.meta, records, state.run.bench, await this.executor(), onProblem);
	}

	/** Times the run's passing samples against their references, on one worker of its own (the
	 * interleaving must not be spread over the shared pools, nor wait behind a run). */
	async efficiency(state: RunState, onJob: (done: number, total: number) => void): Promise<Efficiency> {
		const [{ planEfficiency, measureEfficiency }, { Executor }] = await Promise.all([
			import('../pipeline/efficiency'),
			import('../../../runtimes/executor'),
		]);
		const records = inRunOrder(state.meta, state.run.records.values());
		const outcomes = records.map((r) => ({
			sample: { taskId: r.taskId, code: r.code, full: r.full, file: 'run' },
			result: r.result,
		}));
		const executor = new Executor({ size: 1 });
		try {
			return await measureEfficiency(
				planEfficiency(state.run.bench, outcomes, state.meta.spec.limits),
				executor,
				onJob,
			);
		} finally {
			await executor.dispose();
		}
	}

	/** Diversity by behaviour: one sample of each of the report's solutions on the plus inputs of the
	 * run's EvalPlus companion (HumanEval+ for HumanEval), on the app's workers. */
	async behaviour(state: RunState, d: Diversity, byTask: Record<string, SampleRecord[]>): Promise<Diversity> {
		const [{ planBehaviour }, { loadBenchmark }, { companionOf }] = await Promise.all([
			import('../pipeline/behaviour'),
			import('../benchmarks/registry'),
			import('../benchmarks/support'),
		]);
		const id = companionOf(state.run.bench)?.id;
		if (!id) throw new Error(`${state.run.bench.name} has no benchmark with extra inputs to run it on`);
		const plan = planBehaviour(
			d,
			state.meta.spec.ks,
			state.run.bench,
			await loadBenchmark(id, this.benchmarksBase),
			(taskId, at) => byTask[taskId]![at]!,
			state.meta.spec.limits,
		);
		const executor = await this.executor();
		return plan.report(await Promise.all(plan.jobs.map((j) => executor.run(j))));
	}

	/** Shows a stored run's results without running anything. */
	async open(id: string): Promise<void> {
		this.error = undefined;
		try {
			this.current = await this.#load(id);
			this.shared = false;
			this.view = 'results';
		} catch (e) {
			this.error = messageOf(e);
		}
	}

	/** Two or more runs on the same benchmark, side by side (A is the oldest). */
	async compare(ids: string[]): Promise<void> {
		this.error = undefined;
		try {
			// The order never depends on how they were picked.
			const runs = (await Promise.all(ids.map((id) => this.#load(id)))).sort(
				(x, y) => x.meta.created - y.meta.created,
			);
			const other = runs.find((r) => r.meta.spec.benchmark.hash !== runs[0]!.meta.spec.benchmark.hash);
			if (other)
				throw new Error(
					`these runs are on different benchmarks (${runs[0]!.meta.spec.benchmark.id}, ${other.meta.spec.benchmark.id}); compare runs on the same one`,
				);
			this.comparing = runs;
			this.view = 'compare';
		} catch (e) {
			this.error = messageOf(e);
		}
	}

	/** A problem written in the Teach view, attempted n times by the model chosen in Set up. */
	async teachRun(bench: Benchmark, n: number, s: Settings): Promise<RunState | undefined> {
		this.error = undefined;
		try {
			const { startRun, planRun } = await import('../pipeline/session');
			const spec = planRun(bench, {
				taskIds: bench.problems.map((p) => p.taskId),
				generator: generatorSpec(s),
				n,
				// Several attempts at temperature 0 would be one attempt n times.
				sampling:
					n > 1 && s.sampling.temperature === 0
						? { ...s.sampling, temperature: 0.8, topP: 0.95 }
						: s.sampling,
				ks: [1],
			});
			const env = { ...(await this.#env(undefined, s)), benchmark: bench };
			const run = await startRun(spec, bench.name, env);
			const state = new RunState(run, run.meta);
			run.run().catch(() => {});
			return state;
		} catch (e) {
			this.error = messageOf(e);
			return undefined;
		}
	}

	/** The run on screen in one results format, as a download; built from the run's own problems,
	 * so Teach, embed and shared runs export like bundled ones. */
	async exportResults(state: RunState, format: ResultsFormat): Promise<void> {
		this.error = undefined;
		try {
			const [{ exportRun }, { defaultPoolSize }] = await Promise.all([
				import('../formats/exports'),
				import('../execution/pool'),
			]);
			const run = { meta: state.meta, bench: state.run.bench, records: state.run.records.values() };
			const env = { workers: defaultPoolSize(), browser: navigator.userAgent };
			const file = await exportRun(format, { ...run, score: state.run.score() }, env);
			saveFile(file.name, file.data, file.type);
		} catch (e) {
			this.error = messageOf(e);
		}
	}

	/** The run as one file, for another browser or safekeeping. */
	async exportRun(id: string): Promise<{ name: string; text: string }> {
		const store = await this.store();
		const meta = await store.getRun(id);
		if (!meta) throw new Error(`run ${id} is not in this browser's storage`);
		const { toRunFile, runFileName } = await import('../formats/run-file');
		return {
			name: runFileName(meta.name),
			text: toRunFile(meta, await store.samples(id), await store.tests(id)),
		};
	}

	/** Adds a run file to History; a run already here keeps its own and the import gets a new id. */
	async importRun(file: File): Promise<string | undefined> {
		this.error = undefined;
		try {
			const { parseRunFile } = await import('../formats/run-file');
			const { meta, samples, tests } = parseRunFile(await file.text(), file.name);
			const store = await this.store();
			const id = (await store.getRun(meta.id)) ? crypto.randomUUID() : meta.id;
			await store.saveRun({
				...meta,
				id,
				status: settledStatus(meta.status),
				name: id === meta.id ? meta.name : `${meta.name} (imported)`,
			});
			for (const s of samples) await store.putSample({ ...s, runId: id });
			for (const t of tests) await store.putTests({ ...t, runId: id });
			return id;
		} catch (e) {
			this.error = messageOf(e);
			return undefined;
		}
	}

	#follow(state: RunState) {
		this.current = state;
		this.shared = false;
		this.view = 'run';
		state.run
			.run()
			.then(() => {
				if (this.current === state) this.view = 'results';
			})
			.catch(() => {
				// the run's status and message are on screen
			});
	}
}
