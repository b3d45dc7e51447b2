// A model generating tokens inside the page: a tiny llama GGUF with deterministic random weights
// (written by scripts/gguf/write.ts — nothing downloaded) is picked through Set up's file picker and
// run by wllama (llama.cpp in WebAssembly) on the CPU. Its text is gibberish, so every sample fails —
// what is checked is the path: tokens stream, samples are extracted, executed and stored, Results
// shows them, and the same seed gives the same text again.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TINY, writeGguf } from '../../scripts/gguf/write';
import { benchtopCli as benchtop } from '../support/cli';
import { connect } from './support/page';
import { openAdvancedSampling } from '../support/setup-form';

const dir = mkdtempSync(join(tmpdir(), 'benchtop-gguf-ui-'));
const model = join(dir, 'tiny-llama.gguf');
let page: Page;

beforeAll(async () => {
	writeGguf(model, TINY);
	const browser = await connect();
	page = await (await browser.newContext({ acceptDownloads: true })).newPage();
	page.on('pageerror', (e) => console.error('[page error]', e.message));
	await page.goto(inject('baseUrl'));
	await page.locator('input[name=benchmark]').first().waitFor({ state: 'attached' });
});
afterAll(() => page?.context().close());

/** Raw text of every sample of the run on screen, from its human-eval export. */
async function rawTexts(): Promise<string[]> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export human-eval results (JSONL)' }).click(),
	]);
	const file = join(dir, `${Date.now()}-${download.suggestedFilename()}`);
	await download.saveAs(file);
	return readFileSync(file, 'utf8')
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l).raw as string);
}

async function runOnce(): Promise<string[]> {
	await page.getByRole('button', { name: 'Set up', exact: true }).click();
	// tokens stream into the sample being written: seen by an observer set up before Run
	await page.evaluate(() => {
		const w = window as unknown as { streamed?: Promise<string> };
		w.streamed = new Promise((resolve) => {
			const seen = () => {
				const text = document.querySelector('pre.stream')?.textContent ?? '';
				if (!text) return;
				observer.disconnect();
				resolve(text);
			};
			const observer = new MutationObserver(seen);
			observer.observe(document.body, { subtree: true, childList: true, characterData: true });
		});
	});
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	// the model is loaded into the page first (wllama's wasm compiled, the file read)
	await page.getByRole('region', { name: 'Live run' }).waitFor({ timeout: 120_000 });
	const streamed = await page.evaluate(() => (window as unknown as { streamed: Promise<string> }).streamed);
	expect(streamed.length).toBeGreaterThan(0);
	await page.getByRole('region', { name: 'Results' }).waitFor({ timeout: 180_000 });
	const states = await page
		.locator('section.results .cell')
		.evaluateAll((cs) => cs.map((c) => c.getAttribute('data-state')));
	expect(states).toHaveLength(4);
	// every sample was extracted, executed and given a verdict
	for (const s of states) expect(['passed', 'failed', 'timeout', 'error']).toContain(s);
	return rawTexts();
}

