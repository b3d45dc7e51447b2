// The embed widget where bloggers put it: in an iframe on a page from another origin (the page at
// localhost, Benchtop at 127.0.0.1 from a plain static host with no headers), and as the
// <benchtop-eval> custom element on a plain HTML page. Inline problems and hostile code run only in
// the sandboxes; a misconfigured link shows its error.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHAT, PASS_AT_1 } from '../fixtures/scripted-replies';
import { startOpenAiServer, type ScriptedServer } from '../support/openai-server';
import { fillSetup } from '../support/setup-form';
import { connect } from './support/page';

let browser: Browser;
let host: Server;
let hostUrl: string;
let model: ScriptedServer;
/** The embedding pages, by path: each test writes the page it needs. */
const pages = new Map<string, string>();

beforeAll(async () => {
	browser = await connect();
	model = await startOpenAiServer({ script: CHAT, models: ['scripted-coder'] });
	host = createServer((req, res) => {
		const body = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
		if (body === undefined) return void res.writeHead(404).end();
		res.writeHead(200, { 'content-type': 'text/html' }).end(body);
	});
	await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
	// Same machine, another origin: "localhost" is not "127.0.0.1".
	hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await browser?.close();
	await model?.close();
	await new Promise((r) => host?.close(r));
});

const benchtop = () => inject('plainUrl');

async function hostPage(path: string, body: string): Promise<Page> {
	pages.set(path, `<!doctype html><html><head><title>A blog post</title></head><body>${body}</body></html>`);
	const page = await browser.newPage();
	page.on('pageerror', (e) => console.error('[page error]', e.message));
	await page.goto(hostUrl + path);
	return page;
}

async function widgetFrame(page: Page): Promise<Frame> {
	await expect.poll(() => page.frames().some((f) => f.url().includes('/embed/'))).toBe(true);
	const frame = page.frames().find((f) => f.url().includes('/embed/'))!;
	await frame.waitForSelector('section.widget');
	return frame;
}

const passAt1 = (f: Frame) => f.locator('table.passk tr[data-k="1"] td.value').textContent();
const progress = (f: Frame) => f.getByTestId('progress').textContent();

describe('the embed widget', () => {
	it('in an iframe on another origin: classroom with reference solutions, autostarted', async () => {
		const src = `${benchtop()}embed/#benchmark=classroom&count=3&model=reference&autostart=1`;
		const page = await hostPage(
			'/iframe-ref',
			`<h1>My post</h1><iframe src="${src}" width="100%" height="500"></iframe>`,
		);
		const frame = await widgetFrame(page);
		expect(new URL(frame.url()).origin).not.toBe(new URL(page.url()).origin);
		await expect
			.poll(() => frame.getByTestId('setup').textContent())
			.toMatch(/3 problems · reference solutions · n = 1/);
		await expect.poll(() => progress(frame), { timeout: 60_000 }).toMatch(/3 \/ 3 samples · done/);
		expect(await passAt1(frame)).toBe('1.0000');
		// the sample drill-down works inside the frame
		await frame
			.getByRole('cell', { name: /sample 1: passed/ })
			.first()
			.click();
		expect(await frame.locator('section.detail pre').first().textContent()).toBeTruthy();
		await page.close();
	});

	it('in an iframe with a scripted OpenAI-compatible endpoint: Run pressed, exact pass@1', async () => {
		const ids = ['fizzbuzz', 'sum_list', 'largest', 'count_vowels'].map((f) => `Classroom/${f}`).join(',');
		const src = `${benchtop()}embed/#benchmark=classroom&ids=${ids}&endpoint=${encodeURIComponent(model.url)}&model=scripted-coder&n=3&temperature=0.8`;
		const page = await hostPage(
			'/iframe-endpoint',
			`<iframe src="${src}" width="100%" height="600"></iframe>`,
		);
		const frame = await widgetFrame(page);
		const before = model.requests.length;
		// autostart is off by default: nothing is asked until the reader presses Run
		await frame.getByRole('button', { name: 'Run', exact: true }).waitFor();
		expect(model.requests.length).toBe(before);
		await frame.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => progress(frame), { timeout: 90_000 }).toMatch(/12 \/ 12 samples · done/);
		expect(await passAt1(frame)).toBe(PASS_AT_1.toFixed(4));
		expect(model.requests.length - before).toBe(12);
		await page.close();
	});

	it('the app writes the snippet for its current setup, and the snippet works on another origin', async () => {
		const app = await browser.newPage();
		await app.goto(benchtop());
		await fillSetup(app, { benchmark: 'classroom-lua', problems: 2 });
		await app.getByText('Embed this setup in a page').click();
		const iframe = await app.getByLabel('Embed snippet (iframe)').inputValue();
		const element = await app.getByLabel('Embed snippet (custom element)').inputValue();
		expect(iframe).toMatch(
			/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/#benchmark=classroom-lua&amp;count=2&amp;model=reference"/,
		);
		expect(element).toContain(
			'<benchtop-eval benchmark="classroom-lua" count="2" model="reference"></benchtop-eval>',
		);
		await app.close();

		const page = await hostPage('/from-snippet', `<p>Try it:</p>${iframe}${element}`);
		await expect.poll(() => page.frames().filter((f) => f.url().includes('/embed/')).length).toBe(2);
		for (const frame of page.frames().filter((f) => f.url().includes('/embed/'))) {
			await frame.waitForSelector('section.widget');
			await expect
				.poll(() => frame.getByTestId('setup').textContent())
				.toBe('2 problems · reference solutions · n = 1');
			await frame.getByRole('button', { name: 'Run', exact: true }).click();
			await expect.poll(() => progress(frame), { timeout: 60_000 }).toMatch(/2 \/ 2 samples · done/);
			expect(await passAt1(frame)).toBe('1.0000');
		}
		await page.close();
	});

	it('a misconfigured link shows what is wrong and runs nothing', async () => {
		const page = await hostPage(
			'/iframe-bad',
			`<iframe src="${benchtop()}embed/#benchmark=classroom&n=lots&model=x"></iframe><iframe src="${benchtop()}embed/#endpoint=http://localhost:1&model=m&api-key=sk-123"></iframe>`,
		);
		await expect.poll(() => page.frames().filter((f) => f.url().includes('/embed/')).length).toBe(2);
		const [bad, key] = page.frames().filter((f) => f.url().includes('/embed/'));
		await expect
			.poll(() => bad!.getByRole('alert').textContent())
			.toBe(
				'This embed is misconfigured: embed parameter "n": must be an integer from 1 to 100 (got "lots")',
			);
		await expect
			.poll(() => key!.getByRole('alert').textContent())
			.toMatch(/"api-key": API keys are never read/);
		expect(await bad!.getByRole('button', { name: 'Run' }).count()).toBe(0);
		await page.close();
	});
});

