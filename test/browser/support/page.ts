// Opens the headless driver page in the shared Chromium and gives typed access to window.benchtop.
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
