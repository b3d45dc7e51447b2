// Share links, end to end: a run made in one browser profile, opened from its link in another,
// verified there; a link whose claims were changed is caught by verify; a damaged link gets a clear
// error. A run too large for a link travels as a file and verifies the same way.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeShare, encodeShare } from '../../src/lib/formats/share-link';
import type { Benchmark } from '../../src/lib/benchmarks/types';
import { fence } from '../fixtures/scripted-replies';
import { functionAsked, startOpenAiServer } from '../support/openai-server';
import { fillSetup } from '../support/setup-form';
import { connect } from './support/page';

let browser: Browser;
beforeAll(async () => void (browser = await connect()));
afterAll(async () => browser?.close());

/** A fresh profile: no History, nothing cached — another reader on another machine. */
async function freshPage(url = inject('baseUrl')): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	page.on('pageerror', (e) => console.error('[page error]', e.message));
	await page.goto(url);
	return page;
}

const passAt1 = (page: Page) =>
	page.locator('section.results table.passk tr[data-k="1"] td.value').textContent();
const verifyStatus = (page: Page) => page.getByTestId('verify-status').textContent();

describe('share links', () => {
	let link: string;

	it('a finished run gives a link; another profile opens it and verify agrees with every verdict', async () => {
		const page = await freshPage();
		await fillSetup(page, { benchmark: 'classroom-js', problems: 4 });
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => passAt1(page), { timeout: 60_000 }).toBe('1.0000');
		await page.getByRole('button', { name: 'Copy share link' }).click();
		link = (await page.getByLabel('Share link').inputValue()) ?? '';
		expect(link).toMatch(/#share=1\.[\w-]+$/);
		await page.context().close();

		const reader = await freshPage(link);
		await reader.getByTestId('shared').waitFor();
		expect(await passAt1(reader)).toBe('1.0000');
		expect(await reader.locator('section.results .cell[data-state="passed"]').count()).toBe(4);
		await reader.getByRole('button', { name: 'Verify in this browser' }).click();
		await expect
			.poll(() => verifyStatus(reader), { timeout: 60_000 })
			.toBe('All 4 verdicts agree with this browser.');
		// keeping it puts it in History
		await reader.getByRole('button', { name: 'Keep in History' }).click();
		await reader.getByRole('button', { name: 'History', exact: true }).click();
		await expect
			.poll(() => reader.getByRole('textbox', { name: 'Run name' }).first().inputValue())
			.toContain('Classroom (JavaScript)');
		await reader.context().close();
	});

	it('a link whose verdicts were changed: verify flags exactly the changed ones', async () => {
		const { meta, samples } = await decodeShare(new URL(link).hash);
		samples[1] = { ...samples[1]!, result: { ...samples[1]!.result, status: 'failed' } };
		// and a wrong solution claimed to pass
		samples[2] = { ...samples[2]!, code: '  return null;\n}\n' };
		const forged = `${link.split('#')[0]}#${await encodeShare(meta, samples)}`;
		const reader = await freshPage(forged);
		await reader.getByTestId('shared').waitFor();
		expect(await passAt1(reader)).toBe('0.7500');
		await reader.getByRole('button', { name: 'Verify in this browser' }).click();
		await expect
			.poll(() => verifyStatus(reader), { timeout: 60_000 })
			.toBe('2 of 4 verdicts differ in this browser.');
		const rows = await reader
			.getByRole('table', { name: 'Verdicts that differ' })
			.locator('tbody tr')
			.allInnerTexts();
		expect(rows).toHaveLength(2);
		// one claimed a failure that passes here, one claimed a pass for code that fails here
		expect(rows.some((r) => /#1\s+✘ failed\s+✔ passed/.test(r))).toBe(true);
		expect(
			rows.some((r) => /#1\s+✔ passed\s+✘ failed — Expected values to be loosely deep-equal/.test(r)),
		).toBe(true);
		await reader.context().close();
	});

	it('a damaged link shows what is wrong', async () => {
		const reader = await freshPage(link.slice(0, -40));
		await expect
			.poll(() => reader.getByRole('alert').first().textContent())
			.toMatch(/This link (is damaged|does not hold a valid run)/);
		await reader.context().close();
	});

	it('a run too large for a link is shared as a file, opened and verified', async () => {
		// A chatty model: every reply carries 3 KB of noise around the right code, 40 samples.
		const bench = JSON.parse(readFileSync('public/benchmarks/classroom.json', 'utf8')) as Benchmark;
		const script = Object.fromEntries(
			bench.problems.map((p) => [
				functionAsked(p.prompt),
				[0, 1].map(() => ({
					text: `Sure! ${randomBytes(2300).toString('base64')}\n${fence(p.prompt + p.reference)}`,
				})),
			]),
		);
		const chatty = await startOpenAiServer({ script, models: ['chatty'] });
		try {
			const page = await freshPage();
			await fillSetup(page, {
				benchmark: 'classroom',
				problems: 20,
				endpoint: { url: chatty.url, model: 'chatty' },
				n: 2,
				temperature: 0.8,
			});
			await page.getByRole('button', { name: 'Run', exact: true }).click();
			await expect.poll(() => passAt1(page), { timeout: 120_000 }).toBe('1.0000');
			await page.getByRole('button', { name: 'Copy share link' }).click();
			await expect
				.poll(() => page.getByRole('status').last().textContent())
				.toMatch(/too long to paste anywhere/);
			expect(await page.getByLabel('Share link').count()).toBe(0);
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name: 'Download run file' }).click(),
			]);
			const saved = join(mkdtempSync(join(tmpdir(), 'benchtop-share-')), download.suggestedFilename());
			await download.saveAs(saved);
			const file = readFileSync(saved);
			await page.context().close();

			const reader = await freshPage();
			await reader.getByRole('button', { name: 'History', exact: true }).click();
			await reader.getByLabel('Import a run file').setInputFiles({
				name: 'shared.benchtop-run.json',
				mimeType: 'application/json',
				buffer: file,
			});
			await reader.getByRole('button', { name: 'Open', exact: true }).first().click();
			await expect.poll(() => passAt1(reader)).toBe('1.0000');
			await reader.getByRole('button', { name: 'Verify in this browser' }).click();
			await expect
				.poll(() => verifyStatus(reader), { timeout: 120_000 })
				.toBe('All 40 verdicts agree with this browser.');
			await reader.context().close();
		} finally {
			await chatty.close();
		}
	});
});
