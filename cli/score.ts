// benchtop score: runs a samples file against a benchmark in headless Chromium and writes the
// results in the reference tools' formats. Everything is checked before anything runs.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchmarkFromFile } from '../src/lib/benchmarks/from-file';
import { loadBenchmark, type Fetch } from '../src/lib/benchmarks/registry';
import type { Benchmark, BenchmarkInfo } from '../src/lib/benchmarks/types';
import { decodeText } from '../src/lib/core/text';
import { DEFAULT_LIMITS, type Limits } from '../src/lib/execution/runtime';
import type { Sample } from '../src/lib/core/sample';
import type { Status } from '../src/lib/core/result';
import { EVALPLUS_CALIBRATION } from '../src/lib/run/spec';
import { referenceSamples, sampleJob } from '../src/lib/pipeline/jobs';
import { baseVerdict, needsText, score, DEFAULT_KS, type Score } from '../src/lib/scoring';
import { RESULTS_FORMATS, type Outcome, type ResultsFormat } from '../src/lib/formats/results';
import { resultsOutput } from '../src/lib/formats/exports';
import { safeFileName } from '../src/lib/formats/file-name';
import {
	RUNTIME_VERSIONS,
	runtimeLabel,
	BENCHTOP_VERSION,
	benchmarkRecord,
	type RunConfig,
} from '../src/lib/formats/run-record';
import {
	detectSamplesFormat,
	parseSamples,
	SAMPLES_FORMATS,
	type InputFile,
	type SamplesFormat,
} from '../src/lib/formats/samples';
import { ROOT, runInBrowser, setPackageIndex, testInBrowser } from './browser';
import { calibrate } from './calibrate';
import { progressBar } from './progress';
import { parseShard, shardProblems } from '../src/lib/run/shard';
import { inputHash, refuseShardWithout, shardLine, writeShard } from './shard';
import { timeEfficiency } from './efficiency';
import { judgeDiversity, type Judge } from './judge';
import { behaviourDiversity } from './behaviour';
import {
	analyse,
	analysesTable,
	parseAnalyses,
	type Analyses,
	type AnalysisName,
} from '../src/lib/scoring/analyses';

export const SCORE_USAGE = `  score --benchmark <id or path> (--samples <path> | --reference) [--out <path>]
        [--format ${SAMPLES_FORMATS.join('|')}] [--out-format ${RESULTS_FORMATS.join('|')}]
        [--summary <path>] [--k 1,10,100] [--timeout-ms N] [--calibrated] [--workers N]
        [--shard K/N] [--analyses failures,diversity,efficiency]
        [--judge <OpenAI-compatible URL> --judge-model <name>] [--packages <index URL>|off]
      Runs the samples (a file, a .gz, or a directory of MultiPL-E files) and prints pass@k with
      95% confidence intervals. --reference scores the benchmark's own reference solutions.
      --workers defaults to every core. --shard K/N runs every N-th problem from the K-th and
      writes a shard file to --out; benchtop merge combines the N of them. --analyses adds why
      samples failed (the taxonomy of Dou et al.), how many distinct correct solutions there
      are, and how fast the correct ones are against the reference (timed again, one worker),
      printed and in the summary. --judge: diversity asks that model whether two solution
      shapes are one algorithm and merges those it says are (key from OPENAI_API_KEY).
      --packages: where Python samples' packages (numpy, …) come from — a folder with a
      pyodide-lock.json and its wheels (default: Pyodide's CDN; kept in the profile once fetched,
      so they work offline afterwards), or off. Samples that failed on one that could not be
      loaded are counted apart ("needs numpy").
      Bundled benchmarks: ${listBundled().join(', ')}`;

function listBundled(): string[] {
	try {
		return (JSON.parse(readFileSync(`${ROOT}public/benchmarks/index.json`, 'utf8')) as BenchmarkInfo[]).map(
			(b) => b.id,
		);
	} catch {
		return [];
	}
}

const BUNDLED = pathToFileURL(`${ROOT}public/benchmarks/`).href;

/** The app's registry loader (hash checks included), reading the bundled files from disk. */
const readFromDisk: Fetch = async (url) => {
	try {
		const text = readFileSync(fileURLToPath(url), 'utf8');
		return { ok: true, status: 200, json: async () => JSON.parse(text) };
	} catch {
		return { ok: false, status: 404, json: async () => null };
	}
};

async function readInput(path: string): Promise<InputFile> {
	return { name: path, text: await decodeText(readFileSync(path)) };
}

