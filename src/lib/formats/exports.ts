// A finished (or stopped) run in every results format, built from the run's own benchmark — bundled,
// written in Teach, carried by an embed or a shared link — so no export depends on where the
// problems came from. The app's Results view and `benchtop score` / `run` write through here.
import type { Benchmark } from '../benchmarks/types';
import { inRunOrder, type RunMeta, type SampleRecord } from '../run/spec';
import type { Score } from '../scoring';
import { toEvalplus } from './evalplus';
import { toHumanEval, toMultiplE, type Outcome, type ResultsFormat } from './results';
import { safeFileName } from './file-name';
import { generatedRunConfig, outcomeOf, toBenchtop, type RunConfig } from './run-record';

/** What a results file is made from. */
export interface ResultsInput {
	outcomes: readonly Outcome[];
	bench: Benchmark;
	score: Score;
	config: RunConfig;
	date: Date;
}

/** A format's text, or (MultiPL-E) one file per problem by name. */
export function resultsOutput(format: ResultsFormat, r: ResultsInput): string | Map<string, string> {
	switch (format) {
		case 'human-eval':
			return toHumanEval(r.outcomes);
		case 'evalplus':
			return toEvalplus(r.outcomes, r.bench.problems, r.bench.upstreamHash ?? r.bench.hash, r.date);
		case 'multipl-e':
			return toMultiplE(r.outcomes, r.bench.problems, r.bench.language, r.bench.dialect);
		case 'benchtop':
			return toBenchtop(r.outcomes, r.score, r.config, r.date);
	}
}

const SUFFIX: Record<ResultsFormat, string> = {
	'human-eval': 'jsonl',
	evalplus: 'eval_results.json',
	'multipl-e': 'multipl-e.zip',
	benchtop: 'benchtop.json',
};

/** A run as a download in one format: MultiPL-E's per-problem files come zipped. */
export async function exportRun(
	format: ResultsFormat,
	run: { meta: RunMeta; bench: Benchmark; records: Iterable<SampleRecord>; score: Score },
	env: { workers: number; browser: string; date?: Date },
): Promise<{ name: string; data: string | Uint8Array<ArrayBuffer>; type: string }> {
	const outcomes = inRunOrder(run.meta, run.records).map((r) => outcomeOf(r, run.meta.name));
	const config = generatedRunConfig(run.bench, run.meta.spec, { ...env, engine: run.meta.engine });
	const date = env.date ?? new Date();
	const out = resultsOutput(format, { outcomes, bench: run.bench, score: run.score, config, date });
	const name = `${safeFileName(run.meta.name)}.${SUFFIX[format]}`;
	if (typeof out === 'string') return { name, data: out, type: 'application/json' };
	const { zipSync, strToU8 } = await import('fflate');
	const files = Object.fromEntries([...out].map(([file, text]) => [safeFileName(file), strToU8(text)]));
	return { name, data: zipSync(files) as Uint8Array<ArrayBuffer>, type: 'application/zip' };
}
