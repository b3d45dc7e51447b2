// Accessibility: every view of the app, and the embed widget, checked with axe-core in light and dark
// — no serious or critical violation (WCAG 2.x A and AA rules, contrast included) — and every view at
// desktop, tablet and phone widths with nothing scrolling sideways.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fillSetup } from '../support/setup-form';
import { connect } from './support/page';

let page: Page;
beforeAll(async () => {
	page = await (await (await connect()).newContext()).newPage();
	page.on('pageerror', (e) => console.error('[page error]', e.message));
	await page.goto(inject('baseUrl'));
	// two finished runs: Results, Live run, History and Compare have something to show
	for (let i = 0; i < 2; i++) {
		await fillSetup(page, { benchmark: 'classroom', problems: 3 });
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await page.getByRole('region', { name: 'Results' }).waitFor({ timeout: 60_000 });
		await page.getByRole('button', { name: 'Set up', exact: true }).click();
	}
});
afterAll(() => page?.context().close());

/** Serious and critical violations only, each as "rule: what (where)". */
async function violations(p: Page): Promise<string[]> {
	const r = await new AxeBuilder({ page: p as never })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return r.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} (${n.target.join(' ')})`));
}

const views: [string, () => Promise<void>][] = [
	['Set up', async () => void (await page.getByRole('button', { name: 'Set up', exact: true }).click())],
	[
		'Set up with an endpoint and sampling',
		async () => {
			await page.getByLabel('OpenAI-compatible endpoint').check();
		},
	],
	[
		'Set up with a GGUF model',
		async () => {
			await page.getByLabel('In this browser on any machine (GGUF, llama.cpp)').check();
		},
	],
	['Teach', async () => void (await page.getByRole('button', { name: 'Teach', exact: true }).click())],
	[
		'History',
		async () => {
			await page.getByRole('button', { name: 'History', exact: true }).click();
			await page.getByRole('button', { name: 'Open' }).first().waitFor();
		},
	],
	[
		'Results with a sample open',
		async () => {
			await page.getByRole('button', { name: 'Open' }).first().click();
			await page.getByRole('region', { name: 'Results' }).waitFor();
			await page.locator('section.results .cell[data-state="passed"]').first().click();
		},
	],
	['Live run', async () => void (await page.getByRole('button', { name: 'Live run', exact: true }).click())],
	[
		'Compare',
		async () => {
			await page.getByRole('button', { name: 'History', exact: true }).click();
			const boxes = page.getByRole('checkbox', { name: /^Pick / });
			await boxes.nth(0).check();
			await boxes.nth(1).check();
			await page.getByRole('button', { name: 'Compare the selected runs' }).click();
			await page.getByRole('region', { name: 'Compare runs' }).waitFor();
		},
	],
];

describe.each(['light', 'dark'] as const)('axe, %s theme', (theme) => {
	it.each(views)('%s: no serious or critical violation', async (_, open) => {
		await page.locator('select[name=theme]').selectOption(theme);
		await open();
		expect(await violations(page)).toEqual([]);
	});

	it('the embed widget: no serious or critical violation', async () => {
		const widget = await page.context().newPage();
		await widget.emulateMedia({ colorScheme: theme });
		await widget.goto(`${inject('baseUrl')}embed/#benchmark=classroom&count=2&model=reference&autostart=1`);
		await widget.locator('.cell[data-state="passed"]').nth(1).waitFor({ timeout: 60_000 });
		expect(await violations(widget)).toEqual([]);
		await widget.close();
	});
});

describe.each([1366, 768, 390])('at %i px wide', (width) => {
	it.each(views)('%s: nothing scrolls sideways (and at 390 px, axe again)', async (_, open) => {
		await page.setViewportSize({ width, height: 900 });
		await open();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow).toBeLessThanOrEqual(0);
		// at phone width wide tables scroll inside their box: still reachable by keyboard
		if (width === 390) expect(await violations(page)).toEqual([]);
	});
});
