// A History row: what a person scans a list of runs for — the model, the benchmark, samples per
// problem, pass@1 with its interval, when and how it ended — from the run's record and its samples.
import { modelName } from '../formats/run-record';
import type { RunMeta, SampleRecord } from '../run/spec';
import { score } from '../scoring';

export interface HistoryRow {
	meta: RunMeta;
	model: string;
	benchmark: string;
	n: number;
	samples: number;
	passAt1?: { value: number; ci: [number, number] };
}

export function historyRow(meta: RunMeta, samples: readonly SampleRecord[]): HistoryRow {
	const s = samples.length
		? score(
				samples.map((r) => ({ taskId: r.taskId, status: r.result.status })),
				[1],
			)
		: undefined;
	const value = s?.passAtK['pass@1'];
	return {
		meta,
		model: modelName(meta.spec.generator, meta.spec.benchmark.id),
		benchmark: meta.inline?.name ?? meta.spec.benchmark.id,
		n: meta.spec.n,
		samples: samples.length,
		...(value !== undefined && { passAt1: { value, ci: s!.ci['pass@1']! } }),
	};
}

/** Rows whose run name, model or benchmark contain every word of the filter (any case). */
export function filterRows(rows: readonly HistoryRow[], filter: string): HistoryRow[] {
	const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
	return rows.filter((r) => {
		const text = `${r.meta.name} ${r.model} ${r.benchmark} ${r.meta.status}`.toLowerCase();
		return words.every((w) => text.includes(w));
	});
}
