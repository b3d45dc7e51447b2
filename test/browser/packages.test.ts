// Packages on demand, end to end: `benchtop score` in Chromium fetches wheels from a locally
// served Pyodide index (built by the test; one a compiled extension), its locked-down workers
// install them, and the samples that import them pass; the same profile offline still has them; a
// package that cannot be had is counted apart.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fence } from '../fixtures/scripted-replies';
import { benchtopCliWith } from '../support/cli';
import { startOpenAiServer } from '../support/openai-server';
import { EXTENSION_FILE } from '../support/extension-wheel';
import { startPackageIndex, type PackageIndex } from '../support/package-index';
import { fillSetup } from '../support/setup-form';
import { openApp } from './support/page';

const tmp = mkdtempSync(join(tmpdir(), 'benchtop-packages-'));
const bench = join(tmp, 'doubles.jsonl');
const samples = join(tmp, 'samples.jsonl');
const numpySamples = join(tmp, 'numpy.jsonl');

const problem = (i: number) => ({
	task_id: `Doubles/${i}`,
	prompt: `def double_${i}(x):\n`,
	entry_point: `double_${i}`,
	canonical_solution: '    return 2 * x\n',
	test: `def check(candidate):\n    assert candidate(${i}) == ${2 * i}\n`,
});
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('Python packages on demand', () => {
	let index: PackageIndex;
	const profile = mkdtempSync(join(tmpdir(), 'benchtop-packages-profile-'));
	const score = (samplesFile: string, summary: string, packages: string, env: Record<string, string> = {}) =>
		benchtopCliWith(
			{ BENCHTOP_PROFILE: profile, ...env },
			'score',
			'--benchmark',
			bench,
			'--samples',
			samplesFile,
			'--k',
			'1',
			'--summary',
			join(tmp, summary),
			'--packages',
			packages,
		);
	const summaryOf = (name: string) => JSON.parse(readFileSync(join(tmp, name), 'utf8'));

	beforeAll(async () => {
		index = await startPackageIndex();
		writeFileSync(bench, jsonl([0, 1, 2, 3].map(problem)));
		// Two import tinypkg, which needs tinydep; two call into tinyext, a compiled extension (a
		// WebAssembly side module, as numpy's wheels hold): three wheels for four samples.
		writeFileSync(
			samples,
			jsonl(
				[0, 1, 2, 3].map((i) => ({
					task_id: `Doubles/${i}`,
					completion:
						i < 2
							? '    import tinypkg\n    tinypkg.state.append(x)\n    assert tinypkg.state == [x]\n    return tinypkg.double(x)\n'
							: '    import tinyext\n    return tinyext.twice(x)\n',
				})),
			),
		);
		writeFileSync(
			numpySamples,
			jsonl([
				{ task_id: 'Doubles/0', completion: '    import numpy as np\n    return int(np.int64(x) * 2)\n' },
				{
					task_id: 'Doubles/1',
					completion:
						'    try:\n        import numpy\n    except ImportError:\n        pass\n    return 2 * x\n',
				},
				{ task_id: 'Doubles/2', completion: '    return 3 * x\n' },
			]),
		);
	});
	afterAll(() => index.close());

	it('fetches each wheel once, installs it, and the samples importing it pass', async () => {
		const r = await score(samples, 'online.json', `${index.url}index/`);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/pass@1\s+1\.0000/);
		expect(r.stdout).not.toMatch(/^needs/m);
		// The lock and the three wheels, each once, though four samples on two workers asked.
		expect(index.hits.filter((h) => h.endsWith('.whl')).sort()).toEqual([
			'/index/tinydep-1.0-py3-none-any.whl',
			`/index/${EXTENSION_FILE}`,
			'/index/tinypkg-1.0-py3-none-any.whl',
		]);
		expect(summaryOf('online.json').counts.needs).toBeUndefined();
	});

	it('offline, the profile still has them', async () => {
		await index.close();
		const r = await score(samples, 'offline.json', `${index.url}index/`);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/pass@1\s+1\.0000/);
	});

	it('a package that cannot be had fails the samples that need it, counted apart and named', async () => {
		// numpy is in the runtime's own lock file, but this index is unreachable and nothing is kept.
		const r = await score(numpySamples, 'needs.json', 'http://127.0.0.1:9/', { BENCHTOP_PROFILE: 'none' });
		expect(r.code, r.stderr).toBe(0);
		// Doubles/1 falls back when the import fails and passes; Doubles/2 is wrong without numpy.
		expect(r.stdout).toMatch(/pass@1\s+0\.3333/);
		expect(r.stdout).toMatch(
			/^needs\s+numpy \(1 sample\): failed importing a package that could not be loaded/m,
		);
		expect(summaryOf('needs.json').counts.needs).toEqual({ numpy: 1 });
	});

	it('refuses a --packages that is not an index URL', async () => {
		const r = await score(samples, 'x.json', 'ftp://nowhere');
		expect(r.code).not.toBe(0);
		expect(r.stderr).toMatch(/--packages must be the http\(s\) URL of a Pyodide package index, or off/);
	});
});

describe('packages in the app', () => {
	it("Set up's index serves a sample's import; one that cannot be had is named in Results and the sample", async () => {
		const index = await startPackageIndex();
		const model = await startOpenAiServer({
			models: ['pkg-writer'],
			script: {
				fizzbuzz: [
					'def fizzbuzz(n):\n    import tinypkg\n    if n % tinypkg.double(15) == 0 or n % 15 == 0:\n        return "FizzBuzz"\n    return "Fizz" if n % 3 == 0 else "Buzz" if n % 5 == 0 else str(n)',
				].map((c) => ({ text: fence(c) })),
				// gone is in the index's lock file, but its wheel is not there.
				sum_list: ['def sum_list(numbers):\n    import gone\n    return sum(numbers)'].map((c) => ({
					text: fence(c),
				})),
			},
		});
		try {
			const page = await openApp();
			await fillSetup(page, {
				benchmark: 'classroom',
				problems: 2,
				endpoint: { url: model.url, model: 'pkg-writer' },
			});
			const box = page.locator('details.advanced', { has: page.locator('select[name=packages]') });
			if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
			await page.locator('select[name=packages]').selectOption('other');
			await page.locator('input[name=package-index]').fill(`${index.url}index/`);
			await page.getByRole('button', { name: 'Run', exact: true }).click();
			await expect
				.poll(() => page.locator('section.results h2').textContent(), { timeout: 60_000 })
				.toMatch(/\(done\)/);
			expect(await page.locator('section.results .cell[data-state="passed"]').count()).toBe(1);
			expect((await page.getByTestId('needs').textContent())!.replace(/\s+/g, ' ')).toMatch(
				/Needs gone \(1 sample\): these samples failed importing a package that could not be loaded here/,
			);
			await page.locator('section.results .cell[data-state="failed"]').first().click();
			await expect
				.poll(() => page.getByTestId('sample-needs').textContent())
				.toMatch(/Needs gone, which could not be loaded here/);
			expect(index.hits).toContain('/index/tinypkg-1.0-py3-none-any.whl');
			await page.context().close();
		} finally {
			await model.close();
			await index.close();
		}
	});
});
