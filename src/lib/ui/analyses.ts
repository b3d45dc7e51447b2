// The analyses as the views take them from a run: every finished sample's failure class, the run's
// breakdown, and the diversity report — computed from the stored records, so a reloaded run or a
// shared one shows the same.
import type { Language } from '../core/ids';
import type { Benchmark } from '../benchmarks/types';
import type { SampleRecord } from '../run/spec';
import type { Cell } from '../pipeline/run-state.svelte';
import { analyse, type Analyses } from '../scoring/analyses';
import { classifyFailure } from '../scoring/analyses/failures';
import type { FailureClass } from '../scoring/analyses/taxonomy';

export const finished = (cells: readonly Cell[]): SampleRecord[] =>
	cells.flatMap((c) => (c.record ? [c.record] : []));

export const failureOf = (
	r: SampleRecord,
	language: Language,
	entryPoint?: string,
): FailureClass | undefined =>
	classifyFailure(r.result, {
		language,
		cut: r.finishReason === 'length',
		code: r.code,
		full: r.full,
		entryPoint,
	});

export function analysesOfRun(
	cells: readonly Cell[],
	bench: Pick<Benchmark, 'language' | 'problems'>,
	ks: readonly number[],
	which: ('failures' | 'diversity')[],
): Analyses {
	const entry = new Map(bench.problems.map((p) => [p.taskId as string, p.entryPoint]));
	const samples = finished(cells).map((r) => ({
		taskId: r.taskId as string,
		code: r.code,
		full: r.full,
		entryPoint: entry.get(r.taskId),
		result: r.result,
		cut: r.finishReason === 'length',
	}));
	return analyse(samples, bench.language, ks, which);
}