export async function loadBenchmarkArg(arg: string): Promise<Benchmark> {
	// A bundled id (ReCode's sets are "recode/<name>"); a file path otherwise.
	if (listBundled().includes(arg) && !existsSync(arg)) return loadBenchmark(arg, BUNDLED, readFromDisk);
	let file: InputFile;
	try {
		file = await readInput(arg);
	} catch {
		throw new Error(`no bundled benchmark or file "${arg}" (bundled: ${listBundled().join(', ')})`);
	}
	return benchmarkFromFile(file.text, arg);
}

async function readSamplesArg(path: string): Promise<InputFile[]> {
	if (!statSync(path, { throwIfNoEntry: false })) throw new Error(`samples file "${path}" not found`);
	if (statSync(path).isDirectory()) {
		const names = readdirSync(path)
			.filter((n) => /\.json(\.gz)?$/.test(n) && !n.includes('.results.'))
			.sort();
		if (!names.length) throw new Error(`no .json samples files in directory "${path}"`);
		return Promise.all(names.map((n) => readInput(join(path, n))));
	}
	return [await readInput(path)];
}

const DEFAULT_OUT_FORMAT: Record<SamplesFormat, ResultsFormat> = {
	'human-eval': 'human-eval',
	evalplus: 'evalplus',
	'multipl-e': 'multipl-e',
	bigcode: 'benchtop',
};

export function positiveInt(name: string, v: string | undefined): number | undefined {
	if (v === undefined) return undefined;
	const n = Number(v);
	if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer (got "${v}")`);
	return n;
}

/** Options `score` and `run` share. */
export const SHARED_OPTIONS = {
	benchmark: { type: 'string' },
	reference: { type: 'boolean' },
	out: { type: 'string' },
	'out-format': { type: 'string' },
	summary: { type: 'string' },
	k: { type: 'string' },
	'timeout-ms': { type: 'string' },
	calibrated: { type: 'boolean' },
	workers: { type: 'string' },
	shard: { type: 'string' },
	analyses: { type: 'string' },
	judge: { type: 'string' },
	'judge-model': { type: 'string' },
	packages: { type: 'string' },
} as const;

export async function scoreCommand(argv: string[]): Promise<number> {
	const { values: o } = parseArgs({
		args: argv,
		options: { ...SHARED_OPTIONS, samples: { type: 'string' }, format: { type: 'string' } },
	});
	if (!o.benchmark) throw new Error('--benchmark is required');
	if (!o.samples === !o.reference) throw new Error('give either --samples <path> or --reference');
	if (o.format && !SAMPLES_FORMATS.includes(o.format as SamplesFormat))
		throw new Error(`--format must be one of ${SAMPLES_FORMATS.join(', ')}`);
	if (o['out-format'] && !RESULTS_FORMATS.includes(o['out-format'] as ResultsFormat))
		throw new Error(`--out-format must be one of ${RESULTS_FORMATS.join(', ')}`);
	const ks = (o.k ?? DEFAULT_KS.join(',')).split(',').map((k) => positiveInt('k', k.trim())!);
	const timeMs = positiveInt('timeout-ms', o['timeout-ms']) ?? DEFAULT_LIMITS.timeMs;
	const workers = positiveInt('workers', o.workers);
	const shard = o.shard ? parseShard(o.shard) : undefined;
	if (shard) refuseShardWithout(o);
	const which = o.analyses === undefined ? [] : parseAnalyses(o.analyses);
	const judge = judgeOf(o); // checked before anything runs
	setPackageIndex(o.packages);

	const bench = await loadBenchmarkArg(o.benchmark);
	const files = o.samples ? await readSamplesArg(o.samples) : [];
	const format: SamplesFormat = o.reference
		? 'human-eval'
		: ((o.format as SamplesFormat) ?? detectSamplesFormat(files[0]!));
	const samples = o.reference ? referenceSamples(bench) : parseSamples(files, bench.problems, format);
	if (!samples.length) throw new Error(`benchmark "${bench.id}" has no reference solutions`);
	const outFormat = (o['out-format'] as ResultsFormat) ?? DEFAULT_OUT_FORMAT[format];
	const defaultOut =
		outFormat === 'human-eval' && o.samples && !statSync(o.samples).isDirectory()
			? `${o.samples}_results.jsonl`
			: undefined;
	const out = shard ? undefined : (o.out ?? defaultOut);

	const limits = { ...DEFAULT_LIMITS, timeMs };
	// A shard runs its problems' samples; `at` keeps each one's place in the whole run.
	const mine = shard && new Set(shardProblems(bench.problems, shard).map((p) => p.taskId as string));
	const picked = samples
		.map((sample, at) => ({ sample, at }))
		.filter((x) => !mine || mine.has(x.sample.taskId));
	const tested = picked.length
		? await testSamples(
				bench,
				picked.map((x) => x.sample),
				limits,
				workers,
				!!o.calibrated,
			)
		: { outcomes: [], run: { workers: 0, userAgent: undefined } };
	const { outcomes, run } = tested;
	const { result, base } = scoreOutcomes(bench, outcomes, ks, 'score', bench.problems.length);
	const config: RunConfig = {
		benchmark: benchmarkRecord(bench),
		samples: {
			files: o.reference ? ['(reference solutions)'] : files.map((f) => f.name),
			format: o.reference ? 'reference' : format,
		},
		limits,
		...(o.calibrated && { calibration: EVALPLUS_CALIBRATION }),
		workers: run.workers,
		ks,
		browser: run.userAgent,
		runtimes: RUNTIME_VERSIONS,
		benchtop: BENCHTOP_VERSION,
	};
	if (shard) {
		writeShard(o.out!, {
			shard,
			command: 'score',
			benchmark: o.benchmark,
			input: inputHash(o.reference ? [`reference solutions of ${bench.hash}`] : files.map((f) => f.text)),
			total: samples.length,
			problems: bench.problems.length,
			out: { format: outFormat, ...(defaultOut && { path: defaultOut }) },
			config,
			outcomes: outcomes.map((x, i) => ({ ...x, at: picked[i]!.at })),
		});
		console.log(table(bench, result, outcomes.length, config, undefined, base));
		console.log(shardLine(shard, mine!.size, outcomes.length, o.out!));
		return 0;
	}
	const date = runDate();
	const analyses = await analysesOf(which, bench, outcomes, ks, limits, undefined, judge);
	if (out) writeResults(out, outFormat, outcomes, bench, result, config, date);
	if (o.summary)
		writeFileSync(o.summary, JSON.stringify(summary(result, config, base, analyses), null, 2) + '\n');
	console.log(table(bench, result, samples.length, config, out && `${out} (${outFormat})`, base));
	if (analyses) console.log(analysesTable(analyses));
	return 0;
}

const verdictOf = (x: Outcome) => ({
	taskId: x.sample.taskId,
	status: x.result.status,
	kind: x.result.kind,
	missingPackages: x.result.missingPackages,
});

/** pass@k of outcomes in run order, and for `score` on HumanEval+ / MBPP+ the base inputs' alone —
 * as the commands print them and as `benchtop merge` computes them again from the shards. */
export function scoreOutcomes(
	bench: Benchmark,
	outcomes: readonly Outcome[],
	ks: number[],
	command: 'score' | 'run',
	problems: number,
): { result: Score; base?: Score } {
	const result = score(outcomes.map(verdictOf), ks, problems);
	const base =
		command === 'score' && bench.problems.some((p) => p.evalplus)
			? score(
					outcomes.map((x) => baseVerdict(x.sample.taskId, x.result)),
					ks,
					problems,
				)
			: undefined;
	return { result, base };
}

/** When results were written: SOURCE_DATE_EPOCH (seconds) where set, the reproducible-builds
 * convention, so a rerun or a merge of shards can be compared byte for byte; otherwise now. */
export function runDate(): Date {
	const epoch = process.env.SOURCE_DATE_EPOCH;
	if (epoch === undefined) return new Date();
	if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds (got "${epoch}")`);
	return new Date(Number(epoch) * 1000);
}

