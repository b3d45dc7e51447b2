// The app, driven through its UI in Chromium the way a person uses it: a run of the reference
// solutions, a run against the scripted OpenAI-compatible server with exact pass@k and the sample
// drill-down, and a reload mid-run resumed from History with nothing lost.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResultsFile } from '../../src/lib/formats/results';
import { CHAT, PASS_AT_1 } from '../fixtures/scripted-replies';
import { startOpenAiServer, type ScriptedServer } from '../support/openai-server';
import { fillSetup } from '../support/setup-form';
import { axeFindings, openApp } from './support/page';
import { bigRunFile } from '../fixtures/runs';

let server: ScriptedServer;
let slow: ScriptedServer;
beforeAll(async () => {
	server = await startOpenAiServer({ script: CHAT, models: ['scripted-coder'] });
	slow = await startOpenAiServer({
		script: Object.fromEntries(
			Object.entries(CHAT).map(([f, rs]) => [f, rs.map((r) => ({ ...r, delayMs: 100 }))]),
		),
		models: ['scripted-coder'],
	});
});
afterAll(async () => {
	await server?.close();
	await slow?.close();
});

const setUpEndpointRun = (page: Page, url: string) =>
	fillSetup(page, {
		benchmark: 'classroom',
		problems: 4,
		endpoint: { url, model: 'scripted-coder' },
		n: 3,
		temperature: 0.8,
	});

/** The run's own pass@k (an EvalPlus run also shows a base-inputs table after it). */
const passAt = (page: Page, k: number) =>
	page.locator(`section.results table.passk tr[data-k="${k}"] td.value`).first();

