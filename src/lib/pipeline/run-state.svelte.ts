// A run as the views see it: reactive status, every sample's cell, the text being written, live
// pass@k and progress. Updates from the pipeline are batched to one per frame so a 1,000-sample run
// does not re-render the page for every token.
import type { Speed } from '../generation/types';
import type { Score } from '../scoring';
import type { RunMeta, RunStatus, SampleRecord, TestSetRecord } from '../run/spec';
import type { PipelineRun } from './run';

export interface Cell {
	taskId: string;
	index: number;
	state: 'waiting' | 'writing' | 'running' | SampleRecord['result']['status'];
	record?: SampleRecord;
}

/** Next frame — or within 100 ms where frames do not come (an iframe scrolled out of view). */
function frame(f: () => void) {
	let done = false;
	const once = () => {
		if (!done) f();
		done = true;
	};
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
	setTimeout(once, 100);
}

/** Samples past which a run is rescored at most every BIG_RUN_SCORE_MS. */
const BIG_RUN = 1000;
const BIG_RUN_SCORE_MS = 500;

export class RunState {
	status = $state<RunStatus>('running');
	error = $state<string | undefined>();
	/** taskId → its samples' cells, in the run's order. */
	cells = $state<Cell[]>([]);
	/** taskId → how many of its samples are in each state, kept up to date as cells change: a big
	 * run's grid draws a bar per problem from these instead of reading every cell each frame. */
	tally = $state<Record<string, Record<Cell['state'], number>>>({});
	score = $state.raw<Score | undefined>();
	/** HumanEval+ / MBPP+: the score on the base inputs alone, beside `score` (base and plus). */
	baseScore = $state.raw<Score | undefined>();
	/** The sample being written and its text so far. */
	writing = $state<{ taskId: string; index: number; text: string } | undefined>();
	done = $state(0);
	tokens = $state(0);
	genMs = $state(0);
	startedAt = Date.now();
	storageWarning = $state<string | undefined>();
	/** Reranking runs: each problem's generated tests, as they are written and checked. */
	tests = $state.raw<Readonly<Record<string, TestSetRecord>>>({});
	/** The engine's prompt and decode speeds on the latest sample that reported them. */
	speed = $state<Speed | undefined>();
	#pending = false;
	#scoredAt = 0;
	#text = '';
	/** taskId → its row; fixed for the run, so a plain record, not reactive state. */
	readonly #row: Record<string, number>;

	constructor(
		readonly run: PipelineRun,
		readonly meta: RunMeta,
	) {
		const { taskIds, n } = meta.spec;
		this.#row = Object.fromEntries(taskIds.map((t, i) => [t, i]));
		this.cells = taskIds.flatMap((taskId) =>
			Array.from({ length: n }, (_, index) => ({ taskId, index, state: 'waiting' as const })),
		);
		this.tally = Object.fromEntries(
			taskIds.map((t) => [
				t,
				{ waiting: n, writing: 0, running: 0, passed: 0, failed: 0, timeout: 0, error: 0 },
			]),
		);
		for (const r of run.records.values()) this.#finish(r);
		if (run.tests) this.tests = Object.fromEntries(run.tests.sets);
		this.status = run.status;
		run.on((e) => {
			if (e.type === 'text') {
				if (this.writing?.taskId !== e.taskId || this.writing.index !== e.index) {
					this.#text = '';
					// (a repair round, or a test being written, leaves a finished sample's verdict showing)
					if (!this.cells[this.#at(e.taskId, e.index)]?.record)
						this.#cell(e.taskId, e.index, { state: 'writing' });
				}
				this.#text += e.delta;
				this.writing = { taskId: e.taskId, index: e.index, text: this.#text };
			} else if (e.type === 'generated') this.#cell(e.taskId, e.index, { state: 'running' });
			else if (e.type === 'sample') this.#finish(e.record);
			else if (e.type === 'repair') this.#repaired(e.record, e.round);
			else if (e.type === 'tests') this.tests = { ...this.tests, [e.set.taskId]: { ...e.set } };
			else if (e.type === 'status') {
				this.status = e.status;
				this.error = e.error;
				// A run that stopped shows its final score at once, not after a big run's wait.
				if (e.status !== 'running') {
					this.score = run.score();
					this.baseScore = run.baseScore();
				}
			} else if (e.type === 'storage-error') this.storageWarning = e.message;
			this.#schedule();
		});
		this.score = run.score();
		this.baseScore = run.baseScore();
	}

	get total() {
		return this.cells.length;
	}

	/** Seconds left at the pace so far. */
	get etaSeconds(): number | undefined {
		if (!this.done || this.done >= this.total) return undefined;
		const perSample = (Date.now() - this.startedAt) / 1000 / this.done;
		return Math.round(perSample * (this.total - this.done));
	}

	get tokensPerSecond(): number | undefined {
		return this.genMs > 0 ? this.tokens / (this.genMs / 1000) : undefined;
	}

	/** A sample's cell, found without a search (the live view asks on every streamed token). */
	cellOf(taskId: string, index: number): Cell | undefined {
		const i = this.#at(taskId, index);
		return i >= 0 ? this.cells[i] : undefined;
	}

	/** Cells are laid out problem by problem, n each: a sample's cell is found without a search. */
	#at(taskId: string, index: number): number {
		return (this.#row[taskId] ?? -1) * this.meta.spec.n + index;
	}

	#cell(taskId: string, index: number, patch: Partial<Cell>) {
		const i = this.#at(taskId, index);
		const old = i >= 0 ? this.cells[i] : undefined;
		if (!old) return;
		this.cells[i] = { ...old, ...patch };
		if (patch.state && patch.state !== old.state) {
			const t = this.tally[taskId]!;
			t[old.state]--;
			t[patch.state]++;
		}
	}

	#finish(r: SampleRecord) {
		// A sample seen again (its test row arrived after a reload) is not counted twice.
		const first = !this.cells[this.#at(r.taskId, r.index)]?.record;
		this.#cell(r.taskId, r.index, { state: r.result.status, record: r });
		if (!first) return;
		this.done++;
		for (const x of [r, ...(r.repairs ?? [])]) {
			this.tokens += x.tokens;
			this.genMs += x.genMs;
		}
		if (r.speed) this.speed = r.speed;
	}

	/** A repair round finished: the cell keeps the sample's own verdict (pass@k is one-shot); its
	 * record carries the chain, which the grid marks. */
	#repaired(r: SampleRecord, round: number) {
		const last = r.repairs![round - 1]!;
		this.#cell(r.taskId, r.index, { record: r });
		this.tokens += last.tokens;
		this.genMs += last.genMs;
	}

	/** Scoring is recomputed once a frame at most — and in a big run, where it reads thousands of
	 * records, twice a second at most (it was a tenth of the page's time at 5,000 samples). */
	#schedule() {
		if (this.#pending) return;
		this.#pending = true;
		const wait = this.total > BIG_RUN ? this.#scoredAt + BIG_RUN_SCORE_MS - performance.now() : 0;
		const score = () =>
			frame(() => {
				this.#pending = false;
				this.#scoredAt = performance.now();
				this.score = this.run.score();
				this.baseScore = this.run.baseScore();
			});
		if (wait > 0) setTimeout(score, wait);
		else score();
	}
}
