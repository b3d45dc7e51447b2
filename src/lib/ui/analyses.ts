// The analyses as the views take them from a run: every finished sample's failure class, the run's
// breakdown, and the diversity report — computed from the stored records, so a reloaded run or a
// shared one shows the same.
import type { Language } from '../core/ids';
import type { Benchmark } from '../benchmarks/types';
import type { SampleRecord } from '../run/spec';
import type { Cell } from '../pipeline/run-state.svelte';
import { analyse, classifySample, type Analyses, type AnalysedSample } from '../scoring/analyses';
import type { FailureClass } from '../scoring/analyses/taxonomy';

export const finished = (cells: readonly Cell[]): SampleRecord[] =>
	cells.flatMap((c) => (c.record ? [c.record] : []));

/** A stored sample as the analyses take it. */
const analysed = (r: SampleRecord): AnalysedSample => ({
	taskId: r.taskId,
	code: r.code,
	full: r.full,
	result: r.result,
	cut: r.finishReason === 'length',
});

/** One sample's failure class (the drill-down), by the same rules as the run's breakdown. */
export const failureOf = (
	r: SampleRecord,
	language: Language,
	entryPoint?: string,
): FailureClass | undefined => classifySample(analysed(r), language, entryPoint);

export function analysesOfRun(
	cells: readonly Cell[],
	bench: Pick<Benchmark, 'language' | 'problems'>,
	ks: readonly number[],
	which: ('failures' | 'diversity')[],
): Analyses {
	return analyse(finished(cells).map(analysed), bench, ks, which);
}
