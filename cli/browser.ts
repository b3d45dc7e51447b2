// Runs jobs in headless Chromium on the built app: the same runtimes, workers and limits as the app,
// served from a local static server with the headers a configured host sends. Works offline.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { DriverApi } from '../src/driver';
import type { ExecResult, Status } from '../src/lib/core/result';
import type { Job } from '../src/lib/execution/runtime';
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
		await page.exposeFunction('__benchtopProgress', onResult);
		return page.evaluate(
			async ({ jobs, workers }) => {
				const w = window as unknown as {
					benchtop: DriverApi;
					__benchtopProgress(i: number, s: Status): void;
				};
				const ex = new w.benchtop.Executor(workers ? { size: workers } : {});
				const sizes = new Set<number>();
				const results = await Promise.all(
					jobs.map(async (job, i) => {
						sizes.add((await ex.pool(job.language)).size);
						const r = await ex.run(job);
						w.__benchtopProgress(i, r.status);
						return r;
					}),
				);
				await ex.dispose();
				return {
					results,
					userAgent: navigator.userAgent,
					workers: Math.max(...sizes),
					isolated: w.benchtop.isolated,
				};
			},
			{ jobs, workers },
		);
	});
}
