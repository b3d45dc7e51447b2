// Runs jobs in headless Chromium on the built app: the same runtimes, workers and limits as the app,
// served from a local static server with the headers a configured host sends. Works offline.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { DriverApi } from '../src/driver';
import type { ExecResult, Status } from '../src/lib/core/result';
import type { Job, Limits } from '../src/lib/execution/runtime';
import type { Benchmark } from '../src/lib/benchmarks/types';
import type { Sample } from '../src/lib/core/sample';
import type { Tested } from '../src/lib/pipeline/tester';
import { CHROMIUM_FLAGS, findChromium } from './chromium';
import { serveStatic, type ServeOptions } from './serve';

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
	const executablePath = findChromium();
	await ensureBuilt();
	const server = await serveStatic(DIST, { headers: true, proxy, mount });
	const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS, ...flags], headless });
	try {
		const page = await browser.newPage();
		await page.goto(`${server.url}driver.html`);
		await page.waitForSelector('body[data-ready="true"]');
		return await fn(page, server.url);
	} finally {
		await browser.close();
		await server.close();
	}
}

export async function runInBrowser(
	jobs: Job[],
	{ workers, onResult }: { workers?: number; onResult: (index: number, status: Status) => void },
): Promise<BrowserRun> {
	return withDriver(async (page) => {
		await exposeProgress(page, onResult);
		return page.evaluate(
			async ({ jobs, workers, every }) => {
				const w = window as unknown as { benchtop: DriverApi; __benchtopProgress: ProgressBinding };
				const progress = w.benchtop.pipeline.batched(w.__benchtopProgress, every);
				const ex = new w.benchtop.Executor({ size: workers ?? navigator.hardwareConcurrency });
				const sizes = new Set<number>();
				const results = await Promise.all(
					jobs.map(async (job, i) => {
						sizes.add((await ex.pool(job.language)).size);
						const r = await ex.run(job);
						progress.push([i, r.status]);
						return r;
					}),
				);
				await progress.end();
				await ex.dispose();
				return {
					results,
					userAgent: navigator.userAgent,
					workers: Math.max(...sizes),
					isolated: w.benchtop.isolated,
				};
			},
			{ jobs, workers, every: PROGRESS_MS },
		);
	});
}

/** How often the page reports finished samples to the CLI (in batches: pipeline/batched.ts). */
export const PROGRESS_MS = 100;
export type ProgressBinding = (batch: [number, Status][]) => Promise<void>;

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
		await exposeProgress(page, onResult);
		return page.evaluate(
			async ({ bench, samples, limits, workers, every }) => {
				const w = window as unknown as { benchtop: DriverApi; __benchtopProgress: ProgressBinding };
				const progress = w.benchtop.pipeline.batched(w.__benchtopProgress, every);
				const ex = new w.benchtop.Executor({ size: workers ?? navigator.hardwareConcurrency });
				const tester = new w.benchtop.pipeline.Tester(bench, ex, limits, undefined);
				const byId = new Map(bench.problems.map((p) => [p.taskId as string, p]));
				const tested: Tested[] = new Array(samples.length);
				// A few samples ahead of the workers, not all at once: each problem's reference outputs
				// are computed just before its samples, so verdicts arrive from the start.
				let next = 0;
				const size = (await ex.pool('python')).size;
				// (Inline, not a named function: under tsx a named one would call a helper the page lacks.)
				await Promise.all(
					Array.from({ length: 4 * size }, async () => {
						while (next < samples.length) {
							const i = next++;
							const s = samples[i]!;
							const t = await tester.test(byId.get(s.taskId)!, s);
							progress.push([i, t.result.status]);
							// The reference's outputs stay in the page: only verdicts come back.
							tested[i] = { program: t.program, result: { ...t.result, reference: undefined } };
						}
					}),
				);
				await progress.end();
				await ex.dispose();
				return { tested, userAgent: navigator.userAgent, workers: size, isolated: w.benchtop.isolated };
			},
			{ bench, samples, limits, workers, every: PROGRESS_MS },
		);
	});
}
