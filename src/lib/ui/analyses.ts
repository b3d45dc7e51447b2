// The analyses as the views take them from a run: every finished sample's failure class, the run's
// breakdown, and the diversity report — computed from the stored records, so a reloaded run or a
// shared one shows the same.
import type { Language } from '../core/ids';
import type { SampleRecord } from '../run/spec';
import type { Cell } from '../pipeline/run-state.svelte';
import { analyse, type Analyses } from '../scoring/analyses';
import { classifyFailure } from '../scoring/analyses/failures';
import type { FailureClass } from '../scoring/analyses/taxonomy';

export const finished = (cells: readonly Cell[]): SampleRecord[] =>
	cells.flatMap((c) => (c.record ? [c.record] : []));

export const failureOf = (r: SampleRecord, language: Language): FailureClass | undefined =>
	classifyFailure(r.result, { language, cut: r.finishReason === 'length' });

export function analysesOfRun(
	cells: readonly Cell[],
	language: Language,
	ks: readonly number[],
	which: ('failures' | 'diversity')[],
): Analyses {
	const samples = finished(cells).map((r) => ({
		taskId: r.taskId as string,
		code: r.code,
		result: r.result,
		cut: r.finishReason === 'length',
	}));
	return analyse(samples, language, ks, which);
}
