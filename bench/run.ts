// npm run bench: HumanEval's 164 canonical solutions × 10 (1,640 samples) in headless Chromium
// through Benchtop's pool, and natively with one CPython process per sample. Writes
// bench/results/latest.json and prints both rates and the ratio.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import type { HarnessApi } from '../src/harness';
import { CHROMIUM_FLAGS, findChromium } from '../cli/chromium';
import { runNativePython } from './native-python';

const REPEAT = 10;
type Problem = { prompt: string; canonical_solution: string; test: string; entry_point: string };
const problems = gunzipSync(readFileSync('datasets/humaneval/HumanEval.jsonl.gz'))
	.toString()
	.split('\n')
	.filter(Boolean)
	.map((l) => JSON.parse(l) as Problem);
const programs = problems.map(
	(p) => `${p.prompt}${p.canonical_solution}\n${p.test}\ncheck(${p.entry_point})`,
);
const all = Array.from({ length: REPEAT }, () => programs).flat();

/** Pool sizes measured: the app's default (cores − 1, leaving one for the page) and every core,
 * which is what a headless `benchtop score --workers 2` uses. */
const SIZES = [...new Set([Math.max(1, cpus().length - 1), cpus().length])];

await build({ logLevel: 'warn' });

async function benchtop(size: number) {
	const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
	const address = server.httpServer.address();
	const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/harness.html`;
	const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
	try {
		const page = await browser.newPage();
		await page.goto(url);
		await page.waitForSelector('body[data-ready="true"]');
		return await page.evaluate(
			async ({ problems, repeat, size }) => {
				const bt = (window as unknown as { benchtop: HarnessApi }).benchtop;
				const ex = new bt.Executor({ size });
				const pool = await ex.pool('python');
				const t0 = performance.now();
				await pool.warm();
				const warmMs = performance.now() - t0;
				const jobs = Array.from({ length: repeat }, () => problems)
					.flat()
					.map((p) =>
						bt.toJob(
							'python',
							bt.compose('human-eval', {
								prompt: p.prompt,
								completion: p.canonical_solution,
								tests: p.test,
								entryPoint: p.entry_point,
							}),
							bt.DEFAULT_LIMITS,
						),
					);
				const started = performance.now();
				const results = await Promise.all(jobs.map((j) => ex.run(j)));
				const seconds = (performance.now() - started) / 1000;
				await ex.dispose();
				return {
					samples: jobs.length,
					passed: results.filter((r) => r.status === 'passed').length,
					seconds,
					rate: jobs.length / seconds,
					workers: pool.size,
					warmSeconds: warmMs / 1000,
					isolated: bt.isolated,
				};
			},
			{ problems, repeat: REPEAT, size },
		);
	} finally {
		await browser.close();
		server.httpServer.close();
	}
}

const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
	encoding: 'utf8',
}).trim();
const version = execFileSync(python, ['--version'], { encoding: 'utf8' }).trim();
const runs = [];
for (const size of SIZES) {
	console.error(`Benchtop: ${all.length} samples in headless Chromium, ${size} worker(s)…`);
	runs.push(await benchtop(size));
}
console.error(`Native: ${all.length} samples, one ${version} process each, 4 at a time…`);
const native = await runNativePython(all, python);
const result = {
	date: new Date().toISOString(),
	machine: { cpus: cpus().length, model: cpus()[0]?.model },
	benchmark: `HumanEval canonical solutions × ${REPEAT}`,
	benchtop: runs.map((r) => ({ ...r, ratio: r.rate / native.rate })),
	native: { ...native, python: version, parallel: 4 },
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify(result, null, 2) + '\n');
for (const r of result.benchtop)
	console.log(
		`Benchtop ${r.rate.toFixed(1)} samples/s with ${r.workers} worker(s) (${r.passed}/${r.samples} passed, warm-up ${r.warmSeconds.toFixed(1)} s) = ${r.ratio.toFixed(2)}× native`,
	);
console.log(
	`Native   ${native.rate.toFixed(1)} samples/s (${native.passed}/${native.samples} passed) → bench/results/latest.json`,
);
