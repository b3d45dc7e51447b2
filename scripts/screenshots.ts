// Screenshots of every view, taken in headless Chromium against the scripted OpenAI-compatible
// server: Set up, the live run part-way, Results with a sample open, why samples failed and the timeout checked,
// History, Compare, Teach, a robustness run (ReCode) with a flip open, a self-repair run and a reranking
// run, and a big run's grid (imported from a file), at
// 1366×800 and 390×844, light and dark; presentation mode; and the embed widget inside a page. The
// README shows the main ones (desktop, light).
//   npm run screenshots   → docs/screenshots/<view>-<width>-<theme>.png
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_FLAGS, findChromium } from '../cli/chromium';
import { CHAT } from '../test/fixtures/scripted-replies';
import { bigRunFile } from '../test/fixtures/runs';
import { recodeModel } from '../test/fixtures/recode-model';
import { repairReply, rerankReply } from '../test/fixtures/self-improve';
import { startOpenAiServer } from '../test/support/openai-server';
import { fillSetup } from '../test/support/setup-form';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const BIG_RUN = join(mkdtempSync(join(tmpdir(), 'benchtop-shots-')), 'big.benchtop.json');
writeFileSync(BIG_RUN, bigRunFile());
await build({ logLevel: 'warn' });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const address = server.httpServer.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
const model = await startOpenAiServer({
	script: Object.fromEntries(
		Object.entries(CHAT).map(([f, rs]) => [f, rs.map((r) => ({ ...r, delayMs: 250 }))]),
	),
	models: ['qwen2.5-coder:1.5b'],
	pieces: 12,
});
const recode = await startOpenAiServer({ script: {}, models: ['base'], respond: recodeModel() });
const repairing = await startOpenAiServer({ script: {}, models: ['m'], respond: repairReply });
const reranking = await startOpenAiServer({ script: {}, models: ['m'], respond: rerankReply });
const SIZES = [
	{ width: 1366, height: 800 },
	{ width: 390, height: 844 },
];

