// The app's responsiveness during a long run: classroom × 50 samples = 1,000 samples from a fast
// scripted OpenAI-compatible server, driven through the UI as a person would. A probe timer in the
// page measures how late the main thread answers (every 50 ms), and the Long Tasks API counts
// stretches over 50 ms. The goal: the page keeps answering while samples stream, run and score.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { functionAsked, startOpenAiServer } from '../test/support/openai-server';
import { fillSetup } from '../test/support/setup-form';

const N = 50;

export async function uiResponsiveness(page: Page) {
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
		const started = Date.now();
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await page.locator('section.results').waitFor({ timeout: 600_000 });
		const seconds = (Date.now() - started) / 1000;
		const { lags, longTasks, done } = await page.evaluate(() => {
			const w = window as unknown as { lags: number[]; longTasks: number[] };
			return {
				lags: w.lags,
				longTasks: w.longTasks,
				done: document.querySelectorAll('section.results .cell[data-state]:not([data-state=waiting])').length,
			};
		});
		const sorted = [...lags].sort((a, b) => a - b);
		const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
		return {
			samples: done,
			seconds,
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
