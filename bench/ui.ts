// The app's responsiveness during a long run: classroom × 50 samples = 1,000 samples from a fast
// scripted OpenAI-compatible server, driven through the UI as a person would. A probe timer in the
// page measures how late the main thread answers (every 50 ms), and the Long Tasks API counts
// stretches over 50 ms. The goal: the page keeps answering while samples stream, run and score.
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { functionAsked, startOpenAiServer } from '../test/support/openai-server';
import { fillSetup } from '../test/support/setup-form';

/** Peak resident memory of the Chromium renderer that holds the page (its workers live in it too). */
function rendererRss(): number {
	let best = 0;
	for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
		try {
			if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
			const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
			best = Math.max(best, kb * 1024);
		} catch {
			// gone meanwhile
		}
	}
	return best;
}

/** classroom × N samples (20 problems) through the UI: lag, long tasks, and memory as it goes —
 * the renderer's resident memory (page and workers) from /proc, and the page's JS heap and DOM
 * node count from the DevTools protocol's Performance.getMetrics. */
export async function uiResponsiveness(page: Page, N = 50, allCores = false) {
	const classroom = JSON.parse(readFileSync('public/benchmarks/classroom.json', 'utf8')) as {
		problems: { prompt: string; reference: string }[];
	};
	const server = await startOpenAiServer({
		models: ['fast'],
		script: Object.fromEntries(
			classroom.problems.map((p) => [
				functionAsked(p.prompt),
				Array.from({ length: N }, () => ({ text: '```python\n' + p.prompt + p.reference + '\n```' })),
			]),
		),
	});
	try {
		await fillSetup(page, {
			benchmark: 'classroom',
			problems: 'all',
			endpoint: { url: server.url, model: 'fast' },
			n: N,
			temperature: 0.8,
			allCores,
		});
		await page.evaluate(() => {
			const w = window as unknown as { lags: number[]; longTasks: number[] };
			w.lags = [];
			w.longTasks = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.longTasks.push(e.duration);
			}).observe({ type: 'longtask' });
			let expected = performance.now() + 50;
			setInterval(() => {
				const now = performance.now();
				w.lags.push(Math.max(0, now - expected));
				expected = now + 50;
			}, 50);
		});
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Performance.enable');
		const peak = { rssBytes: 0, jsHeapBytes: 0, nodes: 0 };
		const sample = async () => {
			const { metrics } = await cdp.send('Performance.getMetrics');
			const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? 0;
			peak.rssBytes = Math.max(peak.rssBytes, rendererRss());
			peak.jsHeapBytes = Math.max(peak.jsHeapBytes, m('JSHeapUsedSize'));
			peak.nodes = Math.max(peak.nodes, m('Nodes'));
		};
		const sampler = setInterval(() => void sample().catch(() => {}), 1000);
		const started = Date.now();
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await page.locator('section.results').waitFor({ timeout: 3_600_000 });
		const seconds = (Date.now() - started) / 1000;
		clearInterval(sampler);
		await sample();
		const { lags, longTasks, done } = await page.evaluate(() => {
			const w = window as unknown as { lags: number[]; longTasks: number[] };
			return {
				lags: w.lags,
				longTasks: w.longTasks,
				// (a big run's grid keeps no cell per sample: the verdict bars' counts add up to the finished ones)
				done: [...document.querySelectorAll('[data-testid=counts] ul[aria-label=Verdicts] li > :last-child')]
					.map((e) => Number(e.textContent))
					.reduce((a, b) => a + b, 0),
			};
		});
		const sorted = [...lags].sort((a, b) => a - b);
		const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
		return {
			samples: done,
			seconds,
			memory: peak,
			allCores,
			lag: { probes: lags.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 },
			longTasks: {
				count: longTasks.length,
				totalMs: longTasks.reduce((s, d) => s + d, 0),
				maxMs: Math.max(0, ...longTasks),
			},
		};
	} finally {
		await server.close();
	}
}

/** From pressing Run to the first verdict on the screen: classroom's reference solutions. Cold is a
 * fresh browser profile (nothing cached); cached is a new page in the same profile (the runtimes come
 * from the HTTP cache, the workers start again); warm is a second run in the same page. */
export async function firstVerdict(newPage: () => Promise<Page>) {
	const once = async (page: Page) => {
		await page.locator('input[name=benchmark]').first().waitFor({ state: 'attached' });
		await fillSetup(page, { benchmark: 'classroom', problems: 'all' });
		const started = performance.now();
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await page
			.locator('.cell[data-state=passed], .cell[data-state=failed]')
			.first()
			.waitFor({ timeout: 120_000 });
		const ms = performance.now() - started;
		await page.locator('section.results').waitFor({ timeout: 120_000 });
		return ms;
	};
	const first = await newPage();
	const cold = await once(first);
	await first.getByRole('button', { name: 'Set up', exact: true }).click();
	const warm = await once(first);
	await first.close();
	const cached = await once(await newPage());
	return { coldMs: cold, cachedMs: cached, warmMs: warm };
}
