// benchtop run --robustness: ReCode on HumanEval. The same model and settings generate for the
// nominal prompts and for every chosen perturbation (one run per set, in one page, one executor),
// and the verdicts become ReCode's Robust Pass/Drop/Relative_s@k per transformation and family.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark, BenchmarkInfo } from '../src/lib/benchmarks/types';
import type { TaskId } from '../src/lib/core/ids';
import { outcomeOf } from '../src/lib/formats/run-record';
import { toHumanEval } from '../src/lib/formats/results';
import { inRunOrder, type RunSpec, type SampleRecord } from '../src/lib/run/spec';
import {
	reportedK,
	robustness,
	rowsInOrder,
	setVerdicts,
	type RobustRow,
	type Robustness,
} from '../src/lib/scoring/robustness';
import {
	nominalOfFamily,
	RECODE_FAMILIES,
	recodeRunOrder,
	recodeSelection,
} from '../src/lib/benchmarks/recode';
import { exposeProgress, ROOT, withDriver } from './browser';
import { progressBar } from './progress';
import { disposeExecutor, runInPage } from './run-page';
import { loadBenchmarkArg } from './score';

export interface RobustnessRun {
	arg: string;
	bench: Benchmark;
	taskIds: TaskId[];
	plan: (b: Benchmark, taskIds: TaskId[]) => RunSpec;
	inPage: (spec: RunSpec, url: string) => RunSpec;
	driver: Parameters<typeof withDriver>[1];
	pageOptions: Parameters<typeof runInPage>[2];
	ks: number[];
	out?: string;
	summary?: string;
	endpoint?: string;
}

export async function robustnessCommand(r: RobustnessRun): Promise<number> {
	if (!['humaneval', 'recode/nominal'].includes(r.bench.id))
		throw new Error(
			`--robustness: ReCode's perturbations are of HumanEval (--benchmark humaneval), not ${r.bench.id}`,
		);
	const index = JSON.parse(readFileSync(`${ROOT}public/benchmarks/index.json`, 'utf8')) as BenchmarkInfo[];
	const { chosen, unknown } = recodeSelection(
		r.arg
			.split(',')
			.map((w) => w.trim())
			.filter(Boolean),
		index,
	);
	if (unknown.length)
		throw new Error(
			`--robustness: "${unknown[0]}" is neither a ReCode family (${RECODE_FAMILIES.join(', ')}, all) nor a transformation (${index
				.filter((b) => b.recode && b.recode.family !== 'nominal')
				.map((b) => b.recode!.transformation)
				.join(', ')})`,
		);
	const sets = await Promise.all(recodeRunOrder(chosen, index).map((b) => loadBenchmarkArg(b.id)));
	const n = r.plan(r.bench, r.taskIds).n;
	const bar = progressBar(sets.length * r.taskIds.length * n, `ReCode: ${sets.length} sets`);
	const results = await withDriver(async (page, url) => {
		await exposeProgress(page, (_i, status) => bar.tick(status));
		const out: { set: Benchmark; spec: RunSpec; records: SampleRecord[] }[] = [];
		for (const set of sets) {
			const spec = r.plan(set, r.taskIds);
			const done = await runInPage(page, r.inPage(structuredClone(spec), url), r.pageOptions);
			if (done.gpu) throw new Error(done.gpu.message);
			if (done.status === 'failed')
				throw new Error(`the ${set.id} run failed after ${done.records.length} samples: ${done.error}`);
			out.push({ set, spec, records: inRunOrder({ spec }, done.records) });
		}
		await disposeExecutor(page);
		return out;
	}, r.driver);
	bar.end();
	const byId = new Map(results.map((x) => [x.set.id, x]));
	const report = robustness(
		(family) => setVerdicts(byId.get(nominalOfFamily(family, chosen)!)!.records),
		chosen.map((b) => ({
			transformation: b.recode!.transformation,
			family: b.recode!.family,
			verdicts: setVerdicts(byId.get(b.id)!.records),
			faults: b.recode!.faults,
		})),
		r.ks,
	);
	if (r.out) {
		mkdirSync(r.out, { recursive: true });
		for (const x of results)
			writeFileSync(
				join(r.out, `${x.set.recode!.transformation}.jsonl`),
				toHumanEval(x.records.map((rec) => outcomeOf(rec, x.set.id))),
			);
	}
	if (r.summary)
		writeFileSync(
			r.summary,
			JSON.stringify(
				{
					robustness: report,
					sets: results.map((x) => ({ id: x.set.id, hash: x.set.hash, samples: x.records.length })),
					generator: r.endpoint
						? { ...results[0]!.spec.generator, baseUrl: r.endpoint }
						: results[0]!.spec.generator,
					sampling: results[0]!.spec.sampling,
					problems: r.taskIds.length,
				},
				null,
				2,
			) + '\n',
		);
	console.log(robustnessTable(report, r.ks));
	return 0;
}

const pct = (x: number) => (Number.isNaN(x) ? '—' : `${(100 * x).toFixed(1)}%`);

/** The report as the terminal shows it: a row per family, then per transformation. */
export function robustnessTable(report: Robustness, ks: readonly number[]): string {
	const k = reportedK(report, ks);
	const line = (row: RobustRow, indent: string) => {
		const rp = row.robustPass[k]!;
		const ci = `[${pct(rp.ci[0])}, ${pct(rp.ci[1])}]`;
		return `${indent}${row.name.padEnd(34 - indent.length)} ${pct(row.nominal[k]!).padStart(7)} ${pct(rp.value).padStart(7)} ${ci.padEnd(17)} ${pct(row.robustDrop[k]!.value).padStart(7)} ${pct(row.robustRelative[k]!.value).padStart(7)}`;
	};
	return [
		`ReCode robustness (${report.form}, n = ${report.n}, ${k}; the worst case over each row's perturbed sets)`,
		`${'set'.padEnd(34)} ${'nominal'.padStart(7)} ${'RP'.padStart(7)} ${'95% CI'.padEnd(17)} ${'RD'.padStart(7)} ${'RR'.padStart(7)}`,
		...rowsInOrder(report).map(({ row, family }) => line(row, family ? '' : '  ')),
		`RP: Robust Pass_s@k · RD: Robust Drop_s@k · RR: Robust Relative_s@k (ReCode, Wang et al. 2022) · ${report.method}`,
		...report.perTransformation
			.filter((t) => t.faults.length)
			.map(
				(t) =>
					`data fault: ${t.faults.length} of ${t.name}'s prompts run here are damaged in ReCode's released data (a docstring's closing """ became " " "); ${t.flips.filter((f) => f.fault).length} of its ${t.flips.length} flips are among them. Shipped as released, so scores match ReCode's.`,
			),
	].join('\n');
}
