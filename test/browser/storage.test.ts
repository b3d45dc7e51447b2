// When the browser's storage fails — private mode, a full quota, an older tab holding the database —
// the app says so in plain words, the run still completes in memory, and its results still export.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fillSetup } from '../support/setup-form';
import { connect } from './support/page';
import type { Browser } from 'playwright-core';

let browser: Browser;
beforeAll(async () => void (browser = await connect()));
afterAll(async () => browser?.close());

const passAt1 = (page: Page) =>
	page.locator('section.results table.passk tr[data-k="1"] td.value').textContent();

/** A reference run of three classroom problems, then a Benchtop JSON export of it. */
async function runAndExport(page: Page) {
	await fillSetup(page, { benchmark: 'classroom', problems: 3 });
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect.poll(() => passAt1(page), { timeout: 60_000 }).toBe('1.0000');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export Benchtop JSON' }).click(),
	]);
	expect(download.suggestedFilename()).toMatch(/\.benchtop\.json$/);
}

async function open(init?: () => void): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	if (init) await page.addInitScript(init);
	await page.goto(inject('baseUrl'));
	return page;
}

describe('storage failures', () => {
	it('no IndexedDB (private mode): said so; the run completes in memory and exports', async () => {
		const page = await open(() => {
			IDBFactory.prototype.open = () => {
				throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
			};
		});
		await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/private mode\?/);
		await runAndExport(page);
		await page.context().close();
	});

	it('quota exceeded while the run writes its samples: said so, the run completes, results export', async () => {
		const page = await open(() => {
			const put = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
				if (this.name === 'samples') throw new DOMException('Quota exceeded', 'QuotaExceededError');
				return put.apply(this, args);
			};
		});
		await runAndExport(page);
		expect(await page.locator('section.results').getByRole('status').first().textContent()).toMatch(
			/storage quota exceeded.*can still be exported/,
		);
		await page.context().close();
	});

	it('an older tab holding the database: said so instead of waiting, and runs work in memory', async () => {
		const context = await browser.newContext();
		const old = await context.newPage();
		await old.goto(new URL('driver.html', inject('baseUrl')).href);
		// An older Benchtop: the database at version 1, kept open, deaf to upgrade requests.
		await old.evaluate(
			() =>
				new Promise<void>((resolve) => {
					const r = indexedDB.open('benchtop', 1);
					r.onsuccess = () => {
						(window as unknown as { held: IDBDatabase }).held = r.result;
						resolve();
					};
				}),
		);
		const page = await context.newPage();
		await page.goto(inject('baseUrl'));
		await expect
			.poll(() => page.getByRole('status').first().textContent())
			.toMatch(/another tab with an older Benchtop holds the database/);
		await runAndExport(page);
		await context.close();
	});
});

describe('small screens, keyboards, themes', () => {
	it('at phone width nothing scrolls sideways, a run starts and opens from the keyboard, and the theme can be chosen', async () => {
		const page = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
		await page.goto(inject('baseUrl'));
		await fillSetup(page, { benchmark: 'classroom-lua', problems: 2 });
		const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(await overflow()).toBeLessThanOrEqual(0);
		// Tab to Run and press Enter, as someone without a mouse would.
		const run = page.getByRole('button', { name: 'Run', exact: true });
		for (let i = 0; i < 200 && !(await run.evaluate((b) => b === document.activeElement)); i++)
			await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect.poll(() => passAt1(page), { timeout: 60_000 }).toBe('1.0000');
		expect(await overflow()).toBeLessThanOrEqual(0);
		// a sample opens from the keyboard too
		await page.locator('section.results .cell[data-state="passed"]').first().focus();
		await page.keyboard.press('Enter');
		await page.getByRole('region', { name: /^Sample / }).waitFor();
		// an explicit dark theme, whatever the system says, remembered on reload
		const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(await background()).toBe('rgb(255, 255, 255)');
		await page.locator('select[name=theme]').selectOption('dark');
		expect(await background()).toBe('rgb(13, 17, 23)');
		await page.reload();
		await page.locator('select[name=theme]').waitFor();
		expect(await background()).toBe('rgb(13, 17, 23)');
		await page.context().close();
	});
});
