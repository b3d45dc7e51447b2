// Opens the headless driver page (or the app) in the shared Chromium and gives typed access to
// window.benchtop; checks a part of a page with axe.
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export async function connect(): Promise<Browser> {
	return chromium.connect(inject('wsEndpoint'));
}

export async function openHarness(browser: Browser, base = inject('baseUrl')): Promise<Page> {
	const page = await browser.newPage();
	page.on('pageerror', (e) => console.error('[page error]', e.message));
	await page.goto(new URL('driver.html', base).href);
	await page.waitForSelector('body[data-ready="true"]');
	return page;
}

/** Registers this file's hooks: connect to the shared Chromium and open the driver page once. */
export function useHarness(): { browser: Browser; page: Page } {
	const h = {} as { browser: Browser; page: Page };
	beforeAll(async () => {
		h.browser = await connect();
		h.page = await openHarness(h.browser);
	});
	afterAll(async () => h.browser?.close());
	return h;
}

/** The app in a fresh context (its own storage), once Set up has its benchmarks. */
export async function openApp(): Promise<Page> {
	const browser = await connect();
	const page = await (await browser.newContext()).newPage();
	page.on('pageerror', (e) => console.error('[page error]', e.message));
	await page.goto(inject('baseUrl'));
	await page.locator('input[name=benchmark]').first().waitFor({ state: 'attached' });
	return page;
}

/** Serious or critical WCAG 2.1 A/AA findings inside `selector`, one line each. */
export async function axeFindings(page: Page, selector: string): Promise<string[]> {
	const axe = await new AxeBuilder({ page: page as never })
		.include(selector)
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return axe.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} (${n.target.join(' ')})`));
}
