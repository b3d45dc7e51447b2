// Runs jobs in headless Chromium on the built app: the same runtimes, workers and limits as the app,
// served from a local static server with the headers a configured host sends. Works offline.
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { DriverApi } from '../src/driver';
import type { ExecResult, Status } from '../src/lib/core/result';
import type { Job, Limits } from '../src/lib/execution/runtime';
import type { Benchmark } from '../src/lib/benchmarks/types';
import type { Sample } from '../src/lib/core/sample';
import type { Tested } from '../src/lib/pipeline/tester';
import { fromWire, toWire } from '../src/lib/pipeline/wire';
import { CHROMIUM_FLAGS, findChromium } from './chromium';
import { serveStatic, type ServeOptions, type StaticServer } from './serve';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${ROOT}dist`;

export interface BrowserRun {
	results: ExecResult[];
	userAgent: string;
	workers: number;
	isolated: boolean;
}

/** Builds the app the first time the CLI is used from a fresh checkout. */
async function ensureBuilt() {
	if (existsSync(`${DIST}/driver.html`)) return;
	process.stderr.write('benchtop: building the app once (dist/ is missing)…\n');
	const { build } = await import('vite');
	await build({ root: ROOT, logLevel: 'warn' });
}

/** Where the CLI's Chromium keeps its profile between commands, so the next one starts from the
 * Python image and compiled code the last one stored (a 10-sample command: ~5 s → ~3 s here).
 * BENCHTOP_PROFILE: another folder, or `none` for a fresh profile every time. */
export function profileDir(): string | null {
	const set = process.env.BENCHTOP_PROFILE;
	if (set === 'none') return null;
	if (set) return set;
	return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'benchtop', 'chromium');
}

/** The kept profile's port. Stored state belongs to an origin, so a profile always gets the same
 * port: one from its folder's name (40000–49999), so two profiles do not share an origin. */
export function profilePort(dir: string): number {
	let h = 0x811c9dc5; // FNV-1a
	for (let i = 0; i < dir.length; i++) h = Math.imul(h ^ dir.charCodeAt(i), 0x01000193) >>> 0;
	return 40000 + (h % 10000);
}

/** Where the page's Python samples get packages: undefined for the default (Pyodide's CDN),
 * 'off', or an index URL. Set once by the command from --packages or BENCHTOP_PACKAGES. */
let packageIndex: string | undefined;

export function setPackageIndex(flag: string | undefined): void {
	const v = flag ?? process.env.BENCHTOP_PACKAGES;
	if (v === undefined || v === '') return;
	if (v !== 'off' && !/^https?:\/\/[^/]/.test(v))
		throw new Error(`--packages must be the http(s) URL of a Pyodide package index, or off (got "${v}")`);
	packageIndex = v;
}

interface Launched {
	server: StaticServer;
	context: BrowserContext;
	close(): Promise<void>;
}

/** The kept profile when it is free (another command may be using it, or its port); else a fresh
 * profile on any port, as before — two commands at once both run, the second without the head start. */
async function launch(serve: ServeOptions, args: string[], headless: boolean): Promise<Launched> {
	const executablePath = findChromium();
	const dir = profileDir();
	if (dir) {
		const server = await serveStatic(DIST, { ...serve, port: profilePort(dir) }).catch(() => null);
		if (server) {
			try {
				mkdirSync(dir, { recursive: true });
				const context = await chromium.launchPersistentContext(dir, { executablePath, args, headless });
				return { server, context, close: async () => (await context.close(), await server.close()) };
			} catch {
				await server.close();
			}
		}
	}
	const server = await serveStatic(DIST, serve);
	const browser = await chromium.launch({ executablePath, args, headless });
	const context = await browser.newContext();
	return { server, context, close: async () => (await browser.close(), await server.close()) };
}

/** The built app's driver page in headless Chromium, served locally; everything closed afterwards. */
export async function withDriver<T>(
	fn: (page: Page, url: string) => Promise<T>,
	{
		flags = [],
		proxy,
		mount,
		headless = true,
	}: {
		flags?: string[];
		proxy?: ServeOptions['proxy'];
		mount?: ServeOptions['mount'];
		headless?: boolean;
	} = {},
): Promise<T> {
	findChromium(); // its message first, before any build
	await ensureBuilt();
	const { server, context, close } = await launch(
		{ headers: true, proxy, mount },
		[...CHROMIUM_FLAGS, ...flags],
		headless,
	);
	try {
		const page = await context.newPage();
		const query = packageIndex ? `?packages=${encodeURIComponent(packageIndex)}` : '';
		await page.goto(`${server.url}driver.html${query}`);
		await page.waitForSelector('body[data-ready="true"]');
		return await fn(page, server.url);
	} finally {
		await close();
	}
}

export async function runInBrowser(
	jobs: Job[],
	{ workers, onResult }: { workers?: number; onResult: (index: number, status: Status) => void },
): Promise<BrowserRun> {
	return withDriver(async (page) => {
		const results: ExecResult[] = new Array(jobs.length);
		await exposeWork(page, jobs, (i, r: ExecResult) => {
			results[i] = r;
			onResult(i, r.status);
		});
		const run = await page.evaluate(
			async ({ total, workers, every, chunk, lanes }) => {
				const w = window as unknown as { benchtop: DriverApi } & PageWork;
				const { batched, pulled, toWire, fromWire } = w.benchtop.pipeline;
				const out = batched((b) => w.__benchtopDone(toWire(b)), every);
				const size = workers ?? navigator.hardwareConcurrency;
				const ex = new w.benchtop.Executor({ size });
				const sizes = new Set<number>();
				await pulled(
					total,
					async (from) => fromWire<Job[]>(await w.__benchtopWork(from)),
					async (job, i) => {
						sizes.add((await ex.pool(job.language)).size);
						out.push([i, await ex.run(job)]);
					},
					{ lanes: lanes * size, chunk },
				);
				await out.end();
				await ex.dispose();
				return {
					userAgent: navigator.userAgent,
					workers: sizes.size ? Math.max(...sizes) : 0,
					isolated: w.benchtop.isolated,
				};
			},
			{ total: jobs.length, workers, every: PROGRESS_MS, chunk: CHUNK, lanes: LANES_PER_WORKER },
		);
		return { results, ...run };
	});
}

/** How often the page reports finished samples to the CLI (in batches: pipeline/batched.ts). */
export const PROGRESS_MS = 100;
export type ProgressBinding = (batch: [number, Status][]) => Promise<void>;

/** Items handed to the page per call (pipeline/pulled.ts): ~360 KB of HumanEval jobs. */
const CHUNK = 256;
/** Items the page runs at once per worker: a stuck worker's two extras (pool.ts) keep theirs queued. */
const LANES_PER_WORKER = 8;

/** What the page calls back: items from an index on, and results in batches (pipeline/batched.ts),
 * both as JSON text (pipeline/wire.ts). */
interface PageWork {
	__benchtopWork(from: number): Promise<string>;
	__benchtopDone(batch: string): Promise<void>;
}

/** Hands `items` to the page a chunk at a time and takes back each one's result. */
async function exposeWork<T, R>(page: Page, items: T[], done: (index: number, result: R) => void) {
	await page.exposeFunction('__benchtopWork', (from: number) => toWire(items.slice(from, from + CHUNK)));
	await page.exposeFunction('__benchtopDone', (batch: string) => {
		for (const [i, r] of fromWire<[number, R][]>(batch)) done(i, r);
	});
}

/** The page's progress reports, unpacked to one onResult call per sample. */
export async function exposeProgress(page: Page, onResult: (index: number, status: Status) => void) {
	await page.exposeFunction('__benchtopProgress', (batch: [number, Status][]) => {
		for (const [i, status] of batch) onResult(i, status);
	});
}

/** Samples tested in the page the way a run tests them (EvalPlus's input-by-input runs included:
 * the reference's outputs are computed there first, once per problem). */
export async function testInBrowser(
	bench: Benchmark,
	samples: Sample[],
	{
		limits,
		workers,
		onResult,
	}: { limits: Limits; workers?: number; onResult: (index: number, status: Status) => void },
): Promise<Omit<BrowserRun, 'results'> & { tested: Tested[] }> {
	return withDriver(async (page) => {
		const tested: Tested[] = new Array(samples.length);
		await exposeWork(page, samples, (i, t: Tested) => {
			tested[i] = t;
			onResult(i, t.result.status);
		});
		const run = await page.evaluate(
			async ({ bench, total, limits, workers, every, chunk }) => {
				const w = window as unknown as { benchtop: DriverApi } & PageWork;
				const { batched, pulled, toWire, fromWire } = w.benchtop.pipeline;
				const out = batched((b) => w.__benchtopDone(toWire(b)), every);
				const ex = new w.benchtop.Executor({ size: workers ?? navigator.hardwareConcurrency });
				const tester = new w.benchtop.pipeline.Tester(bench, ex, limits, undefined);
				const byId = new Map(bench.problems.map((p) => [p.taskId as string, p]));
				const size = (await ex.pool('python')).size;
				// A few samples ahead of the workers, not all at once: each problem's reference outputs
				// are computed just before its samples, so verdicts arrive from the start.
				await pulled(
					total,
					async (from) => fromWire<Sample[]>(await w.__benchtopWork(from)),
					async (s, i) => {
						const t = await tester.test(byId.get(s.taskId)!, s);
						// The reference's outputs stay in the page: only verdicts come back.
						out.push([i, { program: t.program, result: { ...t.result, reference: undefined } }]);
					},
					{ lanes: 4 * size, chunk },
				);
				await out.end();
				await ex.dispose();
				return { userAgent: navigator.userAgent, workers: size, isolated: w.benchtop.isolated };
			},
			{ bench, total: samples.length, limits, workers, every: PROGRESS_MS, chunk: CHUNK },
		);
		return { tested, ...run };
	});
}
