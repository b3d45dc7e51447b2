// Fills the app's Set up form the way a person does — for the UI tests, the screenshots and the
// responsiveness bench.
import type { Page } from 'playwright-core';

export interface FormRun {
	benchmark: string;
	/** The first N problems, or all of them. */
	problems: number | 'all';
	/** An OpenAI-compatible server, or the reference solutions when absent. */
	endpoint?: { url: string; model: string };
	n?: number;
	temperature?: number;
	/** Set up → Advanced: "Use every core". */
	allCores?: boolean;
}

export async function fillSetup(page: Page, o: FormRun): Promise<void> {
	await page.locator(`input[name=benchmark][value="${o.benchmark}"]`).check();
	if (o.problems === 'all') await page.locator('select[name=subset]').selectOption('all');
	else {
		await page.locator('select[name=subset]').selectOption('first');
		await page.getByLabel('N', { exact: true }).fill(String(o.problems));
	}
	if (o.allCores !== undefined) {
		const box = page.locator('details.advanced', { has: page.locator('input[name=all-cores]') });
		if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
		await page.locator('input[name=all-cores]').setChecked(o.allCores);
	}
	if (!o.endpoint) return void (await page.getByLabel('Reference solutions').check());
	await page.getByLabel('OpenAI-compatible endpoint').check();
	await page.getByLabel('Base URL').fill(o.endpoint.url);
	await page.getByLabel('Model', { exact: true }).fill(o.endpoint.model);
	if (o.n !== undefined) await page.getByLabel('Samples per problem (n)').fill(String(o.n));
	if (o.temperature !== undefined) {
		await openAdvancedSampling(page);
		await page.getByLabel('Temperature').fill(String(o.temperature));
	}
}

/** Temperature, top_p, max tokens, seed and template sit under "Advanced" in the Sampling section. */
export async function openAdvancedSampling(page: Page): Promise<void> {
	const box = page.getByTestId('advanced-sampling');
	if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
}
