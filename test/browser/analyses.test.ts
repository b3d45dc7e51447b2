// The analyses next to pass@k, through the app as a person uses it: a run whose model writes the
// fidelity fixture's mutants shows why each failed (the failure chart, each sample's reading), and
// a run of crafted correct answers — two algorithms, spelled three ways — shows them grouped.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fence } from '../fixtures/scripted-replies';
import { MUTANT_FAILURES, MUTANT_PROBLEMS, MUTANT_ROWS } from '../fixtures/mutant-failures';
import { recodeModel } from '../fixtures/recode-model';
import { startOpenAiServer, type Reply, type ScriptedServer } from '../support/openai-server';
import { fillSetup } from '../support/setup-form';
import { axeFindings, openApp } from './support/page';

const PROBLEMS = MUTANT_PROBLEMS;
const rows = MUTANT_ROWS;
const humaneval = JSON.parse(readFileSync('public/benchmarks/humaneval.json', 'utf8')) as {
	problems: { taskId: string; entryPoint: string }[];
};
const entry = new Map(humaneval.problems.map((p) => [p.taskId, p.entryPoint]));
const script: Record<string, Reply[]> = {};
for (const r of rows) (script[entry.get(r.taskId)!] ??= []).push({ text: r.completion });

// Two algorithms for sum_list (a loop; sum()), the loop spelled three ways and sum() two.
const LOOP = [
	'def sum_list(numbers):\n    total = 0\n    for x in numbers:\n        total += x\n    return total',
	'def sum_list(numbers):\n    # add them up\n    acc = 0\n\n    for value in numbers:\n        acc += value\n    return acc',
	'def sum_list(xs):\n    """Sum."""\n    s = 0\n    for n in xs:  # each\n        s += n\n    return s',
];
const BUILTIN = [
	'def sum_list(numbers):\n    return sum(numbers)',
	"def sum_list(nums):\n    '''Adds.'''\n    return sum(nums)",
];
const FIZZBUZZ =
	'def fizzbuzz(n):\n    if n % 15 == 0:\n        return "FizzBuzz"\n    if n % 3 == 0:\n        return "Fizz"\n    if n % 5 == 0:\n        return "Buzz"\n    return str(n)';
const CRAFTED: Record<string, Reply[]> = {
	fizzbuzz: [FIZZBUZZ, FIZZBUZZ, 'def fizzbuzz(n):\n    return str(n)', FIZZBUZZ, FIZZBUZZ].map((c) => ({
		text: fence(c),
	})),
	sum_list: [LOOP[0]!, BUILTIN[0]!, LOOP[1]!, BUILTIN[1]!, LOOP[2]!].map((c) => ({ text: fence(c) })),
};

// Efficiency: sum_list written as the reference writes it, and correct but doing 300,000 idle steps first.
const TIMED: Record<string, Reply[]> = {
	fizzbuzz: [FIZZBUZZ, 'def fizzbuzz(n):\n    return str(n)'].map((c) => ({ text: fence(c) })),
	sum_list: [
		'    total = 0\n    for x in numbers:\n        total += x\n    return total',
		'def sum_list(numbers):\n    for _ in range(300000):\n        pass\n    return sum(numbers)',
	].map((c) => ({ text: fence(c) })),
};

let mutants: ScriptedServer;
let timed: ScriptedServer;
let crafted: ScriptedServer;
let recode: ScriptedServer;
beforeAll(async () => {
	mutants = await startOpenAiServer({ script, models: ['mutant-writer'] });
	crafted = await startOpenAiServer({ script: CRAFTED, models: ['crafted'] });
	timed = await startOpenAiServer({ script: TIMED, models: ['timed'] });
	recode = await startOpenAiServer({
		script: {},
		models: ['base'],
		respond: recodeModel(),
	});
});
afterAll(async () => {
	await mutants?.close();
	await crafted?.close();
	await timed?.close();
	await recode?.close();
});

const finished = (page: Page) => page.locator('section.results h2').textContent();