/** Every sample to its verdict in headless Chromium: composed jobs, or (HumanEval+, MBPP+) EvalPlus's
 * input-by-input runs, which need the page to compute the reference's outputs first. */
async function testSamples(
	bench: Benchmark,
	samples: Sample[],
	limits: Limits,
	workers: number | undefined,
	calibrated: boolean,
) {
	const bar = progressBar(samples.length, `${bench.id}`);
	const onResult = (_i: number, status: Status) => bar.tick(status);
	if (bench.problems.some((p) => p.evalplus)) {
		const { tested, ...run } = await testInBrowser(bench, samples, { limits, workers, onResult });
		bar.end();
		return { outcomes: samples.map((sample, i) => ({ sample, ...tested[i]! })), run };
	}
	const byId = new Map(bench.problems.map((p) => [p.taskId, p]));
	const limitsOf = calibrated ? await calibrate(bench, samples, limits, workers) : () => limits;
	const jobs = samples.map((s) => sampleJob(bench, byId.get(s.taskId)!, s, limitsOf(s.taskId)));
	const run = await runInBrowser(jobs, { workers, onResult });
	bar.end();
	const outcomes: Outcome[] = samples.map((sample, i) => ({
		sample,
		program: jobs[i]!.program,
		result: run.results[i]!,
	}));
	return { outcomes, run };
}

