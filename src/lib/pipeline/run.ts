// The run: generation and execution overlap — a sample runs the moment its text is complete while
// the next one is being written — every finished sample is stored at once, and the score updates as
// verdicts arrive. Pause (after the sample being written), resume, cancel. A run restarted with the
// same store skips what is already done, so a reload resumes where it stopped.
import { messageOf } from '../core/errors';
import type { Benchmark, Problem } from '../benchmarks/types';
import type { TaskId } from '../core/ids';
import type { Executes } from '../execution/runtime';
import type { Generated, Generator as SampleGenerator } from '../generation/types';
import type { Prompt, Template } from '../prompts/templates';
import { feedbackText, fillFeedback, repairPrompt, type Turn } from '../prompts/feedback';
import { chainDone } from '../run/chain';
import { baseVerdict, score, type Score } from '../scoring';
import {
	inRunOrder,
	type RepairRound,
	type RunMeta,
	type RunStatus,
	type SampleRecord,
	type TestSetRecord,
} from '../run/spec';
import { GeneratedTests } from './generated-tests';
import type { RunStore } from '../run/store';
import { Tester } from './tester';
import { testAnswer } from './answer';

export type RunEvent =
	| { type: 'text'; taskId: string; index: number; delta: string }
	| { type: 'generated'; taskId: string; index: number }
	| { type: 'sample'; record: SampleRecord }
	/** Reranking: a problem's generated tests were written (or checked against its reference). */
	| { type: 'tests'; set: TestSetRecord }
	/** A self-repair round finished: `record` now holds it as `repairs[round - 1]`. */
	| { type: 'repair'; record: SampleRecord; round: number }
	| { type: 'status'; status: RunStatus; error?: string }
	| { type: 'storage-error'; message: string };

const key = (taskId: string, index: number) => `${taskId}\u0000${index}`;

export class PipelineRun {
	readonly records = new Map<string, SampleRecord>();
	#status: RunStatus;
	#listeners = new Set<(e: RunEvent) => void>();
	#gate: { promise: Promise<void>; open: () => void } | undefined;
	#cancelled = false;
	/** One model writes one answer at a time: samples and repair rounds take turns, first come first
	 * served, so a repair waits for the sample being written and then goes before the next one. */
	#writing: Promise<unknown> = Promise.resolve();
	readonly #tester: Tester;
	/** Reranking runs: the model's tests per problem. */
	readonly tests: GeneratedTests | undefined;

	constructor(
		readonly meta: RunMeta,
		private readonly deps: {
			bench: Benchmark;
			generator: SampleGenerator;
			executor: Executes;
			store: RunStore;
			template: Template;
		},
	) {
		this.#status = meta.status;
		this.#tester = new Tester(deps.bench, deps.executor, meta.spec.limits, meta.spec.calibration);
		const t = meta.spec.tests;
		this.tests = t
			? new GeneratedTests(t, {
					runId: meta.id,
					bench: deps.bench,
					executor: deps.executor,
					store: deps.store,
					limits: meta.spec.limits,
					// A model the run prompts with chat messages is asked for tests the same way.
					chat: deps.template.build(deps.bench, deps.bench.problems[0]!).mode === 'chat',
					generate: (problem, prompt, index) => this.#generate(problem, prompt, index, false),
					onError: (message) => this.#emit({ type: 'storage-error', message }),
					onSet: (set) => this.#emit({ type: 'tests', set }),
				})
			: undefined;
	}

	/** The problems this run is scored on (for verifying its verdicts again). */
	get bench(): Benchmark {
		return this.deps.bench;
	}

	get status() {
		return this.#status;
	}