describe('the <benchtop-eval> custom element', () => {
	it("the README's example runs as written", async () => {
		const block = /```html\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))![1]!;
		const inline = block.slice(block.indexOf('<benchtop-eval language='));
		const page = await hostPage('/readme', `<script src="${benchtop()}benchtop-eval.js"></script>${inline}`);
		const frame = await widgetFrame(page);
		await expect.poll(() => progress(frame), { timeout: 60_000 }).toMatch(/1 \/ 1 samples · done/);
		expect(await passAt1(frame)).toBe('1.0000');
		await page.close();
	});

	it('on a plain HTML page: inline problems in three languages run in the sandboxes', async () => {
		const el = (attrs: string, problem: string) =>
			`<benchtop-eval ${attrs} model="reference" autostart><benchtop-problem name="double">${problem}</benchtop-problem></benchtop-eval>`;
		const part = (name: string, code: string) =>
			`<script type="text/plain" data-part="${name}">${code}</script>`;
		const page = await hostPage(
			'/element',
			`<script src="${benchtop()}benchtop-eval.js"></script>
			<h1>Three languages</h1>
			${el(
				'language="python" title="Python &lt;b&gt;double&lt;/b&gt;"',
				// written indented inside the HTML, as a blogger would
				part('prompt', '\n        def double(x):\n            """Twice x."""\n') +
					part('tests', '\n        assert double(4) == 8\n        assert double(-1) == -2\n') +
					part('reference', '\n            return 2 * x\n'),
			)}
			${el(
				'language="javascript"',
				part('prompt', 'function double(x) {\n') +
					part('tests', "const assert = require('node:assert');\nassert.deepEqual(double(4), 8);\n") +
					part('reference', '  return 2 * x;\n}\n'),
			)}
			${el(
				'language="lua"',
				part('prompt', 'local function double(x)\n') +
					part('tests', 'assert(double(4) == 8)\n') +
					part('reference', '  return 2 * x\nend\n'),
			)}
			${el(
				'language="python" title="hostile"',
				// a "reference" that reaches for the page: it must fail inside the sandbox
				part('prompt', 'def double(x):\n') +
					part('tests', 'assert double(4) == 8\n') +
					part('reference', '    import js\n    js.parent.document.title = "pwned"\n    return 2 * x\n'),
			)}`,
		);
		await expect.poll(() => page.frames().filter((f) => f.url().includes('/embed/')).length).toBe(4);
		const frames = page.frames().filter((f) => f.url().includes('/embed/'));
		for (const f of frames)
			await expect.poll(() => progress(f), { timeout: 90_000 }).toMatch(/1 \/ 1 samples · done/);
		expect(await Promise.all(frames.slice(0, 3).map(passAt1))).toEqual(['1.0000', '1.0000', '1.0000']);
		expect(await passAt1(frames[3]!)).toBe('0.0000');
		expect(await page.title()).toBe('A blog post');
		// the title is text, not markup
		expect(await frames[0]!.locator('h2').textContent()).toBe('Python <b>double</b>');
		// the frame grew to fit the widget (the only thing the frame tells the page is a height)
		const height = await page
			.locator('benchtop-eval')
			.first()
			.evaluate((e) => e.shadowRoot!.querySelector('iframe')!.getBoundingClientRect().height);
		expect(height).toBeGreaterThan(120);
		await page.close();
	});
});
