// Self-repair and reranking through the app's UI, against the scripted OpenAI-compatible server:
// the settings in Set up, the grid marking repaired samples, the Results panels with their charts,
// the chain still there after a reload, and the sample × test matrix.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairReply, rerankReply } from '../fixtures/self-improve';
import { startOpenAiServer, type ScriptedServer } from '../support/openai-server';
import { fillSetup } from '../support/setup-form';
import { axeFindings, openApp } from './support/page';

let repairing: ScriptedServer;
let reranking: ScriptedServer;
beforeAll(async () => {
	repairing = await startOpenAiServer({ models: ['m'], script: {}, respond: repairReply });
	reranking = await startOpenAiServer({ models: ['m'], script: {}, respond: rerankReply });
});
afterAll(() => Promise.all([repairing?.close(), reranking?.close()]));

const results = (page: Page) => page.locator('section.results');

describe('beyond one-shot pass@k in the app', () => {
	it('a repair run: rounds in Set up, the repaired sample marked, pass@1 per round charted, the chain kept across a reload', async () => {
		const page = await openApp();
		await fillSetup(page, {
			benchmark: 'classroom',
			problems: 2,
			endpoint: { url: repairing.url, model: 'm' },
			n: 1,
		});
		await page.getByLabel('Self-repair rounds').fill('2');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		const panel = page.getByTestId('repair-panel');
		await panel.waitFor({ timeout: 90_000 });
		await expect
			.poll(() => panel.getByTestId('repair-round-row').allTextContents(), { timeout: 60_000 })
			.toEqual([
				expect.stringMatching(/^0 \(first answer\)0\.0%/),
				expect.stringMatching(/^150\.0%.*\+50\.0%/),
				expect.stringMatching(/^250\.0%.*\+0\.0%/),
			]);
		expect(await panel.getByTestId('repair-by-kind').textContent()).toMatch(
			/assertion 1 of 1, exception 0 of 1/,
		);
		await expect
			.poll(() => panel.getByTestId('repair-chart').locator('svg[role=img]').getAttribute('aria-label'))
			.toMatch(/^pass@1 against repair round: round 0 0\.0%, round 1 50\.0%, round 2 50\.0%$/);
		await panel.getByTestId('repair-tokens-chart').locator('svg[role=img]').waitFor();
		// the cell keeps the first answer's verdict (pass@k is one-shot) and says what repair did
		const grid = results(page).locator('.grid');
		const fizz = grid.getByRole('cell', {
			name: /^Classroom\/fizzbuzz sample 1: failed; fixed in repair round 1$/,
		});
		expect(await fizz.getAttribute('data-repairs')).toBe('1');
		expect(
			await grid
				.getByRole('cell', { name: /^Classroom\/sum_list sample 1: failed; 2 repair rounds, still failing$/ })
				.count(),
		).toBe(1);
		expect(await axeFindings(page, '[data-testid=repair-panel]')).toEqual([]);
		// the Live view counts the chains: one of two failing first answers fixed, three rounds written
		await page.getByRole('button', { name: 'Live run', exact: true }).click();
		expect(await page.getByTestId('repair-live').textContent()).toMatch(
			/^\s*Self-repair: 1 of 2 failing samples fixed so far\s+\(3 rounds written, up to 2 each\)\s*$/,
		);
		// after a reload the stored run shows the same chain, feedback and all
		await page.reload();
		await page.getByRole('button', { name: 'History' }).click();
		await page.locator('tr[data-run]').first().getByRole('button', { name: 'Open' }).click();
		await results(page)
			.locator('.grid')
			.getByRole('cell', { name: /^Classroom\/fizzbuzz sample 1/ })
			.click();
		const chain = page.getByTestId('repair-chain');
		await chain.waitFor();
		expect(await chain.getByTestId('repair-round').count()).toBe(1);
		expect(await chain.getByTestId('repair-round').first().textContent()).toMatch(/Round 1 · ✔ passed/);
		expect(await chain.getByTestId('feedback').textContent()).toContain(
			'This test failed:\nassert candidate(3) == "Fizz"',
		);
		expect(await axeFindings(page, '[data-testid=repair-chain]')).toEqual([]);
		await page.context().close();
	});

	it('a reranking run: the model writes tests, the rankers pick, the matrix shows which tests were right', async () => {
		const page = await openApp();
		await fillSetup(page, {
			benchmark: 'classroom',
			problems: 1,
			endpoint: { url: reranking.url, model: 'm' },
			n: 6,
			temperature: 0.8,
		});
		await page.getByLabel('Tests the model writes per problem').fill('3');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		const panel = page.getByTestId('rerank-panel');
		await panel.waitFor({ timeout: 90_000 });
		const cell = (ranker: string) => panel.locator(`tr[data-ranker="${ranker}"] td`).first();
		await expect
			.poll(() => page.getByTestId('tests-right').textContent(), { timeout: 60_000 })
			.toMatch(/Of the 4 tests the model wrote, the reference solution passes 3/);
		expect(await cell('b4').textContent()).toMatch(/^100\.0%/);
		expect(await cell('maxpass').textContent()).toMatch(/^100\.0%/);
		expect(await cell('codet').textContent()).toMatch(/^0\.0%/);
		expect(await cell('random').textContent()).toMatch(/^33\.3%/);
		const matrix = panel.getByTestId('test-matrix');
		await matrix.locator('summary').click();
		expect(await matrix.locator('summary').textContent()).toBe('Classroom/fizzbuzz: 4 tests, 3 right');
		expect(await matrix.locator('ol.tests li').allTextContents()).toEqual([
			expect.stringMatching(/assert fizzbuzz\(3\) == "Fizz"\s*× 2\s*right/),
			expect.stringMatching(/assert fizzbuzz\(5\) == "Buzz"\s*right/),
			expect.stringMatching(/assert fizzbuzz\(15\) == "FizzBuzz"\s*right/),
			expect.stringMatching(/assert fizzbuzz\(7\) == 7\s*× 2\s*wrong/),
		]);
		const rows = await matrix.locator('table.matrix tbody tr').evaluateAll((trs) =>
			trs.map((tr) =>
				[...tr.children]
					.map((c) => c.textContent!.trim())
					.join(' ')
					.trim(),
			),
		);
		expect(rows).toEqual([
			'#1 passed ✓ ✓ ✓ · b4, maxpass',
			'#2 passed ✓ ✓ ✓ · b4, maxpass',
			'#3 failed ✓ · · ✓ codet, codet-paper',
			'#4 failed ✓ · · ✓ codet, codet-paper',
			'#5 failed ✓ · · ✓ codet, codet-paper',
			'#6 failed · · · ·',
		]);
		expect(await axeFindings(page, '[data-testid=rerank-panel]')).toEqual([]);
		await page.context().close();
	});
});
