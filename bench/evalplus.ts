// HumanEval+'s 164 canonical solutions on all their base and plus inputs, EvalPlus's way: the whole
// `benchtop score --benchmark humaneval+ --reference` path in headless Chromium (the reference's
// outputs computed in the page first, then every solution on both input sets) against
// evalplus_native.py on CPython (ground truth in-process, then a forked process per phase), both on
// every core. Reported as seconds and a ratio.
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { testInBrowser } from '../cli/browser';
import { loadBenchmarkArg } from '../cli/score';
import { DEFAULT_LIMITS } from '../src/lib/execution/runtime';
import { referenceSamples } from '../src/lib/pipeline/jobs';

const ROOT = new URL('..', import.meta.url).pathname;

function native(dataset: string, solutions: { task_id: string; solution: string }[], parallel: number) {
	return new Promise<{ seconds: number; pass: number }>((resolve, reject) => {
		const started = performance.now();
		const child = spawn('python3', [`${ROOT}scripts/fidelity/evalplus_native.py`, `${ROOT}${dataset}`], {
			stdio: ['pipe', 'pipe', 'inherit'],
			env: { ...process.env, PARALLEL: String(parallel) },
		});
		let out = '';
		child.stdout.on('data', (d: Buffer) => (out += d));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0) return reject(new Error(`evalplus_native.py exited with ${code}`));
			const rows = out
				.trim()
				.split('\n')
				.map((l) => JSON.parse(l) as { base: string; plus: string });
			resolve({
				seconds: (performance.now() - started) / 1000,
				pass: rows.filter((r) => r.base === 'pass' && r.plus === 'pass').length,
			});
		});
		child.stdin.end(solutions.map((s) => JSON.stringify(s)).join('\n') + '\n');
	});
}

export async function evalplusSpeed() {
	const bench = await loadBenchmarkArg('humaneval+');
	const samples = referenceSamples(bench);
	const workers = cpus().length;
	const started = performance.now();
	const { tested } = await testInBrowser(bench, samples, {
		limits: DEFAULT_LIMITS,
		workers,
		onResult: () => {},
	});
	const benchtopSeconds = (performance.now() - started) / 1000;
	const prompt = new Map(bench.problems.map((p) => [p.taskId as string, p.prompt]));
	const nat = await native(
		'datasets/humanevalplus/HumanEvalPlus.jsonl.gz',
		samples.map((s) => ({ task_id: s.taskId, solution: prompt.get(s.taskId)! + s.code })),
		workers,
	);
	return {
		samples: samples.length,
		workers,
		benchtop: { seconds: benchtopSeconds, pass: tested.filter((t) => t.result.status === 'passed').length },
		native: { ...nat, runtime: 'CPython 3.11 (evalplus_native.py)' },
		ratio: nat.seconds / benchtopSeconds,
	};
}
