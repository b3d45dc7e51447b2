// Every results format exports from a run whose problems are not a bundled benchmark — a problem
// written in Teach, an embed-style inline run imported as a file, and a shared link that carries its
// problems — and each file reads back with the verdicts the run shows. (Results once looked the
// benchmark up in the bundled list and crashed on exactly these runs.)
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inlineBenchmark } from '../../src/lib/benchmarks/inline';
import type { Language } from '../../src/lib/core/ids';
import type { Status } from '../../src/lib/core/result';
import { parseResultsFile } from '../../src/lib/formats/results';
import { toRunFile } from '../../src/lib/formats/run-file';
import { encodeShare } from '../../src/lib/formats/share-link';
import type { RunMeta, SampleRecord } from '../../src/lib/run/spec';
import { DEFAULT_LIMITS } from '../../src/lib/execution/runtime';
import { GREEDY } from '../../src/lib/generation/types';
import { sampleRecord } from '../fixtures/runs';
import { startOpenAiServer, type ScriptedServer } from '../support/openai-server';
import { connect } from './support/page';

let server: ScriptedServer;
beforeAll(async () => {
	server = await startOpenAiServer({
		models: ['scripted-coder'],
		script: {
			quad_py: [
				{ text: '```python\ndef quad_py(x):\n    return 4 * x\n```' },
				{ text: '```python\ndef quad_py(x):\n    return x\n```' },
			],
		},
	});
});
afterAll(() => server?.close());

async function openApp(url = inject('baseUrl')): Promise<{ page: Page; errors: string[] }> {
	const page = await (await (await connect()).newContext({ acceptDownloads: true })).newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(url);
	await page.locator('input[name=benchmark]').first().waitFor({ state: 'attached' });
	return { page, errors };
}

type Seen = { taskId: string; status: Status }[];
const sorted = (v: Seen) =>
	v.map(({ taskId, status }) => `${taskId} ${status}`).sort((a, b) => a.localeCompare(b));

/** Clicks every export in Results and reads each file back with benchtop score's reader. */
interface Exported {
	benchtop: Seen;
	humanEval: Seen;
	evalplus: Seen;
	multiplE: Seen;
	benchtopId: string;
}

async function exportEverything(page: Page): Promise<Exported> {
	const dir = mkdtempSync(join(tmpdir(), 'benchtop-exports-'));
	const save = async (button: string) => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: button }).click(),
		]);
		const file = join(dir, download.suggestedFilename());
		await download.saveAs(file);
		return file;
	};
	const benchtop = await save('Export Benchtop JSON');
	const humanEval = await save('Export human-eval results (JSONL)');
	const evalplus = await save('Export evalplus eval_results.json');
	const zip = unzipSync(readFileSync(await save('Export MultiPL-E results (zip)')));
	const read = (file: string) => parseResultsFile(readFileSync(file, 'utf8'), file);
	return {
		benchtop: read(benchtop),
		benchtopId: JSON.parse(readFileSync(benchtop, 'utf8')).config.benchmark.id,
		humanEval: read(humanEval),
		evalplus: read(evalplus),
		multiplE: Object.entries(zip).flatMap(([name, bytes]) => parseResultsFile(strFromU8(bytes), name)),
	};
}

function expectAllFormats(got: Exported, want: string[], id: string) {
	expect(got.benchtopId).toBe(id);
	for (const format of ['benchtop', 'humanEval', 'evalplus', 'multiplE'] as const)
		expect(sorted(got[format]), format).toEqual(want);
}