	on(listener: (e: RunEvent) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#emit(e: RunEvent) {
		for (const l of this.#listeners) l(e);
	}

	async #setStatus(status: RunStatus, error?: string) {
		this.#status = status;
		this.meta.status = status;
		this.meta.error = error;
		this.#emit({ type: 'status', status, error });
		await this.deps.store
			.saveRun(this.meta)
			.catch((e: Error) => this.#emit({ type: 'storage-error', message: e.message }));
	}

	/** Live pass@k over the samples finished so far. */
	score(): Score {
		const { spec } = this.meta;
		return score(
			this.#ordered().map((r) => ({
				taskId: r.taskId as TaskId,
				status: r.result.status,
				kind: r.result.kind,
				missingPackages: r.result.missingPackages,
			})),
			spec.ks,
			// "attempted of total" counts the problems this run set out to do.
			spec.taskIds.length,
		);
	}

	/** Records in the run's order, not the order they finished in: the mean and its bootstrap interval
	 * then come out the same, to the bit, however the workers interleaved (and after a merge of shards). */
	#ordered(): SampleRecord[] {
		return inRunOrder(this.meta, this.records.values());
	}

	/** HumanEval+ / MBPP+: pass@k on the base inputs alone (score() is base and plus, EvalPlus's "+"). */
	baseScore(): Score | undefined {
		if (!this.deps.bench.problems.some((p) => p.evalplus)) return undefined;
		const { spec } = this.meta;
		return score(
			this.#ordered().map((r) => baseVerdict(r.taskId, r.result)),
			spec.ks,
			spec.taskIds.length,
		);
	}

	/** Every (problem, sample index) the run asks for, in order. */
	*#plan(): Generator<[Problem, number]> {
		const byId = new Map(this.deps.bench.problems.map((p) => [p.taskId as string, p]));
		for (const id of this.meta.spec.taskIds) {
			const p = byId.get(id);
			if (!p) throw new Error(`run asks for ${id}, which benchmark ${this.deps.bench.id} does not have`);
			for (let i = 0; i < this.meta.spec.n; i++) yield [p, i];
		}
	}

	/** Runs (or resumes) to the end. Resolves when every sample has its verdict or the run stopped. */
	/** Reads what the store already has for this run (finished samples). */
	async load(): Promise<void> {
		for (const r of await this.deps.store.samples(this.meta.id)) this.records.set(key(r.taskId, r.index), r);
		await this.tests?.load();
	}

	async run(): Promise<void> {
		await this.load();
		// What the live generator says of itself (engine version, threads, how chats are formatted):
		// only a running generator knows, so it is recorded here, once, with the run.
		this.meta.engine ??= this.deps.generator.describe.engine;
		await this.#setStatus('running');
		const executing: Promise<void>[] = [];
		try {
			// Text written before the page went away is run, not asked for again.
			const written = new Map(
				(await this.deps.store.generated(this.meta.id)).map((g) => [key(g.taskId, g.index), g]),
			);
			for (const [problem, index] of this.#plan()) {
				const done = this.records.get(key(problem.taskId, index));
				if (this.#gate) await this.#gate.promise;
				if (this.#cancelled) break;
				const prompt = this.deps.template.build(this.deps.bench, problem);
				if (done) {
					// A chain the page left half-repaired goes on from its last round.
					if (!chainDone(done, this.#rounds)) executing.push(this.#repair(problem, prompt, done));
					if (this.tests && !done.testRow) executing.push(this.#rowFor(problem, done));
					continue;
				}
				// Reranking: the problem's tests are written before its first sample.
				if (this.tests) await this.tests.setFor(problem);
				if (this.#cancelled) break;
				const kept = written.get(key(problem.taskId, index));
				const generated = kept
					? {
							text: kept.raw,
							tokens: kept.tokens,
							ms: kept.genMs,
							finishReason: kept.finishReason,
							full: kept.full,
						}
					: await this.#generate(problem, prompt, index);
				if (this.#cancelled && generated.finishReason === 'interrupted') break;
				if (!kept) await this.#keep(problem.taskId, index, generated);
				this.#emit({ type: 'generated', taskId: problem.taskId, index });
				executing.push(this.#execute(problem, prompt, index, generated));
			}
			await Promise.all(executing);
			await this.tests?.settle();
			await this.#setStatus(this.#cancelled ? 'cancelled' : 'done');
		} catch (e) {
			await Promise.allSettled(executing);
			const message =
				messageOf(e) + ('action' in (e as object) ? ` — ${(e as { action: string }).action}` : '');
			await this.#setStatus('failed', message);
			throw e;
		}
	}

	#keep(taskId: TaskId, index: number, g: Generated & { full?: boolean }): Promise<void> {
		return this.deps.store
			.putGenerated({
				runId: this.meta.id,
				taskId,
				index,
				raw: g.text,
				tokens: g.tokens,
				genMs: g.ms,
				finishReason: g.finishReason,
				...(g.full !== undefined && { full: g.full }),
			})
			.catch((e: Error) => this.#emit({ type: 'storage-error', message: e.message }));
	}

	/** `sample`: false for text that is not a sample's (generated tests), which the grid does not show. */
	#generate(
		problem: Problem,
		prompt: Prompt,
		index: number,
		sample = true,
	): Promise<Generated & { full?: boolean }> {
		const { spec } = this.meta;
		const turn = this.#writing.then(() =>
			// (a turn that comes after a cancel is not asked for)
			this.#cancelled
				? { text: '', tokens: 0, ms: 0, finishReason: 'interrupted' as const }
				: this.deps.generator.generate({
						prompt,
						sampling: spec.sampling,
						index,
						taskId: problem.taskId,
						onText: sample
							? (delta) => this.#emit({ type: 'text', taskId: problem.taskId, index, delta })
							: undefined,
					}),
		);
		this.#writing = turn.catch(() => {});
		return turn;
	}

	get #rounds(): number {
		return this.meta.spec.repair?.rounds ?? 0;
	}

	/** From the model's text to the verdict (answer.ts). */
	#test(problem: Problem, prompt: Prompt, g: Generated & { full?: boolean }) {
		const given = ['replay', 'reference'].includes(this.deps.generator.describe.kind);
		return testAnswer(this.deps.bench, this.#tester, problem, prompt, g, given);
	}

	async #execute(
		problem: Problem,
		prompt: Prompt,
		index: number,
		g: Generated & { full?: boolean },
	): Promise<void> {
		let record: SampleRecord = {
			runId: this.meta.id,
			taskId: problem.taskId,
			index,
			...(await this.#test(problem, prompt, g)),
		};
		if (this.tests) {
			const set = await this.tests.setFor(problem);
			record = { ...record, testRow: await this.tests.row(problem, record, set) };
		}
		await this.#put(record);
		this.#emit({ type: 'sample', record });
		if (!chainDone(record, this.#rounds)) await this.#repair(problem, prompt, record);
	}

	/** A stored sample that has no row over the generated tests yet (the page went away first). */
	async #rowFor(problem: Problem, record: SampleRecord): Promise<void> {
		const set = await this.tests!.setFor(problem);
		const testRow = await this.tests!.row(problem, record, set);
		this.#emit({ type: 'sample', record: await this.#update(record, { testRow }) });
	}

	/** Stores a change to a sample on top of its latest record: on resume, a repair round and the
	 * sample's test row are written by two tasks at once, and neither may drop the other's. */
	async #update(record: SampleRecord, change: Partial<SampleRecord>): Promise<SampleRecord> {
		const next = { ...(this.records.get(key(record.taskId, record.index)) ?? record), ...change };
		await this.#put(next);
		return next;
	}

	async #put(record: SampleRecord) {
		this.records.set(key(record.taskId, record.index), record);
		await this.deps.store
			.putSample(record)
			.catch((e: Error) => this.#emit({ type: 'storage-error', message: e.message }));
	}

	/** Self-repair: while the chain fails and rounds are left, the model gets its last answer's
	 * execution feedback and answers again; each round is stored the moment it has its verdict. */
	async #repair(problem: Problem, first: Prompt, record: SampleRecord): Promise<void> {
		const repair = this.meta.spec.repair;
		if (!repair) return;
		const { bench } = this.deps;
		const attempt = (r: { code: string; full: boolean }) => (r.full ? r.code : problem.prompt + r.code);
		const turns: Turn[] = (record.repairs ?? []).map((r, i) => {
			const before = i === 0 ? record : record.repairs![i - 1]!;
			return { raw: before.raw, attempt: attempt(before), message: r.message };
		});
		while (!chainDone(record, repair.rounds)) {
			if (this.#gate) await this.#gate.promise;
			if (this.#cancelled) return;
			const last = record.repairs?.at(-1) ?? record;
			const message = fillFeedback(
				repair.feedback,
				bench,
				feedbackText(last.result, last.program),
				attempt(last),
			);
			turns.push({ raw: last.raw, attempt: attempt(last), message });
			const g = await this.#generate(problem, repairPrompt(first, bench, turns), record.index);
			if (this.#cancelled && g.finishReason === 'interrupted') return;
			const round: RepairRound = { ...(await this.#test(problem, first, g)), message };
			record = await this.#update(record, { repairs: [...(record.repairs ?? []), round] });
			this.#emit({ type: 'repair', record, round: record.repairs!.length });
		}
	}

	/** Stops after the sample being written; its verdict still arrives. */
	pause(): void {
		if (this.#gate || this.#status !== 'running') return;
		let open!: () => void;
		this.#gate = { promise: new Promise((r) => (open = r)), open };
		void this.#setStatus('paused');
	}

	resume(): void {
		const gate = this.#gate;
		if (!gate) return;
		this.#gate = undefined;
		void this.#setStatus('running');
		gate.open();
	}

	/** Stops now: the sample being written is dropped; finished ones stay. */
	cancel(): void {
		this.#cancelled = true;
		this.deps.generator.interrupt();
		this.#gate?.open();
		this.#gate = undefined;
	}
}
