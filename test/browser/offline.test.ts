// The built site as a static host serves it: under a sub-path, from a plain file server with no
// headers. After the first visit the service worker has the app and its runtimes; with the server
// gone and the browser offline, a reload still opens the app, which still runs an eval — and so
// does the embed page.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../cli/serve';
import { fillSetup } from '../support/setup-form';
import { connect } from './support/page';

let server: StaticServer | undefined;
let context: BrowserContext;
let page: Page;
let site: string;

beforeAll(async () => {
	server = await serveStatic('dist', { prefix: '/projects/benchtop/' });
	site = new URL('/projects/benchtop/', server.url).href;
	context = await (await connect()).newContext();
	page = await context.newPage();
	page.on('pageerror', (e) => console.error('[page error]', e.message));
});
afterAll(async () => {
	await context?.browser()?.close();
	await server?.close();
});

const passAt1 = () => page.locator('section.results table.passk tr[data-k="1"] td.value').textContent();

describe('offline, under a sub-path, from a plain static host', () => {
	it('the first visit installs the service worker with everything precached', async () => {
		await page.goto(site);
		await page.locator('input[name=benchmark]').first().waitFor({ state: 'attached' });
		const sw = await page.evaluate(async () => {
			const reg = await navigator.serviceWorker.ready;
			// Activated means the install step — caching the app and runtimes — is complete.
			while (reg.active?.state !== 'activated') await new Promise((r) => setTimeout(r, 100));
			while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 100));
			const keys = await caches.keys();
			let entries = 0;
			for (const k of keys) entries += (await (await caches.open(k)).keys()).length;
			return { scope: reg.scope, isolated: crossOriginIsolated, entries };
		});
		expect(sw.scope).toBe(site);
		// a plain static host sends no isolation headers: timeouts work by terminating workers
		expect(sw.isolated).toBe(false);
		expect(sw.entries).toBeGreaterThan(50);
	});

	it('with the server gone and the browser offline, a reload opens the app and it runs an eval', async () => {
		await server!.close();
		server = undefined;
		await context.setOffline(true);
		await page.reload();
		await fillSetup(page, { benchmark: 'classroom', problems: 3 });
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(passAt1, { timeout: 90_000 }).toBe('1.0000');
		expect(await page.locator('section.results .cell[data-state="passed"]').count()).toBe(3);
	});

	it('the embed page works offline too, whatever its parameters', async () => {
		await page.goto(`${site}embed/?benchmark=classroom-lua&count=2#autostart=1`);
		await expect
			.poll(() => page.getByTestId('progress').textContent(), { timeout: 60_000 })
			.toMatch(/2 \/ 2 samples · done/);
		expect(await page.locator('table.passk tr[data-k="1"] td.value').textContent()).toBe('1.0000');
	});
});