describe('analyses in the app', () => {
	it('why samples failed: the fidelity mutants of HumanEval/0–9, each by the rule that decided it', async () => {
		const page = await openApp();
		await fillSetup(page, {
			benchmark: 'humaneval',
			problems: PROBLEMS,
			endpoint: { url: mutants.url, model: 'mutant-writer' },
			n: 3,
		});
		// A base model's completions API: the mutants are bodies that complete the prompt as they are.
		await page.locator('select[name=api]').selectOption('completions');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => finished(page), { timeout: 120_000 }).toMatch(/\(done\)/);
		const failing = rows.filter((r) => r.native !== 'passed').length;
		expect(failing).toBe(18);
		const chart = page.getByTestId('failure-chart');
		const count = async (key: string) =>
			Number(await chart.locator(`li[data-category="${key}"] span.tabular-nums`).textContent());
		const expected = MUTANT_FAILURES;
		for (const [key, n] of Object.entries(expected)) expect(`${key} ${await count(key)}`).toBe(`${key} ${n}`);
		expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(failing);
		expect(await axeFindings(page, '[data-testid="failure-chart"]')).toEqual([]);
		expect(await chart.locator('li[data-category]').count()).toBe(Object.keys(expected).length);
		// A sample's own reading: HumanEval/1's int+1 mutant, with both sides of its failed assertion.
		await page.locator('section.results .cell[data-state="failed"]').nth(2).click();
		await expect
			.poll(() => page.getByTestId('why').textContent())
			.toMatch(/Why it failed: functional · logic/);
		expect((await page.getByTestId('sides').textContent())!.replace(/\s+/g, ' ').trim()).toBe(
			"Returned [] (list); the test expected ['(()())', '((()))', '()', '((())()())'] (list).",
		);
		await page.context().close();
	});

	it('robustness (ReCode): a function-name run through Set up, its metrics, and a flip with its prompt change', async () => {
		const page = await openApp();
		await fillSetup(page, {
			benchmark: 'humaneval',
			problems: 3,
			endpoint: { url: recode.url, model: 'base' },
		});
		await page.locator('select[name=api]').selectOption('completions');
		await page.getByRole('checkbox', { name: /function name \(6\)/ }).check();
		await expect
			.poll(() => page.getByTestId('robustness-choice').textContent())
			.toMatch(/7 runs one after another/);
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		const view = page.getByTestId('robustness');
		await expect
			.poll(() => view.locator('h2').textContent(), { timeout: 180_000 })
			.toMatch(/7 of 7 sets done/);
		const cells = async (name: string) =>
			(await view.locator(`tr[data-row="${name}"] td`).allTextContents()).map((t) =>
				t.replace(/\s+/g, ' ').trim(),
			);
		// The family: nominal passes 0 and 2; in the worst case only 2 passes (0 fails renamed to
		// camelCase, 1 fails in FuncRenameSynonymSub's nominal prompt) → RP 1/3, drop (2/3 − 1/3) / (2/3);
		// 0 lost, 1 won (other renamings pass it) → relative 2/3.
		const family = await cells('function-name');
		expect([family[0], family[1]!.split(' ')[0], family[2], family[3], family[4]]).toEqual([
			'66.7%',
			'33.3%',
			'50.0%',
			'66.7%',
			'2',
		]);
		const camel = await cells('FuncRenameCamelCase');
		expect([camel[0], camel[1]!.split(' ')[0], camel[2], camel[3], camel[4]]).toEqual([
			'66.7%',
			'66.7%',
			'0.0%',
			'66.7%',
			'2',
		]);
		// HumanEval/0 under FuncRenameCamelCase: the renamed function in the prompt, the two samples' verdicts.
		await view
			.getByRole('button', { name: /Show the 2 problems that flipped under FuncRenameCamelCase/ })
			.click();
		const diff = page.getByTestId('prompt-diff');
		expect(await diff.locator('del').allTextContents()).toContain('has_close_elements');
		expect(await diff.locator('ins').allTextContents()).toContain('hasCloseElements');
		expect(await page.getByTestId('flip-samples').locator('h4').allTextContents()).toEqual([
			expect.stringMatching(/Nominal · sample 1\s*✔ passed/),
			expect.stringMatching(/FuncRenameCamelCase · sample 1\s*✘ failed/),
		]);
		expect(await axeFindings(page, '[data-testid="robustness"]')).toEqual([]);
		expect(recode.requests).toHaveLength(21);
		await page.context().close();
	});

	it('distinct correct solutions: two algorithms spelled three ways are two solutions', async () => {
		const page = await openApp();
		await fillSetup(page, {
			benchmark: 'classroom',
			problems: 2,
			endpoint: { url: crafted.url, model: 'crafted' },
			n: 5,
			temperature: 0.8,
		});
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => finished(page), { timeout: 90_000 }).toMatch(/\(done\)/);
		await page.getByTestId('diversity-panel').locator('summary').click();
		const panel = page.getByTestId('diversity');
		// fizzbuzz: one solution (4 correct of 5); sum_list: two (3 + 2 of 5).
		await expect.poll(() => panel.getByTestId('mean-distinct').textContent()).toMatch(/1\.50/);
		await page.getByLabel('Problem whose solutions to show').selectOption('Classroom/sum_list');
		const groups = panel.getByTestId('solution-group');
		expect(await groups.count()).toBe(2);
		expect(await groups.locator('h4').allTextContents()).toEqual([
			'Solution 1 · 3 samples',
			'Solution 2 · 2 samples',
		]);
		expect(await groups.locator('p.muted').allTextContents()).toEqual(['samples 1, 3, 5', 'samples 2, 4']);
		expect(await axeFindings(page, '[data-testid="diversity-panel"]')).toEqual([]);
		// distinct@1 is pass@1: (4/5 + 5/5) / 2 = 0.9
		expect(await panel.textContent()).toMatch(/distinct@1\s*0\.900/);
		// A model as judge that calls sum_list's two shapes one algorithm: one question, one solution.
		const judge = await startOpenAiServer({
			script: {},
			models: ['judge'],
			respond: (prompt) => (prompt.includes('Solution B') ? { text: 'Yes' } : undefined),
		});
		try {
			const box = panel.getByTestId('judge');
			await box.locator('summary').click();
			await box.getByLabel('OpenAI-compatible URL').fill(judge.url);
			await box.getByLabel('Model').fill('judge');
			await box.getByRole('button', { name: 'Ask the model' }).click();
			await expect
				.poll(async () => (await box.getByTestId('judged').textContent())?.replace(/\s+/g, ' '), {
					timeout: 20_000,
				})
				.toMatch(/Judged by judge: 1 pair asked, 1 merged, 0 replies neither yes nor no/);
			expect(await panel.getByTestId('mean-distinct').textContent()).toMatch(/1\.00/);
			expect(await groups.locator('h4').allTextContents()).toEqual(['Solution 1 · 5 samples']);
			expect(judge.requests).toHaveLength(1);
			expect(await axeFindings(page, '[data-testid="diversity-panel"]')).toEqual([]);
			await box.getByRole('button', { name: 'Show the shapes again' }).click();
			expect(await groups.count()).toBe(2);
		} finally {
			await judge.close();
		}
		await page.context().close();
	});

	it("distinct behaviours: HumanEval/0's solutions run on HumanEval+'s plus inputs, same outputs merged", async () => {
		// Four shapes that all pass HumanEval's asserts: a pairs loop and a sorted scan behave alike; one
		// reads numbers[0] first (an empty list raises); one counts a distance equal to the threshold.
		const sig = 'def has_close_elements(numbers, threshold):\n';
		const server = await startOpenAiServer({
			models: ['behaving'],
			script: {
				has_close_elements: [
					'    for i, a in enumerate(numbers):\n        for j, b in enumerate(numbers):\n            if i != j and abs(a - b) < threshold:\n                return True\n    return False',
					'    s = sorted(numbers)\n    return any(b - a < threshold for a, b in zip(s, s[1:]))',
					'    first = numbers[0]\n    return any(abs(a - b) < threshold for i, a in enumerate(numbers) for b in numbers[i + 1:])',
					'    s = sorted(numbers)\n    return any(b - a <= threshold for a, b in zip(s, s[1:]))',
				].map((body) => ({ text: fence(sig + body) })),
			},
		});
		try {
			const page = await openApp();
			await fillSetup(page, {
				benchmark: 'humaneval',
				problems: 1,
				endpoint: { url: server.url, model: 'behaving' },
				n: 4,
				temperature: 0.8,
			});
			await page.getByRole('button', { name: 'Run', exact: true }).click();
			await expect.poll(() => finished(page), { timeout: 90_000 }).toMatch(/\(done\)/);
			await page.getByTestId('diversity-panel').locator('summary').click();
			const panel = page.getByTestId('diversity');
			await expect.poll(() => panel.getByTestId('mean-distinct').textContent()).toMatch(/4\.00/);
			await panel.getByTestId('behaviour').locator('summary').click();
			await panel.getByRole('button', { name: 'Run them' }).click();
			await expect
				.poll(async () => (await panel.getByTestId('behaved').textContent())?.replace(/\s+/g, ' '), {
					timeout: 60_000,
				})
				.toMatch(/Distinct behaviours: 3\.00 per solved problem \(4 solutions run, 0 not comparable\)/);
			const labels = await panel.getByTestId('solution-group').locator('p').allTextContents();
			const behaviourOf = (sample: number) =>
				labels.find((l) => l.includes(`samples ${sample}`))?.match(/behaviour (\d)/)?.[1];
			expect(behaviourOf(1)).toBe(behaviourOf(2));
			expect(new Set([behaviourOf(1), behaviourOf(3), behaviourOf(4)]).size).toBe(3);
			expect(await axeFindings(page, '[data-testid="diversity"]')).toEqual([]);
			await page.context().close();
		} finally {
			await server.close();
		}
	});

	it('efficiency in Results: correct samples timed against the reference, a slow one stands out by its work ratio', async () => {
		const page = await openApp();
		await fillSetup(page, {
			benchmark: 'classroom',
			problems: 2,
			endpoint: { url: timed.url, model: 'timed' },
			n: 2,
			temperature: 0.8,
		});
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => finished(page), { timeout: 90_000 }).toMatch(/\(done\)/);
		const box = page.getByTestId('efficiency');
		await box.locator('summary').click();
		await box.getByRole('button', { name: 'Time the correct samples against the reference' }).click();
		const summary = box.getByTestId('efficiency-summary');
		await summary.waitFor({ timeout: 90_000 });
		// three passing samples of problems with a reference: fizzbuzz's right one and both of sum_list's
		expect(await summary.textContent()).toMatch(/^3 samples timed: NET mean \d+\.\d\d×/);
		expect(
			await box.locator('tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-task'))),
		).toEqual(['Classroom/fizzbuzz', 'Classroom/sum_list']);
		// sum_list's two samples as the list reads them: a ratio by its label
		const sumList = await box
			.getByTestId('efficiency-samples')
			.locator('li[data-task="Classroom/sum_list"]')
			.allTextContents();
		const ratios = (label: string) =>
			sumList.map((t) => Number(new RegExp(`${label} (\\d+\\.\\d+)×`).exec(t)![1]));
		// the interpreter's own count of steps: the reference's own code is 1.00×, the idle loop far more
		const work = ratios('work');
		expect(work[0]).toBeGreaterThan(0.9);
		expect(work[0]).toBeLessThan(1.1);
		expect(work[1]).toBeGreaterThan(20);
		// and the peak memory of one traced run each: the reference's own code holds what it holds
		expect(await summary.textContent()).toMatch(/peak memory ratio median \d+\.\d\d×/);
		const memory = ratios('memory');
		expect(memory[0]).toBeGreaterThan(0.95);
		expect(memory[0]).toBeLessThan(1.05);
		expect(await axeFindings(page, '[data-testid="efficiency"]')).toEqual([]);
		await page.context().close();
	});
});