/** An inline run as the embed widget makes one: problems written in a page, two samples each. */
async function inlineRun(language: Language, prefix: string) {
	const bench = await inlineBenchmark(
		language,
		[
			{
				name: 'double',
				prompt: language === 'lua' ? 'local function double(x)\n' : 'function double(x) {\n',
				tests:
					language === 'lua'
						? 'assert(double(2) == 4)\n'
						: "const assert = require('node:assert');\nassert.deepEqual(double(2), 4);\n",
			},
		],
		{ prefix, name: `${prefix} run`, version: 'inline', license: 'MIT' },
	);
	const id = bench.problems[0]!.taskId;
	const meta: RunMeta = {
		id: `${prefix}-1`,
		name: `${prefix} run`,
		created: 1,
		status: 'done',
		spec: {
			benchmark: { id: bench.id, hash: bench.hash },
			taskIds: [id],
			n: 2,
			sampling: GREEDY,
			template: { name: 'instruct', version: 1 },
			limits: DEFAULT_LIMITS,
			ks: [1],
			generator: { kind: 'endpoint', baseUrl: 'http://localhost:11434', model: 'm', api: 'chat' },
		},
		inline: bench,
	};
	const records: SampleRecord[] = [
		sampleRecord(0, { runId: meta.id, taskId: id }),
		sampleRecord(1, {
			runId: meta.id,
			taskId: id,
			result: {
				status: 'failed',
				kind: 'assertion',
				stdout: '',
				stderr: '',
				truncated: false,
				durationMs: 1,
			},
		}),
	];
	return { meta, records, want: [`${id} failed`, `${id} passed`] };
}

describe('exports from runs whose problems are not bundled', () => {
	it('a Teach run, opened from History, exports every format', async () => {
		const { page, errors } = await openApp();
		await page.getByLabel('OpenAI-compatible endpoint').check();
		await page.getByLabel('Base URL').fill(server.url);
		await page.getByLabel('Model', { exact: true }).fill('scripted-coder');
		await page.getByRole('button', { name: 'Teach' }).click();
		await page.locator('select[name=teach-language]').selectOption('python');
		await page.getByLabel('Problem name').fill('quad_py');
		for (const [label, text] of [
			['Prompt', 'def quad_py(x):\n    """Four times x."""\n'],
			['Tests', 'assert quad_py(2) == 8\n'],
			['Reference solution', '    return 4 * x\n'],
		]) {
			await page.getByLabel(label!, { exact: true }).click();
			await page.keyboard.press('ControlOrMeta+a');
			await page.keyboard.press('Delete');
			await page.getByLabel(label!, { exact: true }).fill(text!);
		}
		await page.getByRole('button', { name: 'Check the tests with the reference' }).click();
		await expect.poll(() => page.getByTestId('check').textContent(), { timeout: 30_000 }).toMatch(/passed/);
		await page.getByLabel('Attempts (n)').fill('2');
		await page.getByRole('button', { name: 'Ask the model' }).click();
		const value = page.locator('section.teach table.passk tr[data-k="1"] td.value');
		await expect.poll(() => value.textContent(), { timeout: 60_000 }).toBe('0.5000');

		await page.getByRole('button', { name: 'History', exact: true }).click();
		await page.getByRole('button', { name: 'Open' }).first().click();
		await page.getByRole('region', { name: 'Results' }).waitFor();
		const got = await exportEverything(page);
		expect(got.benchtopId).toMatch(/^teach-/);
		expectAllFormats(got, ['teach/quad_py failed', 'teach/quad_py passed'], got.benchtopId);
		expect(errors).toEqual([]);
		await page.context().close();
	});

	it('an embed-style inline run imported from a file exports every format', async () => {
		const { meta, records, want } = await inlineRun('javascript', 'inline');
		const { page, errors } = await openApp();
		await page.getByRole('button', { name: 'History', exact: true }).click();
		await page.getByLabel('Import a run file').setInputFiles({
			name: 'inline.benchtop-run.json',
			mimeType: 'application/json',
			buffer: Buffer.from(toRunFile(meta, records)),
		});
		await page.getByRole('button', { name: 'Open' }).first().click();
		await page.getByRole('region', { name: 'Results' }).waitFor();
		expectAllFormats(await exportEverything(page), want, meta.spec.benchmark.id);
		expect(errors).toEqual([]);
		await page.context().close();
	});

	it('a shared link that carries its problems exports every format', async () => {
		const { meta, records, want } = await inlineRun('lua', 'shared');
		const { page, errors } = await openApp(`${inject('baseUrl')}#${await encodeShare(meta, records)}`);
		await page.getByTestId('shared').waitFor();
		expectAllFormats(await exportEverything(page), want, meta.spec.benchmark.id);
		expect(errors).toEqual([]);
		await page.context().close();
	});
});
