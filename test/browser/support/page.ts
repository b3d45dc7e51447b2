// Opens the headless driver page in the shared Chromium and gives typed access to window.benchtop.
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export async function connect(): Promise<Browser> {
	return chromium.connect(inject('wsEndpoint'));
}

export async function openHarness(browser: Browser, base = inject('baseUrl')): Promise<Page> {
	const page = await browser.newPage();
	page.on('pageerror', (e) => console.error('[page error]', e.message));
	await page.goto(new URL('harness.html', base).href);
	await page.waitForSelector('body[data-ready="true"]');
	return page;
}