async function views(browser: Browser, size: (typeof SIZES)[number], theme: 'light' | 'dark') {
	const page = await browser.newPage({ viewport: size, colorScheme: theme });
	const shot = (view: string) => page.screenshot({ path: `${OUT}${view}-${size.width}-${theme}.png` });
	await page.goto(url);
	await fillSetup(page, {
		benchmark: 'classroom',
		problems: 4,
		endpoint: { url: model.url, model: 'qwen2.5-coder:1.5b' },
		n: 3,
		temperature: 0.8,
	});
	await shot('setup');
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await page.waitForFunction(
		() => document.querySelectorAll('section.run .cell[data-state="passed"]').length >= 4,
		null,
		{ timeout: 120_000 },
	);
	await shot('live-run');
	await page.locator('section.results').waitFor({ timeout: 120_000 });
	await page.getByRole('cell', { name: 'Classroom/sum_list sample 2: passed' }).click();
	await shot('results');
	await page.getByTestId('failure-chart').scrollIntoViewIfNeeded();
	await shot('why-failed');
	// the run had a timeout: "too slow, or just slower?", checked against calibrated limits
	const slow = page.getByRole('region', { name: 'Timed out' });
	await slow.getByRole('button', { name: 'Check against calibrated limits' }).click();
	await slow.getByTestId('slow-status').waitFor({ timeout: 60_000 });
	await slow.scrollIntoViewIfNeeded();
	await shot('timed-out');
	await page.getByRole('region', { name: /^Sample / }).scrollIntoViewIfNeeded();
	await shot('sample');
	// a second run (the reference solutions) to compare with
	await fillSetup(await back(page), { benchmark: 'classroom', problems: 4 });
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await page.locator('section.results').waitFor({ timeout: 120_000 });
	await page.getByRole('button', { name: 'History', exact: true }).click();
	await page.getByRole('button', { name: 'Open' }).first().waitFor();
	await shot('history');
	const boxes = page.getByRole('checkbox', { name: /^Pick / });
	await boxes.nth(0).check();
	await boxes.nth(1).check();
	await page.getByRole('button', { name: 'Compare the selected runs' }).click();
	await page.getByRole('region', { name: 'Compare runs' }).waitFor();
	await shot('compare');
	// a big run (1,200 samples) from a file: a bar per problem, one problem opened
	await page.getByRole('button', { name: 'History', exact: true }).click();
	await page.getByLabel('Import a run file').setInputFiles(BIG_RUN);
	await page.locator('tr[data-run="big-run"]').getByRole('button', { name: 'Open' }).click();
	const bars = page.locator('section.results .grid.compact [data-accordion-trigger]');
	await bars.nth(12).click();
	await bars.first().scrollIntoViewIfNeeded();
	await shot('big-run');
	await page.getByRole('button', { name: 'Teach', exact: true }).click();
	await page.locator('.cm-editor').first().waitFor();
	await shot('teach');
	if (size.width > 1000 && theme === 'light') {
		await page.getByLabel('Presentation mode (large type)').check();
		await page.screenshot({ path: `${OUT}presentation.png` });
		await page.getByLabel('Presentation mode (large type)').uncheck();
	}
	// a robustness run: ReCode's function-name family on three HumanEval problems, a flip opened
	await page.getByRole('button', { name: 'Set up', exact: true }).click();
	await fillSetup(page, {
		benchmark: 'humaneval',
		problems: 3,
		endpoint: { url: recode.url, model: 'base' },
	});
	await page.locator('select[name=api]').selectOption('completions');
	await page.getByRole('checkbox', { name: /function name/ }).check();
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const robust = page.getByTestId('robustness');
	await robust.locator('h2', { hasText: '7 of 7 sets done' }).waitFor({ timeout: 180_000 });
	await robust.getByRole('button', { name: /flipped under FuncRenameCamelCase/ }).click();
	await shot('robustness');
	await page.getByTestId('prompt-diff').scrollIntoViewIfNeeded();
	await shot('robustness-flip');
	// self-repair: two rounds of execution feedback on two problems, the chain of the fixed sample open
	await fillSetup(await back(page), {
		benchmark: 'classroom',
		problems: 2,
		endpoint: { url: repairing.url, model: 'm' },
		n: 1,
	});
	await page.locator('select[name=api]').selectOption('chat');
	await page.getByLabel('Self-repair rounds').fill('2');
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const repair = page.getByTestId('repair-panel');
	await repair.locator('svg[role=img]').nth(1).waitFor({ timeout: 120_000 });
	await repair.scrollIntoViewIfNeeded();
	await shot('self-repair');
	await page.getByRole('cell', { name: /^Classroom\/fizzbuzz sample 1/ }).click();
	await page.getByTestId('repair-chain').scrollIntoViewIfNeeded();
	await shot('self-repair-chain');
	// reranking: the model writes tests for fizzbuzz; its matrix open
	await fillSetup(await back(page), {
		benchmark: 'classroom',
		problems: 1,
		endpoint: { url: reranking.url, model: 'm' },
		n: 6,
		temperature: 0.8,
	});
	await page.getByLabel('Self-repair rounds').fill('0');
	await page.getByLabel('Tests the model writes per problem').fill('3');
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const rerank = page.getByTestId('rerank-panel');
	await rerank.getByTestId('tests-right').waitFor({ timeout: 120_000 });
	await rerank.getByTestId('test-matrix').locator('summary').click();
	await rerank.scrollIntoViewIfNeeded();
	await shot('reranking');
	await page.close();
}

async function back(page: Page): Promise<Page> {
	await page.getByRole('button', { name: 'Set up', exact: true }).click();
	return page;
}

/** The widget as a blog post shows it: an iframe inside someone else's page. */
async function embedInPage(browser: Browser) {
	const src = `${url}embed/#benchmark=classroom-lua&count=6&model=reference&autostart=1&title=Classroom in Lua`;
	const blog = createServer((_, res) =>
		res
			.writeHead(200, { 'content-type': 'text/html' })
			.end(
				`<!doctype html><meta charset=utf-8><body style="font:18px/1.6 Georgia,serif;max-width:44rem;margin:2rem auto;color:#222"><h1>Can a 0.5B model write Lua?</h1><p>Press Run below: the eval runs in your browser.</p><iframe src="${src}" title="Benchtop eval" width="100%" height="560" style="border:0" allow="cross-origin-isolated"></iframe><p>The reference solutions all pass; try a model next.</p></body>`,
			),
	);
	await new Promise<void>((r) => blog.listen(0, 'localhost', r));
	const port = (blog.address() as { port: number }).port;
	const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
	await page.goto(`http://localhost:${port}/`);
	const frame = page.frameLocator('iframe');
	await frame.getByTestId('progress').filter({ hasText: 'done' }).waitFor({ timeout: 60_000 });
	await frame
		.getByRole('cell', { name: /sample 1: passed/ })
		.first()
		.click();
	await page.screenshot({ path: `${OUT}embed.png`, fullPage: true });
	await page.close();
	blog.close();
}

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
try {
	for (const size of SIZES) for (const theme of ['light', 'dark'] as const) await views(browser, size, theme);
	await embedInPage(browser);
	console.log(`screenshots in ${OUT}`);
} finally {
	await browser.close();
	await model.close();
	await recode.close();
	await repairing.close();
	await reranking.close();
	server.httpServer.close();
}
