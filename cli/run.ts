// benchtop run: generate samples with a model and score them as they are written — the app's own
// pipeline in headless Chromium. An endpoint is reached through the local server (same origin, so
// no CORS setup is needed); web-llm needs a browser with a WebGPU adapter.
import { parseArgs } from 'node:util';
import { DEFAULT_KS } from '../src/lib/scoring';
import type { Outcome, ResultsFormat } from '../src/lib/formats/results';
import { RESULTS_FORMATS } from '../src/lib/formats/results';
import { generatedRunConfig, outcomeOf } from '../src/lib/formats/run-record';
import { inRunOrder } from '../src/lib/run/spec';
import { planRun } from '../src/lib/pipeline/session';
import { exposeProgress, setPackageIndex, withDriver } from './browser';
import { disposeExecutor, runInPage } from './run-page';
import { robustnessCommand } from './robustness';
import type { Benchmark } from '../src/lib/benchmarks/types';
import type { TaskId } from '../src/lib/core/ids';
import type { RunSpec } from '../src/lib/run/spec';
import { progressBar } from './progress';
import { repairScore } from '../src/lib/scoring/repair';
import { repairSummary, repairTable } from './repair';
import { parseRankers, rerankSummary, rerankTable } from './rerank';
import { rerankScore } from '../src/lib/scoring/rerank-score';
import type { Ranker } from '../src/lib/scoring/rerank';
import {
	loadBenchmarkArg,
	positiveInt,
	runDate,
	scoreOutcomes,
	SHARED_OPTIONS,
	judgeOf,
	analysesOf,
	summary,
	table,
	writeResults,
} from './score';
import { parseShard, shardProblems } from '../src/lib/run/shard';
import { analysesTable, parseAnalyses } from '../src/lib/scoring/analyses';
import { inputHash, refuseShardWithout, shardLine, writeShard } from './shard';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import type { FeedbackTemplate } from '../src/lib/prompts/feedback';
import { basename, dirname, resolve } from 'node:path';
import { parseGgufHeader } from '../src/lib/generation/gguf/header';
import { ggufName, namesChatModel } from '../src/lib/generation/gguf/names';

export const RUN_USAGE = `  run --benchmark <id> (--endpoint <url> --model <name> | --gguf <file or URL> | --webllm <model-id> | --reference)
      [--api chat|completions] [--api-key <key>] [--n 1] [--temperature T] [--top-p P]
      [--max-tokens 512] [--seed 0] [--limit N] [--template <name>] [--out <path>]
      [--out-format ${RESULTS_FORMATS.join('|')}] [--summary <path>] [--k 1,10,100]
      [--timeout-ms N] [--calibrated] [--workers N] [--allow-software-gpu] [--shard K/N]
      [--analyses failures,diversity,efficiency] [--robustness <families>] [--repair-rounds R [--feedback-template <file>]]
      [--generated-tests M [--rankers codet,codet-paper,b4,maxpass,random] [--per-test-ms 1000]]
      [--packages <index URL>|off]
      Generates n samples per problem and scores each as soon as it is written. --gguf runs a GGUF
      model in the page with wllama (llama.cpp, CPU): a local file (all parts of a split model beside
      it) or a URL; --api completions prompts it without its chat template. The API key may
      also come from OPENAI_API_KEY. Temperature defaults to 0 for n = 1, else 0.8 (top-p 0.95).
      --shard K/N generates and scores every N-th problem from the K-th into a shard file (--out).
      --analyses: why samples failed and distinct correct solutions, as for score. --packages:
      where Python samples' packages come from, as for score.
      --robustness <families or transformations> (HumanEval): ReCode — the nominal prompts and
      each chosen perturbation (docstring, function-name, code-syntax, format, all, or names such
      as doc2comments) with the same model and settings; prints Robust Pass/Drop/Relative_s@k.
      --out is then a directory: one results file per set.
      --repair-rounds R: a failing sample is shown its execution feedback (the failing test, the
      error and its line, its output, or the time-out) and answers again, up to R times; prints
      pass@k@r for r = 0…R, the gain per round, the repair rate per kind of failure and tokens.
      --feedback-template: a text file with {feedback}, {code} and {language} to send instead.
      --generated-tests M: the model also answers a test-writing prompt (CodeT's) M times per
      problem; every sample runs against every test it wrote, and each ranker picks (CodeT, B4,
      MaxPass, random); prints reranked pass@k beside pass@k, and --summary holds each problem's
      tests, which were right (the reference passes them) and the sample × test matrix.`;

