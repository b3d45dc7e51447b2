// Teaching with it: in front of a class, write a new problem in each language in the editor, check
// its tests with a reference solution, then ask the model (a scripted OpenAI-compatible server)
// and watch the attempts pass and fail.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Language } from '../../src/lib/core/ids';
import { startOpenAiServer, type ScriptedServer } from '../support/openai-server';
import { connect } from './support/page';

const PROBLEMS: Record<
	Language,
	{
		name: string;
		prompt: string;
		tests: string;
		reference: string;
		wrongReference: string;
		replies: string[];
	}
> = {
	python: {
		name: 'triple_py',
		prompt: 'def triple_py(x):\n    """Return three times x."""\n',
		tests: 'assert triple_py(3) == 9\nassert triple_py(0) == 0\n',
		reference: '    return 3 * x\n',
		wrongReference: '    return x\n',
		replies: [
			'```python\ndef triple_py(x):\n    return 3 * x\n```',
			'```python\ndef triple_py(x):\n    return x + x\n```',
		],
	},
	javascript: {
		name: 'tripleJs',
		prompt: '// Return three times x.\nfunction tripleJs(x) {\n',
		tests: "const assert = require('node:assert');\nassert.deepEqual(tripleJs(3), 9);\n",
		reference: '  return 3 * x;\n}\n',
		wrongReference: '  return x;\n}\n',
		replies: [
			'```js\nfunction tripleJs(x) {\n  return 3 * x;\n}\n```',
			'```js\nfunction tripleJs(x) {\n  return x;\n}\n```',
		],
	},
	lua: {
		name: 'triple_lua',
		prompt: '-- Return three times x.\nlocal function triple_lua(x)\n',
		tests: 'assert(triple_lua(3) == 9)\nassert(triple_lua(0) == 0)\n',
		reference: '  return 3 * x\nend\n',
		wrongReference: '  return x\nend\n',
		replies: [
			'```lua\nlocal function triple_lua(x)\n  return 3 * x\nend\n```',
			'```lua\nlocal function triple_lua(x)\n  return x\nend\n```',
		],
	},
};

let server: ScriptedServer;
beforeAll(async () => {
	server = await startOpenAiServer({
		models: ['scripted-coder'],
		script: Object.fromEntries(
			Object.values(PROBLEMS).map((p) => [p.name, p.replies.map((text) => ({ text, delayMs: 30 }))]),
		),
	});
});
afterAll(() => server?.close());

async function fillEditor(page: Page, label: string, text: string) {
	const editor = page.getByLabel(label, { exact: true });
	await editor.click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await editor.fill(text);
}

describe('Teach', () => {
	it.each(Object.keys(PROBLEMS) as Language[])(
		'a new %s problem: reference checked, then the model asked twice',
		async (language) => {
			const p = PROBLEMS[language];
			const browser = await connect();
			const page = await (await browser.newContext()).newPage();
			page.on('pageerror', (e) => console.error('[page error]', e.message));
			await page.goto(inject('baseUrl'));
			await page.locator('input[name=benchmark]').first().waitFor({ state: 'attached' });
			// The model is the one chosen in Set up.
			await page.getByLabel('OpenAI-compatible endpoint').check();
			await page.getByLabel('Base URL').fill(server.url);
			await page.getByLabel('Model', { exact: true }).fill('scripted-coder');
			await page.getByRole('button', { name: 'Teach' }).click();
			await page.locator('select[name=teach-language]').selectOption(language);
			await page.getByLabel('Problem name').fill(p.name);
			await fillEditor(page, 'Prompt', p.prompt);
			await fillEditor(page, 'Tests', p.tests);
			await fillEditor(page, 'Reference solution', p.wrongReference);
			await page.getByRole('button', { name: 'Check the tests with the reference' }).click();
			await expect.poll(() => page.getByTestId('check').textContent()).toMatch(/reference failed/);
			expect(await page.getByRole('button', { name: 'Ask the model' }).isDisabled()).toBe(true);
			await fillEditor(page, 'Reference solution', p.reference);
			await page.getByRole('button', { name: 'Check the tests with the reference' }).click();
			await expect
				.poll(() => page.getByTestId('check').textContent(), { timeout: 30_000 })
				.toMatch(/reference passed/);
			await page.getByLabel('Attempts (n)').fill('2');
			await page.getByRole('button', { name: 'Ask the model' }).click();
			const value = page.locator('section.teach table.passk tr[data-k="1"] td.value');
			await expect.poll(() => value.textContent(), { timeout: 60_000 }).toBe('0.5000');
			const cells = page.locator('section.teach .cell');
			expect(await cells.evaluateAll((cs) => cs.map((c) => c.getAttribute('data-state')))).toEqual([
				'passed',
				'failed',
			]);
			await page.getByLabel('Presentation mode (large type)').check();
			expect(await page.evaluate(() => document.body.classList.contains('present'))).toBe(true);
			await page.context().close();
		},
	);
});
