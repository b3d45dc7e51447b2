// Reranking's stage in a run: before a problem's first sample, the model answers the test prompt
// `perProblem` times; the tests are extracted, stored, and checked against the reference solution
// where there is one (in the background). After each sample's verdict, the sample runs against them.
import type { Benchmark, Problem } from '../benchmarks/types';
import type { Executes, Limits } from '../execution/runtime';
import { extractTests, testSet } from '../extraction/tests';
import type { Generated } from '../generation/types';
import { testPrompt } from '../prompts/test-gen';
import type { Prompt } from '../prompts/templates';
import type { RunSpec, SampleRecord, TestSetRecord } from '../run/spec';
import type { RunStore } from '../run/store';
import { dualRow, entryOf } from './dual';

export class GeneratedTests {
	readonly sets = new Map<string, TestSetRecord>();
	readonly #pending = new Map<string, Promise<TestSetRecord>>();
	/** Reference checks started, by problem (each set is checked once). */
	readonly #checks = new Map<string, Promise<void>>();

	constructor(
		private readonly spec: NonNullable<RunSpec['tests']>,
		private readonly d: {
			runId: string;
			bench: Benchmark;
			executor: Executes;
			store: RunStore;
			limits: Limits;
			chat: boolean;
			/** The run's generator, taking its turn with samples and repairs. */
			generate: (problem: Problem, prompt: Prompt, index: number) => Promise<Generated>;
			onError: (message: string) => void;
			onSet: (set: TestSetRecord) => void;
		},
	) {}

	async load(): Promise<void> {
		for (const s of await this.d.store.tests(this.d.runId)) this.sets.set(s.taskId, s);
	}

	/** The problem's tests: stored ones, or written now (once, however many samples ask). */
	setFor(problem: Problem): Promise<TestSetRecord> {
		const have = this.sets.get(problem.taskId);
		if (have) {
			// (a set stored before its reference check finished is checked now)
			if (!have.reference) this.#check(problem, have);
			return Promise.resolve(have);
		}
		let p = this.#pending.get(problem.taskId);
		if (!p) {
			p = this.#write(problem);
			this.#pending.set(problem.taskId, p);
		}
		return p;
	}

	async #write(problem: Problem): Promise<TestSetRecord> {
		const { bench } = this.d;
		const entry = entryOf(bench, problem);
		const { prompt, lead } = testPrompt(bench, problem, entry, this.d.chat);
		const answers: TestSetRecord['answers'] = [];
		for (let i = 0; i < this.spec.perProblem; i++) {
			const g = await this.d.generate(problem, prompt, i);
			if (g.finishReason === 'interrupted') break;
			answers.push({
				raw: g.text,
				tokens: g.tokens,
				genMs: g.ms,
				finishReason: g.finishReason,
				tests: extractTests(bench.language, g.text, entry, lead),
			});
		}
		const set: TestSetRecord = {
			runId: this.d.runId,
			taskId: problem.taskId,
			index: 0,
			answers,
			tests: testSet(answers.map((a) => a.tests)),
		};
		// An interrupted set is not kept: a resumed run writes it again.
		if (answers.length === this.spec.perProblem) {
			this.sets.set(problem.taskId, set);
			await this.#save(set);
			this.#check(problem, set);
		}
		this.d.onSet(set);
		return set;
	}

	/** Resolves when every reference check started so far has finished (the run is not done before). */
	async settle(): Promise<void> {
		await Promise.allSettled(this.#checks.values());
	}

	/** Starts the reference check of a problem's set, once, where the problem has a reference. */
	#check(problem: Problem, set: TestSetRecord) {
		if (problem.reference === undefined || this.#checks.has(problem.taskId)) return;
		this.#checks.set(problem.taskId, this.#checkReference(problem, set));
	}

	/** Which tests the reference solution passes: the right ones. */
	async #checkReference(problem: Problem, set: TestSetRecord) {
		set.reference = await this.row(problem, { code: problem.reference!, full: false }, set);
		await this.#save(set);
		this.d.onSet(set);
	}

	#save(set: TestSetRecord) {
		return this.d.store.putTests(set).catch((e: Error) => this.d.onError(e.message));
	}

	row(problem: Problem, sample: Pick<SampleRecord, 'code' | 'full'>, set: TestSetRecord): Promise<boolean[]> {
		const texts = set.tests.map((t) => t.text);
		const { bench, limits } = this.d;
		return dualRow(
			this.d.executor,
			{ bench, problem, sample, limits, perTestMs: this.spec.perTestMs },
			texts,
		);
	}
}