describe('a GGUF model in the page (wllama, CPU)', () => {
	it('picked from disk, it runs a classroom eval end to end; the same seed gives the same text', async () => {
		await page.locator('input[name=benchmark][value="classroom"]').check();
		await page.locator('select[name=subset]').selectOption('first');
		await page.getByLabel('N', { exact: true }).fill('2');
		await page.getByLabel('In this browser on any machine (GGUF, llama.cpp)').check();
		await page.getByLabel('From this computer').check();
		expect(await page.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(true);
		await page.getByLabel('Model file (.gguf)').setInputFiles(model);
		await expect
			.poll(() => page.getByTestId('gguf-file').textContent())
			.toMatch(/benchtop-tiny-llama: llama · 2 layers · 0\.4 MB · has a chat template/);
		expect(await page.getByTestId('gguf-engine').textContent()).toMatch(
			/wllama runs the model with llama\.cpp/,
		);
		await page.getByLabel('Samples per problem (n)').fill('2');
		await openAdvancedSampling(page);
		await page.getByLabel('Temperature').fill('0.8');
		await page.getByLabel('Max tokens').fill('48');
		await page.locator('input[name=seed]').fill('3');
		await expect.poll(() => page.getByLabel('Prompt preview').textContent()).toContain('instruct v1');

		const first = await runOnce();
		expect(first).toHaveLength(4);
		for (const t of first) expect(t.length).toBeGreaterThan(0);
		// sample i uses seed + i: two samples of a problem differ
		expect(first[0]).not.toBe(first[1]);
		const record = JSON.parse((await page.getByTestId('record').locator('pre').textContent())!);
		expect(record.model).toMatchObject({ kind: 'gguf', model: 'benchtop-tiny-llama', chat: true });

		const second = await runOnce();
		expect(second).toEqual(first);
	});

	it('a file that is not GGUF is refused with what to pick instead', async () => {
		await page.getByRole('button', { name: 'Set up', exact: true }).click();
		await page.getByLabel('Model file (.gguf)').setInputFiles({
			name: 'weights.safetensors',
			mimeType: 'application/octet-stream',
			buffer: Buffer.from('{"__metadata__":{}}'.padEnd(64, ' ')),
		});
		await expect
			.poll(() => page.getByRole('alert').first().textContent())
			.toMatch(/weights\.safetensors is not a GGUF file .* pick the \.gguf file/);
		expect(await page.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(true);
	});
});

describe('benchtop run --gguf', () => {
	const run = (out: string, ...extra: string[]) =>
		benchtop(
			'run',
			'--benchmark',
			'classroom',
			'--gguf',
			model,
			'--limit',
			'2',
			'--n',
			'2',
			'--temperature',
			'0.8',
			'--seed',
			'5',
			'--max-tokens',
			'32',
			'--out',
			out,
			'--summary',
			`${out}.summary.json`,
			...extra,
		);
	const raws = (file: string) =>
		readFileSync(file, 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l).raw as string);

	it('runs the same path headless on the CPU, and the same seed writes the same text', async () => {
		const a = join(dir, 'a.jsonl');
		const b = join(dir, 'b.jsonl');
		const first = await run(a);
		expect(first.code, first.stderr).toBe(0);
		expect(first.stdout).toMatch(/samples {5}4 \(generated by gguf benchtop-tiny-llama\)/);
		const second = await run(b);
		expect(second.code, second.stderr).toBe(0);
		expect(raws(a)).toHaveLength(4);
		expect(raws(a).every((t) => t.length > 0)).toBe(true);
		expect(raws(b)).toEqual(raws(a));
		// the record names the model file, not the local server it was read through
		const summary = JSON.parse(readFileSync(`${a}.summary.json`, 'utf8'));
		expect(summary.config.generation.generator).toMatchObject({
			kind: 'gguf',
			model: 'benchtop-tiny-llama',
			source: model,
		});
		// what the live engine said of itself: version, threads, how chats were formatted
		expect(summary.config.generation.generator.engine).toMatch(
			/^wllama 3\.13\.0 \(llama\.cpp .+, \d threads?, prompts: model's chat template\)$/,
		);
	});

	it('a model without a chat template is asked in ChatML, and the record says so', async () => {
		const plain = join(dir, 'no-template.gguf');
		writeGguf(plain, { ...TINY, chatTemplate: undefined });
		const out = join(dir, 'plain.jsonl');
		const r = await benchtop(
			'run',
			'--benchmark',
			'classroom',
			'--gguf',
			plain,
			'--api',
			'chat',
			'--limit',
			'1',
			// sampled: greedy decoding of random weights can repeat a token that prints nothing
			'--temperature',
			'0.8',
			'--max-tokens',
			'16',
			'--out',
			out,
			'--summary',
			`${out}.summary.json`,
		);
		expect(r.code, r.stderr).toBe(0);
		const summary = JSON.parse(readFileSync(`${out}.summary.json`, 'utf8'));
		expect(summary.config.generation.template.name).toBe('instruct');
		expect(summary.config.generation.generator.engine).toMatch(
			/prompts: chatml \(the model file has no chat template\)\)$/,
		);
		expect(raws(out)[0]!.length).toBeGreaterThan(0);
	});

	it('a file that is not GGUF, or no file, is a clear error', async () => {
		const notGguf = join(dir, 'notes.gguf');
		writeFileSync(notGguf, 'hello, these are notes');
		const bad = await benchtop('run', '--benchmark', 'classroom', '--gguf', notGguf);
		expect(bad.code).not.toBe(0);
		expect(bad.stderr).toContain(
			`benchtop: ${notGguf} is not a GGUF file (it starts with "hell", not "GGUF")`,
		);
		const missing = await benchtop('run', '--benchmark', 'classroom', '--gguf', join(dir, 'none.gguf'));
		expect(missing.stderr).toContain(`benchtop: --gguf: no file ${join(dir, 'none.gguf')}`);
	});
});