describe('the app', () => {
	it('a hand-picked subset runs exactly the problems picked', async () => {
		const page = await openApp();
		await page.locator('input[name=benchmark][value="classroom-js"]').check();
		await page.getByLabel('Reference solutions').check();
		await page.locator('select[name=subset]').selectOption('picked');
		await page.getByRole('button', { name: 'Clear' }).click();
		expect(await page.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(true);
		await page.getByLabel('Filter').fill('fizz');
		const list = page.getByRole('list', { name: 'Problems to run' });
		expect(await list.getByRole('checkbox').count()).toBe(1);
		await list.getByRole('checkbox').check();
		await page.getByLabel('Filter').fill('');
		await list.getByRole('checkbox').nth(5).check();
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 60_000 }).toBe('1.0000');
		const rows = await page.locator('section.results table.problems tbody th').allTextContents();
		expect(rows).toHaveLength(2);
		expect(rows.some((r) => /fizzbuzz/.test(r))).toBe(true);
		await page.context().close();
	});

	it('runs the reference solutions of a benchmark and shows every sample passing', async () => {
		const page = await openApp();
		await fillSetup(page, { benchmark: 'classroom-lua', problems: 5 });
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 60_000 }).toBe('1.0000');
		expect(await page.locator('section.results .cell[data-state="passed"]').count()).toBe(5);
		// what ran the samples, recorded with the run and shown beside its score
		expect(await page.getByTestId('runtime').textContent()).toMatch(/Samples run on Lua 5\.4 \(wasmoon \d/);
		await page.context().close();
	});

	it('a samples file from elsewhere: read and checked against the benchmark, run and scored; a bad one named with its line', async () => {
		const page = await openApp();
		await fillSetup(page, { benchmark: 'classroom', problems: 'all' });
		await page.getByLabel('A samples file (already generated)').check();
		const run = page.getByRole('button', { name: 'Run', exact: true });
		expect(await run.isDisabled()).toBe(true);
		const dir = mkdtempSync(join(tmpdir(), 'benchtop-samples-'));
		const problems = JSON.parse(readFileSync('public/benchmarks/classroom.json', 'utf8')).problems as {
			taskId: string;
			reference: string;
		}[];
		const line = (task_id: string, completion: string) => JSON.stringify({ task_id, completion });
		// Three problems, two samples each: the reference and a wrong answer (gzipped, as files often are).
		const rows = problems
			.slice(0, 3)
			.flatMap((p) => [line(p.taskId, p.reference), line(p.taskId, '    return None\n')]);
		const good = join(dir, 'samples.jsonl.gz');
		writeFileSync(good, gzipSync(rows.join('\n') + '\n'));
		const bad = join(dir, 'bad.jsonl');
		writeFileSync(bad, `${rows[0]}\n${line('Classroom/nope', 'x')}\n`);

		const picker = page.locator('input[name=samples-file]');
		await picker.setInputFiles(bad);
		await expect
			.poll(() => page.getByRole('alert').first().textContent())
			.toBe('bad.jsonl:2 (field "task_id"): unknown task id "Classroom/nope" for this benchmark');
		expect(await run.isDisabled()).toBe(true);
		await picker.setInputFiles(good);
		await expect
			.poll(async () => (await page.getByTestId('samples-file').textContent())?.replace(/\s+/g, ' '))
			.toMatch(/samples\.jsonl\.gz: 6 samples \(human-eval\) for 3 of 20 problems, 2 each/);
		// Another source and back: the file is still there, checked against the benchmark again.
		await page.getByLabel('Reference solutions').check();
		await page.getByLabel('A samples file (already generated)').check();
		await expect.poll(() => page.getByTestId('samples-file').textContent()).toMatch(/samples\.jsonl\.gz: 6/);
		await run.click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 60_000 }).toBe('0.5000');
		expect(await page.locator('section.results .cell[data-state="passed"]').count()).toBe(3);
		expect(await page.locator('section.results table.problems tbody th').count()).toBe(3);
		// The record names the file; no prompt template or sampling, which the file's samples never had here.
		const record = JSON.parse((await page.getByTestId('record').locator('pre').textContent())!);
		expect(record).toMatchObject({
			model: { kind: 'replay', source: 'samples.jsonl.gz' },
			samplesPerProblem: 2,
		});
		expect(record.sampling).toBeUndefined();
		expect(record.template).toBeUndefined();
		await page.context().close();
	});

	it('your own benchmark file: read as the CLI reads it, run, and reopened from History without the file', async () => {
		const page = await openApp();
		const dir = mkdtempSync(join(tmpdir(), 'benchtop-own-'));
		const problem = (i: number) => ({
			task_id: `Mine/${i}`,
			prompt: `def triple_${i}(x):\n    """Three times x."""\n`,
			entry_point: `triple_${i}`,
			canonical_solution: '    return 3 * x\n',
			test: `def check(candidate):\n    assert candidate(${i}) == ${3 * i}\n`,
		});
		const good = join(dir, 'mine.jsonl');
		writeFileSync(good, [0, 1].map((i) => JSON.stringify(problem(i))).join('\n') + '\n');
		const bad = join(dir, 'broken.jsonl');
		writeFileSync(bad, `${JSON.stringify(problem(0))}\n{"task_id": "Mine/1"\n`);
		const picker = page.locator('input[name=benchmark-file]');
		await picker.setInputFiles(bad);
		await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/^broken\.jsonl:2: /);
		await picker.setInputFiles(good);
		const card = page.locator('label.source-card[data-benchmark="mine"]');
		await expect.poll(() => card.locator('input').isChecked()).toBe(true);
		expect(await card.textContent()).toContain('2 problems');
		await page.locator('select[name=subset]').selectOption('all');
		await page.getByLabel('Reference solutions').check();
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 60_000 }).toBe('1.0000');
		expect(await page.locator('section.results table.problems tbody th').allTextContents()).toEqual([
			'Mine/0',
			'Mine/1',
		]);
		// The file is gone with the page (Set up is back on the default benchmark); the run kept its problems.
		await page.reload();
		await expect.poll(() => page.locator('input[name=benchmark][value="classroom"]').isChecked()).toBe(true);
		await page.getByRole('button', { name: 'History' }).click();
		await page.locator('tr[data-run]').first().getByRole('button', { name: 'Open' }).click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 20_000 }).toBe('1.0000');
		await page.context().close();
	});

	it("HumanEval+: both scores, EvalPlus's and the base one, and each sample's verdict per input set", async () => {
		const page = await openApp();
		await fillSetup(page, { benchmark: 'humaneval+-mini', problems: 3 });
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 120_000 }).toBe('1.0000');
		expect(await page.getByTestId('base-headline').textContent()).toContain('100.0');
		const baseTable = page.getByRole('table', {
			name: 'pass@k on the base inputs only, with 95% confidence intervals',
		});
		expect(await baseTable.locator('tr[data-k="1"] td.value').textContent()).toBe('1.0000');
		expect(await page.locator('section.results table.problems thead').textContent()).toContain('passed base');
		await page
			.locator('section.results .grid')
			.getByRole('cell', { name: 'HumanEval/1 sample 1: passed' })
			.click();
		const phases = page.getByRole('region', { name: 'Sample HumanEval/1 #1' }).getByTestId('evalplus-phases');
		expect(await phases.locator('tr[data-phase="base"] td').first().textContent()).toContain('passed');
		expect(await phases.locator('tr[data-phase="plus"] th').textContent()).toMatch(/^plus \(\d+\)$/);
		await page.context().close();
	});

	it('a scripted endpoint run: live grid, exact pass@k, raw and extracted code side by side', async () => {
		const page = await openApp();
		// a wrong address first: the endpoint's card says it cannot be reached, in words
		await fillSetup(page, {
			benchmark: 'classroom',
			problems: 4,
			endpoint: { url: 'http://127.0.0.1:9/v1', model: 'scripted-coder' },
		});
		await expect
			.poll(() => page.getByTestId('source-status-endpoint').textContent(), { timeout: 10_000 })
			.toMatch(/^✘ not reachable: /);
		await setUpEndpointRun(page, server.url);
		await expect
			.poll(() => page.getByTestId('source-status-endpoint').textContent(), { timeout: 10_000 })
			.toMatch(/^✔ reachable · \d+ models?$/);
		expect(await page.getByTestId('source-status-reference').textContent()).toBe('✔ ready');
		await expect
			.poll(() => page.getByLabel('Prompt preview').textContent())
			.toContain('Complete the following Python function');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await page.getByRole('region', { name: 'Live run' }).waitFor();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 90_000 }).toBe(PASS_AT_1.toFixed(4));
		// the reproducibility record names the template and the sampling settings
		const record = await page.getByTestId('record').locator('pre').textContent();
		expect(JSON.parse(record!)).toMatchObject({
			template: { name: 'instruct', version: 1 },
			sampling: { temperature: 0.8, seed: 0 },
			samplesPerProblem: 3,
			model: { kind: 'endpoint', model: 'scripted-coder' },
		});
		// evalplus export: one entry per problem with its samples' base_status
		const [evalplus] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export evalplus eval_results.json' }).click(),
		]);
		const saved = join(mkdtempSync(join(tmpdir(), 'benchtop-evalplus-')), evalplus.suggestedFilename());
		await evalplus.saveAs(saved);
		const doc = JSON.parse(readFileSync(saved, 'utf8'));
		expect(Object.keys(doc.eval).sort()).toEqual([
			'Classroom/count_vowels',
			'Classroom/fizzbuzz',
			'Classroom/largest',
			'Classroom/sum_list',
		]);
		expect(
			doc.eval['Classroom/count_vowels'].every((x: { base_status: string }) => x.base_status !== 'pass'),
		).toBe(true);
		// MultiPL-E export: one results file per problem, in a zip, readable by benchtop score's reader
		const [multiple] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export MultiPL-E results (zip)' }).click(),
		]);
		const zipPath = join(mkdtempSync(join(tmpdir(), 'benchtop-multiple-')), multiple.suggestedFilename());
		await multiple.saveAs(zipPath);
		const files = unzipSync(readFileSync(zipPath));
		expect(Object.keys(files).sort()).toEqual(
			['count_vowels', 'fizzbuzz', 'largest', 'sum_list'].map((f) => `Classroom_${f}.results.json`),
		);
		const verdicts = Object.entries(files).flatMap(([name, bytes]) =>
			parseResultsFile(strFromU8(bytes), name),
		);
		expect(verdicts).toHaveLength(12);
		expect(verdicts.filter((v) => v.status === 'passed')).toHaveLength(6);
		expect(verdicts.filter((v) => v.status === 'timeout')).toHaveLength(1);
		// the pass@k curve, drawn by Observable Plot, labelled for screen readers
		await expect
			.poll(() => page.getByTestId('passk-chart').locator('svg[role=img]').getAttribute('aria-label'))
			.toBe(`pass@k from k = 1 (${PASS_AT_1.toFixed(3)}) to k = 3 (0.750)`);
		const grid = page.locator('section.results .grid');
		expect(await grid.locator('.cell[data-state="passed"]').count()).toBe(6);
		expect(await grid.locator('.cell[data-state="timeout"]').count()).toBe(1);
		// status is in words too, not only in color
		expect(await grid.getByRole('cell', { name: 'Classroom/count_vowels sample 2: timed out' }).count()).toBe(
			1,
		);
		await grid.getByRole('cell', { name: 'Classroom/sum_list sample 2: passed' }).click();
		const detail = page.getByRole('region', { name: 'Sample Classroom/sum_list #2' });
		expect(await detail.locator('pre.raw').textContent()).toContain('<think>');
		expect(await detail.locator('pre.code').textContent()).not.toContain('<think>');
		expect(await detail.locator('pre.code').textContent()).toContain('total += x');
		// what extraction removed is struck through in the raw reply, and said in words
		expect(await detail.locator('pre.raw del').first().textContent()).toContain('<think>');
		expect(await detail.locator('pre.raw del').allTextContents()).not.toContain('total += x');
		expect(await detail.getByTestId('removed').textContent()).toMatch(
			/Struck through: \d+ lines? extraction removed/,
		);
		// the headline cards, and the Python beside them
		expect((await page.getByTestId('headline').textContent())!.replace(/\s+/g, ' ')).toContain('6 / 12');
		expect(await page.getByTestId('runtime').textContent()).toContain(
			"Python 3.14.2 (Pyodide 314.0.7) with 3.11's rules",
		);
		// slow but correct? The timed-out sample's problem measured against its calibrated limit
		const slowPanel = page.getByRole('region', { name: 'Timed out' });
		expect(await slowPanel.textContent()).toContain('1 sample timed out at the fixed 3 s');
		await slowPanel.getByRole('button', { name: 'Check against calibrated limits' }).click();
		await expect
			.poll(() => slowPanel.getByTestId('slow-status').textContent(), { timeout: 20_000 })
			.toContain('None of them would have had more time');
		const row = slowPanel.getByRole('row', { name: /Classroom\/count_vowels/ });
		expect(await row.locator('th, td').allTextContents()).toEqual([
			'Classroom/count_vowels',
			'1',
			'1 s',
			'no',
		]);
		// on a phone the table scrolls inside its box; the page does not scroll sideways
		await page.setViewportSize({ width: 390, height: 844 });
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
		).toBeLessThanOrEqual(0);
		await page.context().close();
	});

	it('reload mid-run: the run is interrupted, resumes from History, and nothing is lost or redone', async () => {
		const page = await openApp();
		await setUpEndpointRun(page, slow.url);
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect
			.poll(
				() =>
					page
						.locator('section.run .cell[data-state="passed"], section.run .cell[data-state="failed"]')
						.count(),
				{ timeout: 60_000 },
			)
			.toBeGreaterThanOrEqual(3);
		const before = slow.requests.length;
		await page.reload();
		await expect
			.poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 })
			.toContain('interrupted');
		await page.getByRole('button', { name: 'History' }).click();
		const row = page.locator('tr[data-run]').first();
		await expect.poll(() => row.getByTestId('run-status').textContent()).toBe('interrupted');
		await row.getByRole('button', { name: 'Resume' }).click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 90_000 }).toBe(PASS_AT_1.toFixed(4));
		// 12 samples, each asked for once — except the one being written when the page went away
		const asked = slow.requests.map((r) => `${r.fn}#${r.seed}`);
		expect(new Set(asked).size).toBe(12);
		expect(asked.length).toBeLessThanOrEqual(13);
		expect(before).toBeGreaterThanOrEqual(3);
		await page.context().close();
	});

	it('a run exported from History and imported again shows identical numbers', async () => {
		const page = await openApp();
		await fillSetup(page, { benchmark: 'classroom', problems: 6 });
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 60_000 }).toBe('1.0000');
		const counts = await page.getByTestId('counts').textContent();
		await page.getByRole('button', { name: 'History' }).click();
		const row = page.locator('tr[data-run]').first();
		const id = await row.getAttribute('data-run');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			row.getByRole('button', { name: 'Export' }).click(),
		]);
		const file = join(mkdtempSync(join(tmpdir(), 'benchtop-app-')), download.suggestedFilename());
		await download.saveAs(file);
		await row.getByRole('button', { name: 'Delete' }).click();
		await expect.poll(() => page.locator(`tr[data-run="${id}"]`).count()).toBe(0);
		await page.getByLabel('Import a run file').setInputFiles(file);
		const back = page.locator(`tr[data-run="${id}"]`);
		await back.waitFor();
		await back.getByRole('button', { name: 'Open' }).click();
		await expect.poll(() => passAt(page, 1).textContent()).toBe('1.0000');
		expect(await page.getByTestId('counts').textContent()).toBe(counts);
		expect(await page.locator('section.results .cell[data-state="passed"]').count()).toBe(6);
		// a file that is not a run says so, naming the field
		const bad = join(tmpdir(), 'not-a-run.json');
		writeFileSync(bad, '{"hello": 1}');
		await page.getByRole('button', { name: 'History' }).click();
		await page.getByLabel('Import a run file').setInputFiles(bad);
		await expect
			.poll(() => page.getByRole('alert').textContent())
			.toBe('not-a-run.json (field "benchtopRun"): not a Benchtop run file (export one from History)');
		await page.context().close();
	});

	it('"Use every core" runs samples on a worker per core, and is remembered', async () => {
		const page = await openApp();
		const cores = await page.evaluate(() => navigator.hardwareConcurrency);
		// (a classroom run starts Python workers only)
		const workers = () => page.workers().length;
		// No runtime loads for a visitor who only looks; setting up a run starts the chosen one's.
		expect(workers()).toBe(0);
		await fillSetup(page, { benchmark: 'classroom', problems: 6 });
		await expect.poll(workers).toBe(Math.max(1, cores - 1));
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 60_000 }).toBe('1.0000');
		expect(workers()).toBe(Math.max(1, cores - 1));
		await page.getByRole('button', { name: 'Set up', exact: true }).click();
		await fillSetup(page, { benchmark: 'classroom', problems: 6, allCores: true });
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 60_000 }).toBe('1.0000');
		// The one-core pool was let go (its workers end) and a worker per core ran the samples.
		await expect.poll(workers).toBe(cores);
		await page.reload();
		await page.locator('input[name=all-cores]').waitFor({ state: 'attached' });
		expect(await page.locator('input[name=all-cores]').isChecked()).toBe(true);
		await page.context().close();
	});

	it("a big run (1,200 samples) shows a bar per problem and one problem's samples at a time", async () => {
		// classroom × 60, problem i with i × 3 samples passing
		const file = join(mkdtempSync(join(tmpdir(), 'benchtop-app-')), 'big.benchtop.json');
		writeFileSync(file, bigRunFile());
		const taskIds = JSON.parse(readFileSync('public/benchmarks/classroom.json', 'utf8')).problems.map(
			(p: { taskId: string }) => p.taskId,
		);
		const page = await openApp();
		await page.getByRole('button', { name: 'History' }).click();
		await page.getByLabel('Import a run file').setInputFiles(file);
		await page.locator('tr[data-run="big-run"]').getByRole('button', { name: 'Open' }).click();
		const grid = page.locator('section.results .grid.compact');
		await grid.waitFor();
		// A row per problem and no sample buttons until one is opened.
		const rows = grid.locator('[data-accordion-trigger]');
		expect(await rows.count()).toBe(20);
		expect(await page.locator('section.results .cell').count()).toBe(0);
		expect(
			await grid
				.getByRole('button', {
					name: new RegExp(`^${taskIds[2]}\\s+6/60 passed\\s*\\(54 failed, 0 timed out\\)$`),
				})
				.count(),
		).toBe(1);
		await rows.nth(2).click();
		expect(await rows.nth(2).getAttribute('aria-expanded')).toBe('true');
		expect(await page.locator('section.results .cell[data-state="passed"]').count()).toBe(6);
		expect(await page.locator('section.results .cell').count()).toBe(60);
		// Opening another closes the first.
		await rows.nth(5).click();
		expect(await page.locator('section.results .cell').count()).toBe(60);
		expect(await page.locator('section.results .cell[data-state="passed"]').count()).toBe(15);
		expect(await axeFindings(page, 'section.results .grid')).toEqual([]);
		// on a phone each problem's bar goes under its name; the page does not scroll sideways
		await page.setViewportSize({ width: 390, height: 844 });
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
		).toBeLessThanOrEqual(0);
		await page.context().close();
	});

	it('compares two runs on the same benchmark: side by side, per problem, with a paired test', async () => {
		const page = await openApp();
		await fillSetup(page, { benchmark: 'classroom', problems: 4 });
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 60_000 }).toBe('1.0000');
		await page.getByRole('button', { name: 'Set up' }).click();
		await setUpEndpointRun(page, server.url);
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 90_000 }).toBe(PASS_AT_1.toFixed(4));
		await page.getByRole('button', { name: 'History' }).click();
		await page
			.getByRole('checkbox', { name: /reference solutions/ })
			.first()
			.check();
		await page
			.getByRole('checkbox', { name: /scripted-coder/ })
			.first()
			.check();
		await page.getByRole('button', { name: 'Compare the selected runs' }).click();
		const diff = page.getByTestId('difference');
		await diff.waitFor();
		// A (reference) wins on every problem by 1/3, 1/3, 1/3 and 1: +0.5, but 4 problems are too few to call it
		expect((await diff.textContent())!.replace(/\s+/g, ' ')).toMatch(
			/A − B = \+0\.5000, 95% CI \[\+0\.3333, \+\d\.\d{4}\], p = 0\.1\d{3} over 4 shared problems — not distinguishable from chance/,
		);
		expect(await page.locator('tr[data-outcome="a"]').count()).toBe(4);
		// each run's runtime, as recorded with it, under its score
		expect(await page.getByTestId('compare-runtime').allTextContents()).toEqual(
			Array(2).fill(expect.stringMatching(/^\s*Python 3\.14\.2 \(Pyodide 314\.0\.7\)/)),
		);
		// the win/loss map: one square per problem, A better on each, said in its label
		const squares = page.getByTestId('winloss').getByRole('listitem');
		expect(await squares.count()).toBe(4);
		expect(await squares.allTextContents()).toEqual(['A', 'A', 'A', 'A']);
		expect(await squares.first().getAttribute('aria-label')).toMatch(/: A better \(A 1\.00, B 0\.\d\d\)/);
		// why each run's samples failed, kind by kind: none for A; B's kinds add up to its failing samples
		const kinds = page.getByTestId('compare-failures');
		const total = kinds.getByRole('row', { name: /^all failing/ });
		expect(await total.getByRole('cell').allTextContents()).toEqual([
			'0',
			expect.stringMatching(/^[1-9]\d*$/),
		]);
		const failingB = Number((await total.getByRole('cell').nth(1).textContent())!);
		const perKind = await kinds.locator('tbody tr:not(:last-child) td:nth-of-type(2)').allTextContents();
		expect(perKind.reduce((s, t) => s + (t === '—' ? 0 : Number(t.split(' ')[0])), 0)).toBe(failingB);
		expect(await kinds.locator('tbody tr:not(:last-child) td:nth-of-type(1)').allTextContents()).toEqual(
			perKind.map(() => '—'),
		);

		// a third run (the reference again): three runs, every pair tested
		await page.getByRole('button', { name: 'Set up' }).click();
		await page.getByLabel('Reference solutions').check();
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => passAt(page, 1).textContent(), { timeout: 60_000 }).toBe('1.0000');
		await page.getByRole('button', { name: 'History' }).click();
		const boxes = page.getByRole('checkbox', { name: /^Pick / });
		await expect.poll(() => boxes.count()).toBe(3);
		for (const box of await boxes.all()) await box.check();
		await page.getByRole('button', { name: 'Compare the selected runs' }).click();
		await expect.poll(() => page.getByTestId('difference').count()).toBe(3);
		const lines = (await page.getByTestId('difference').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
		expect(lines[0]).toMatch(/A − B = \+0\.5000/);
		expect(lines[1]).toMatch(/A − C = \+0\.0000/);
		expect(lines[2]).toMatch(/B − C = -0\.5000/);
		// A and C (both reference) share the best pass@1 on every problem
		expect(await page.locator('tr[data-outcome="AC"]').count()).toBe(4);
		expect(await page.getByRole('columnheader', { name: 'C pass@1' }).count()).toBe(1);
		await page.context().close();
	});
});
