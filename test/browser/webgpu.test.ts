// WebGPU as headless Chromium really has it: no adapter without flags (the clear "no GPU adapter"
// message, the endpoint offered), SwiftShader's software adapter with --enable-unsafe-webgpu
// (detected as such, q4f32_1 chosen, slowness flagged), and a self-hosted model whose files are
// missing failing with a clear error instead of hanging.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_FLAGS, findChromium } from '../../cli/chromium';
import type { DriverApi } from '../../src/driver';

declare const window: { benchtop: DriverApi };
const browsers: Browser[] = [];
afterAll(async () => Promise.all(browsers.map((b) => b.close())));

async function page(flags: string[], base = inject('baseUrl')): Promise<Page> {
	const b = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS, ...flags] });
	browsers.push(b);
	const p = await b.newPage();
	await p.goto(new URL('driver.html', base).href);
	await p.waitForSelector('body[data-ready="true"]');
	return p;
}

const check = (p: Page) =>
	p.evaluate(async () => {
		const bt = window.benchtop;
		const facts = await bt.gpu.probe();
		const qwen = (await bt.catalog()).find((m) => m.family === 'Qwen2.5-Coder-0.5B-Instruct');
		return { facts, verdict: bt.gpu.assess(facts, qwen) };
	});

describe('WebGPU capability check in headless Chromium', () => {
	it('without WebGPU flags: no adapter, said plainly, with the endpoint offered', async () => {
		const { facts, verdict } = await check(await page([]));
		expect(facts).toMatchObject({ secureContext: true, hasWebGpu: true, adapter: null });
		expect(verdict.ok).toBe(false);
		expect(verdict.findings[0]!.message).toMatch(/^No GPU adapter/);
		expect(verdict.findings[0]!.action).toMatch(/OpenAI-compatible endpoint/);
	});

	it('with --enable-unsafe-webgpu: the software adapter is detected, q4f32_1 chosen, slowness flagged', async () => {
		const { facts, verdict } = await check(await page(['--enable-unsafe-webgpu']));
		expect(facts.adapter).toMatchObject({ isFallbackAdapter: true });
		expect(facts.adapter!.features).not.toContain('shader-f16');
		expect(verdict).toMatchObject({ ok: true, quant: 'q4f32_1' });
		expect(verdict.findings.map((f) => f.message).join('\n')).toMatch(/software renderer.*very slowly/);
	});

	/** Loads a model whose files are not where its record says, from the harness at `base`. */
	const loadMissing = async (base: string) => {
		const p = await page(['--enable-unsafe-webgpu'], base);
		const started = Date.now();
		const e = await p.evaluate(async () => {
			const { WebLlmGenerator } = await window.benchtop.webllm();
			const base = new URL('models/', location.href).href;
			const id = 'Missing-Coder-q4f32_1-MLC';
			try {
				await WebLlmGenerator.load(id, {
					appConfig: { model_list: [{ model: base + id, model_id: id, model_lib: base + 'missing.wasm' }] },
					stallMs: 30_000,
				});
				return null;
			} catch (err) {
				const g = err as { name: string; kind: string; message: string; action: string };
				return { name: g.name, kind: g.kind, message: g.message, action: g.action };
			}
		});
		expect(Date.now() - started).toBeLessThan(30_000);
		expect(e).toMatchObject({ name: 'GenerationError', kind: 'network' });
		return e!;
	};

	it('a self-hosted model with missing files (404) fails with a clear error, not a hang', async () => {
		const e = await loadMissing(inject('plainUrl'));
		expect(e.message).toMatch(
			/Could not download the model files.*Missing-Coder-q4f32_1-MLC from http:\/\/127\.0\.0\.1:\d+\/models\//,
		);
		expect(e.action).toMatch(/every file is at its URL/);
	});

	it('a host that answers missing files with its index page: said so, not a JSON error', async () => {
		const e = await loadMissing(inject('baseUrl'));
		expect(e.message).toMatch(/The model files are not at their URL \(the server answered with a web page\)/);
		expect(e.message).toMatch(/Missing-Coder-q4f32_1-MLC from http:\/\/127\.0\.0\.1:\d+\/models\//);
	});
});
