// The README's screenshots, taken in headless Chromium against the scripted OpenAI-compatible
// server: the live run part-way, the results with one sample opened, and the embed widget.
//   npm run screenshots
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_FLAGS, findChromium } from '../cli/chromium';
import { CHAT } from '../test/fixtures/scripted-replies';
import { startOpenAiServer } from '../test/support/openai-server';
import { fillSetup } from '../test/support/setup-form';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
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
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
try {
	const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
	await page.goto(url);
	await fillSetup(page, {
		benchmark: 'classroom',
		problems: 4,
		endpoint: { url: model.url, model: 'qwen2.5-coder:1.5b' },
		n: 3,
		temperature: 0.8,
	});
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await page.waitForFunction(
		() => document.querySelectorAll('section.run .cell[data-state="passed"]').length >= 4,
		null,
		{
			timeout: 120_000,
		},
	);
	await page.screenshot({ path: `${OUT}live-run.png`, fullPage: true });
	await page.locator('section.results').waitFor({ timeout: 120_000 });
	await page.getByRole('cell', { name: 'Classroom/sum_list sample 2: passed' }).click();
	await page.screenshot({ path: `${OUT}results.png`, fullPage: true });
	// The embed widget as a blog post shows it.
	const embed = await browser.newPage({ viewport: { width: 720, height: 600 } });
	await embed.goto(
		`${url}embed/#benchmark=classroom-lua&count=6&model=reference&autostart=1&title=Classroom in Lua`,
	);
	await embed.getByTestId('progress').filter({ hasText: 'done' }).waitFor({ timeout: 60_000 });
	await embed
		.getByRole('cell', { name: /sample 1: passed/ })
		.first()
		.click();
	await embed.screenshot({ path: `${OUT}embed.png`, fullPage: true });
	console.log(`screenshots in ${OUT}`);
} finally {
	await browser.close();
	await model.close();
	server.httpServer.close();
}
