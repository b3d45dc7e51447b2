// GGUF generation speed in the page: a model of SmolLM2-135M's shape (30 layers, width 576, 9 heads,
// 49,152-token vocabulary, Q8_0 matrices; random weights written by scripts/gguf/write.ts) loaded
// by wllama in headless Chromium on the CPU. Prompt processing and decoding are timed separately
// (llama.cpp's own timings), with one thread and with every core (the page is cross-origin isolated).
import { mkdtempSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../cli/chromium';
import { serveStatic } from '../cli/serve';
import { SMOLLM2_135M_SHAPE, writeGguf } from '../scripts/gguf/write';
import type { DriverApi } from '../src/driver';

export interface GgufSpeedResult {
	model: string;
	fileMB: number;
	runs: {
		threads: number;
		isolated: boolean;
		loadSeconds: number;
		promptTokensPerSecond: number;
		decodeTokensPerSecond: number;
	}[];
}

export async function ggufSpeed(dist: string): Promise<GgufSpeedResult> {
	const dir = mkdtempSync(join(tmpdir(), 'benchtop-gguf-bench-'));
	const file = join(dir, 'smollm2-135m-shape.gguf');
	writeGguf(file, SMOLLM2_135M_SHAPE);
	const server = await serveStatic(dist, { headers: true, mount: { path: '/__gguf/', dir } });
	const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
	try {
		const page = await browser.newPage();
		await page.goto(`${server.url}driver.html`);
		await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
		const runs = [];
		for (const threads of [...new Set([1, cpus().length])])
			runs.push(
				await page.evaluate(
					async ({ url, threads }) => {
						const bt = (window as unknown as { benchtop: DriverApi }).benchtop;
						const { GgufGenerator } = await bt.gguf();
						const blob = await (await fetch(url)).blob();
						const t0 = performance.now();
						const g = await GgufGenerator.load(
							{ kind: 'file', files: [new File([blob], 'model.gguf')] },
							{ threads, backend: 'cpu', contextLength: 2048 },
						);
						const loadSeconds = (performance.now() - t0) / 1000;
						// a short request warms up; the measured one has a prompt of its own (llama.cpp would
						// otherwise reuse the cached prompt and time one token)
						const texts = [
							'def warm():\n',
							'def add(a, b):\n    """Add two numbers and return the sum."""\n'.repeat(6),
						];
						// (a loop, not a local function: tsx would wrap one in a helper the page lacks)
						let r;
						for (let i = 0; i < 2; i++)
							r = await g.generate({
								prompt: { mode: 'completion', text: texts[i]!, stop: [] },
								sampling: { ...bt.GREEDY, maxTokens: i ? 64 : 4 },
								index: 0,
								taskId: 'bench',
							});
						await g.dispose();
						return {
							threads,
							isolated: crossOriginIsolated,
							loadSeconds,
							promptTokensPerSecond: r!.speed!.promptTokensPerSecond,
							decodeTokensPerSecond: r!.speed!.decodeTokensPerSecond,
						};
					},
					{ url: `${server.url}__gguf/smollm2-135m-shape.gguf`, threads },
				),
			);
		return { model: SMOLLM2_135M_SHAPE.name, fileMB: statSync(file).size / 1e6, runs };
	} finally {
		await browser.close();
		await server.close();
	}
}

if (process.argv[1] === new URL(import.meta.url).pathname)
	console.log(JSON.stringify(await ggufSpeed(new URL('../dist', import.meta.url).pathname), null, 2));