export function writeResults(
	out: string,
	fmt: ResultsFormat,
	outcomes: Outcome[],
	bench: Benchmark,
	s: Score,
	config: RunConfig,
	date: Date,
) {
	const output = resultsOutput(fmt, { outcomes, bench, score: s, config, date });
	if (typeof output === 'string') return writeFileSync(out, output);
	mkdirSync(out, { recursive: true });
	for (const [name, text] of output) writeFileSync(join(out, safeFileName(name)), text);
}

/** `--judge <url> --judge-model <name>`: the model diversity asks (the key from OPENAI_API_KEY). */
export function judgeOf(o: { judge?: string; 'judge-model'?: string; analyses?: string }): Judge | undefined {
	if (!o.judge) return undefined;
	if (!o['judge-model']) throw new Error('--judge needs --judge-model <name>');
	if (!o.analyses?.split(',').includes('diversity')) throw new Error('--judge is for --analyses diversity');
	return { baseUrl: o.judge, model: o['judge-model'], apiKey: process.env.OPENAI_API_KEY };
}

/** The analyses asked for, over outcomes in run order; `cut`: which samples' generation hit its
 * token limit, where known (benchtop run). */
export async function analysesOf(
	which: readonly AnalysisName[],
	bench: Benchmark,
	outcomes: readonly Outcome[],
	ks: readonly number[],
	limits: Limits,
	cut?: (i: number) => boolean,
	judge?: Judge,
): Promise<Analyses | undefined> {
	if (!which.length) return undefined;
	const samples = outcomes.map((x, i) => ({
		taskId: x.sample.taskId as string,
		code: x.sample.code,
		full: x.sample.full,
		result: x.result,
		cut: cut?.(i),
	}));
	const out = analyse(samples, bench, ks, which);
	if (out.diversity && judge) out.diversity = await judgeDiversity(out.diversity, bench, outcomes, ks, judge);
	if (out.diversity)
		out.diversity = await behaviourDiversity(out.diversity, bench, outcomes, ks, limits, loadBenchmarkArg);
	if (which.includes('efficiency')) out.efficiency = await timeEfficiency(bench, outcomes, limits);
	return out;
}

export function summary(s: Score, config: RunConfig, base?: Score, analyses?: Analyses) {
	return {
		pass_at_k: s.passAtK,
		...(base && { base: { pass_at_k: base.passAtK, ci: base.ci } }),
		ci: s.ci,
		ci_method: s.ciMethod,
		counts: s.counts,
		problems: { attempted: s.attempted, total: s.total, short_of: s.shortOf },
		...(analyses && { analyses }),
		config,
	};
}

export function table(
	bench: Benchmark,
	s: Score,
	n: number,
	config: RunConfig,
	out?: string,
	base?: Score,
): string {
	const f = (x: number) => x.toFixed(4);
	// EvalPlus benchmarks: the base tests' score, then the sample's own (base and plus), as evalplus prints them.
	const baseRows = base
		? config.ks.flatMap((k) => {
				const key = `pass@${k}`;
				const v = base.passAtK[key];
				return v === undefined
					? []
					: [
							`${`base ${key}`.padEnd(11)} ${f(v)}  95% CI [${f(base.ci[key]![0])}, ${f(base.ci[key]![1])}]  (base inputs only)`,
						];
			})
		: [];
	const rows = [
		`benchmark   ${bench.id} · ${bench.count} problems · ${bench.language} · sha256 ${bench.hash.slice(0, 12)}`,
		`samples     ${n} (${config.samples.format}) · ${s.attempted} of ${s.total} problems attempted · ${config.workers} worker(s)`,
		`runtime     ${runtimeLabel(bench.language, config.runtimes)}`,
		...baseRows,
		...config.ks.map((k) => {
			const key = `pass@${k}`;
			const v = s.passAtK[key];
			if (v !== undefined)
				return `${key.padEnd(11)} ${f(v)}  95% CI [${f(s.ci[key]![0])}, ${f(s.ci[key]![1])}]`;
			const short = s.shortOf[key] ?? [];
			return `${key.padEnd(11)} —  needs ≥ ${k} samples for every problem; ${short.length} short (${short.slice(0, 3).join(', ')}${short.length > 3 ? ', …' : ''})`;
		}),
		`status      ${Object.entries(s.counts.status)
			.map(([k, v]) => `${k} ${v}`)
			.join(' · ')}`,
		...(Object.keys(s.counts.kind).length
			? [
					`failures    ${Object.entries(s.counts.kind)
						.map(([k, v]) => `${k} ${v}`)
						.join(' · ')}`,
				]
			: []),
		...(s.counts.needs
			? [
					`needs       ${needsText(s.counts.needs)}: failed importing a package that could not be loaded (counted as failures; see --packages)`,
				]
			: []),
		`CI          ${s.ciMethod}`,
		...(out ? [`results     ${out}`] : []),
	];
	return rows.join('\n');
}