const PROXY = '/__endpoint/';
const GGUF_PATH = '/__gguf/';

/** --gguf: a URL as given, or a local file served beside the app (its folder, for split parts). The
 * header says whether it has a chat template; --api completions prompts it without one. */
function ggufModel(source: string, api: string | undefined) {
	const name = ggufName(source);
	if (/^https?:\/\//.test(source)) {
		const chat = api ? api === 'chat' : namesChatModel(name);
		return { spec: { kind: 'gguf' as const, model: name, url: source, chat } };
	}
	if (!existsSync(source)) throw new Error(`--gguf: no file ${source}`);
	const fd = openSync(source, 'r');
	const head = Buffer.alloc(Math.min(statSync(source).size, 16 * 2 ** 20));
	readSync(fd, head, 0, head.length, 0);
	closeSync(fd);
	const info = parseGgufHeader(head, source);
	const chat = api ? api === 'chat' : !!info.chatTemplate;
	return {
		spec: { kind: 'gguf' as const, model: info.name ?? name, url: resolve(source), chat },
		mount: dirname(resolve(source)),
		file: basename(source),
	};
}

/** --feedback-template: the user's own feedback text, recorded under its file's name. */
function feedbackFile(path: string): FeedbackTemplate {
	if (!existsSync(path)) throw new Error(`--feedback-template: no file ${path}`);
	const text = readFileSync(path, 'utf8');
	if (!text.includes('{feedback}'))
		throw new Error(`--feedback-template: ${path} has no {feedback} (where what went wrong is put)`);
	return { name: basename(path), version: 1, text };
}

function num(name: string, v: string | undefined, int = false): number | undefined {
	if (v === undefined) return undefined;
	const n = Number(v);
	if (!Number.isFinite(n) || n < 0 || (int && !Number.isInteger(n)))
		throw new Error(
			`--${name} must be a ${int ? 'non-negative integer' : 'non-negative number'} (got "${v}")`,
		);
	return n;
}

export async function runCommand(argv: string[]): Promise<number> {
	const { values: o } = parseArgs({
		args: argv,
		options: {
			...SHARED_OPTIONS,
			endpoint: { type: 'string' },
			model: { type: 'string' },
			webllm: { type: 'string' },
			gguf: { type: 'string' },
			api: { type: 'string' },
			'api-key': { type: 'string' },
			n: { type: 'string' },
			temperature: { type: 'string' },
			'top-p': { type: 'string' },
			'max-tokens': { type: 'string' },
			seed: { type: 'string' },
			limit: { type: 'string' },
			template: { type: 'string' },
			'allow-software-gpu': { type: 'boolean' },
			robustness: { type: 'string' },
			'repair-rounds': { type: 'string' },
			'feedback-template': { type: 'string' },
			'generated-tests': { type: 'string' },
			rankers: { type: 'string' },
			'per-test-ms': { type: 'string' },
		},
	});
	if (!o.benchmark) throw new Error('--benchmark is required');
	const sources = [o.endpoint, o.webllm, o.gguf, o.reference].filter(Boolean).length;
	if (sources !== 1)
		throw new Error(
			'give exactly one of --endpoint <url> (with --model), --gguf <file or URL>, --webllm <model-id>, --reference',
		);
	const gguf = o.gguf ? ggufModel(o.gguf, o.api) : undefined;
	if (o.endpoint && !o.model) throw new Error('--endpoint needs --model <name>');
	if (o.api && o.api !== 'chat' && o.api !== 'completions')
		throw new Error('--api must be chat or completions');
	if (o['out-format'] && !RESULTS_FORMATS.includes(o['out-format'] as ResultsFormat))
		throw new Error(`--out-format must be one of ${RESULTS_FORMATS.join(', ')}`);
	const bench = await loadBenchmarkArg(o.benchmark);
	if (bench.version.startsWith('file '))
		throw new Error('benchtop run takes a bundled benchmark id (score your own file with benchtop score)');
	const n = positiveInt('n', o.n) ?? 1;
	const limit = positiveInt('limit', o.limit);
	const ks = (o.k ?? DEFAULT_KS.join(',')).split(',').map((k) => positiveInt('k', k.trim())!);
	const chat = (o.api ?? 'chat') === 'chat';
	const shard = o.shard ? parseShard(o.shard) : undefined;
	const which = o.analyses === undefined ? [] : parseAnalyses(o.analyses);
	const judge = judgeOf(o); // checked before anything runs
	setPackageIndex(o.packages);
	if (shard) refuseShardWithout(o);
	const planned = bench.problems.slice(0, limit ?? bench.problems.length).map((p) => p.taskId);
	const planFor = (b: Benchmark, taskIds: TaskId[]) =>
		planRun(b, {
			taskIds,
			generator: o.endpoint
				? { kind: 'endpoint', baseUrl: PROXY, model: o.model!, api: chat ? 'chat' : 'completions' }
				: gguf
					? { ...gguf.spec }
					: o.webllm
						? { kind: 'webllm', modelId: o.webllm }
						: { kind: 'reference' },
			n,
			sampling: {
				temperature: num('temperature', o.temperature) ?? (n > 1 ? 0.8 : 0),
				topP: num('top-p', o['top-p']) ?? (n > 1 ? 0.95 : 1),
				maxTokens: positiveInt('max-tokens', o['max-tokens']) ?? 512,
				seed: num('seed', o.seed, true) ?? 0,
				repetitionPenalty: 1,
				presencePenalty: 0,
				frequencyPenalty: 0,
			},
			ks,
			template: o.template,
			calibrated: o.calibrated,
			timeMs: positiveInt('timeout-ms', o['timeout-ms']),
			repairRounds: num('repair-rounds', o['repair-rounds'], true),
			feedback: o['feedback-template'] ? feedbackFile(o['feedback-template']) : undefined,
			generatedTests: num('generated-tests', o['generated-tests'], true),
			rankers: o.rankers === undefined ? undefined : parseRankers(o.rankers),
			perTestMs: positiveInt('per-test-ms', o['per-test-ms']),
		});
	const workers = positiveInt('workers', o.workers);
	const driver = {
		flags: o.webllm ? ['--enable-unsafe-webgpu'] : [],
		proxy: o.endpoint ? { path: PROXY, target: o.endpoint.replace(/\/v1\/?$/, '') } : undefined,
		mount: gguf?.mount ? { path: GGUF_PATH, dir: gguf.mount } : undefined,
	};
	/** The page reaches an endpoint through its own proxy, and a local GGUF file where it is mounted. */
	const inPage = (spec: RunSpec, url: string) => {
		if (spec.generator.kind === 'endpoint') spec.generator.baseUrl = new URL(PROXY, url).href;
		if (spec.generator.kind === 'gguf' && gguf?.mount)
			spec.generator.url = new URL(`${GGUF_PATH}${encodeURIComponent(gguf.file)}`, url).href;
		return spec;
	};
	const pageOptions = {
		workers,
		apiKey: o['api-key'] ?? process.env.OPENAI_API_KEY,
		allowSoftware: !!o['allow-software-gpu'],
		language: bench.language,
	};
	if (o.robustness) {
		if (shard) throw new Error('--robustness runs every set on one machine: it does not take --shard');
		return robustnessCommand({
			arg: o.robustness,
			bench,
			taskIds: planned,
			plan: planFor,
			inPage,
			driver,
			pageOptions,
			ks,
			out: o.out,
			summary: o.summary,
			endpoint: o.endpoint,
		});
	}
	const spec = planFor(bench, shard ? shardProblems(planned, shard) : planned);
	// What a shard must share with its siblings: the whole run's plan (taken before the page
	// rewrites the endpoint to its local proxy).
	const input = inputHash([JSON.stringify({ ...spec, taskIds: planned })]);
	const total = spec.taskIds.length * spec.n;
	const bar = progressBar(total, `${bench.id}`);
	const result = await withDriver(async (page, url) => {
		await exposeProgress(page, (_i, status) => bar.tick(status));
		const done = await runInPage(page, inPage(spec, url), pageOptions);
		await disposeExecutor(page);
		return done;
	}, driver);
	bar.end();
	if (result.gpu) throw new Error(result.gpu.message);
	if (result.status === 'failed')
		throw new Error(`the run failed after ${result.records.length} samples: ${result.error}`);

	const records = inRunOrder({ spec }, result.records);
	const outcomes: Outcome[] = records.map((r) => outcomeOf(r, 'benchtop run'));
	const { result: scored } = scoreOutcomes(bench, outcomes, spec.ks, 'run', spec.taskIds.length);
	const config = generatedRunConfig(bench, spec, {
		workers: result.workers,
		browser: result.userAgent,
		// (an endpoint's live description names the local proxy, not the server the user gave)
		engine: gguf ? result.engine : undefined,
		// the endpoint as the user gave it, not the local proxy the page reached it through
		generator:
			o.endpoint && spec.generator.kind === 'endpoint'
				? { ...spec.generator, baseUrl: o.endpoint }
				: gguf?.mount
					? { ...gguf.spec }
					: undefined,
	});
	const outFormat =
		(o['out-format'] as ResultsFormat) ?? (bench.composition === 'multipl-e' ? 'multipl-e' : 'human-eval');
	if (shard) {
		const place = new Map(planned.map((id, i) => [id as string, i]));
		writeShard(o.out!, {
			shard,
			command: 'run',
			benchmark: o.benchmark,
			input,
			total: planned.length * spec.n,
			problems: planned.length,
			out: { format: outFormat },
			config,
			outcomes: outcomes.map((x, i) => ({
				...x,
				at: place.get(x.sample.taskId)! * spec.n + records[i]!.index,
			})),
		});
		console.log(table(bench, scored, records.length, config));
		console.log(shardLine(shard, spec.taskIds.length, records.length, o.out!));
		return 0;
	}
	const analyses = await analysesOf(
		which,
		bench,
		outcomes,
		spec.ks,
		spec.limits,
		(i) => records[i]!.finishReason === 'length',
		judge,
	);
	if (o.out) writeResults(o.out, outFormat, outcomes, bench, scored, config, runDate());
	const repair = spec.repair && repairScore(records, spec.repair.rounds, spec.ks, spec.taskIds.length);
	const sets = result.tests ?? [];
	const rerank =
		spec.tests &&
		rerankScore(
			records,
			Object.fromEntries(sets.map((s) => [s.taskId as string, s])),
			spec.tests.rankers as Ranker[],
			spec.ks,
		);
	if (o.summary)
		writeFileSync(
			o.summary,
			JSON.stringify(
				{
					...summary(scored, config, undefined, analyses),
					...(repair && { repair: repairSummary(repair, spec) }),
					...(rerank && { rerank: rerankSummary(rerank, sets, records) }),
				},
				null,
				2,
			) + '\n',
		);
	console.log(table(bench, scored, records.length, config, o.out && `${o.out} (${outFormat})`));
	if (repair) console.log(repairTable(repair));
	if (rerank) console.log(rerankTable(rerank));
	if (analyses) console.log(analysesTable(analyses));
	return 0;
}
