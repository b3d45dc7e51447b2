// The EvalPlus fidelity fixture: reference solutions and mutants of HumanEval+ and MBPP+ (the same
// operators as the other fixtures, mutants.ts), run by evalplus_native.py — EvalPlus's evaluation
// on CPython — and stored with their base and plus statuses and the failing input EvalPlus would
// list, in test/fixtures/fidelity/evalplus.jsonl. The browser test compares without Python.
//   npm run fidelity:evalplus      (needs python3 with numpy, or PYTHON set)
import { spawn } from 'node:child_process';
import { readJsonl, writeJsonl } from './jsonl';
import { join } from 'node:path';
import { loadBenchmarkArg } from '../../cli/score';
import { fidelitySamples, type FidelitySample } from './mutants';

const HERE = new URL('.', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const PYTHON = process.env.PYTHON ?? 'python3';
const FIXTURE = join(ROOT, 'test/fixtures/fidelity/evalplus.jsonl');

export interface EvalplusNative {
	base: string;
	plus: string;
	base_fail: number | null;
	plus_fail: number | null;
}
export type EvalplusRow = FidelitySample & { native: EvalplusNative };

/** What the fixture covers: every problem's reference and one mutant; a looping mutant now and then. */
export const EVALPLUS_PLANS = [
	{
		id: 'humaneval+',
		dataset: 'datasets/humanevalplus/HumanEvalPlus.jsonl.gz',
		problems: 164,
		perProblem: 1,
		loopEvery: 40,
	},
	{
		id: 'mbpp+',
		dataset: 'datasets/mbppplus/MbppPlus.jsonl.gz',
		problems: 378,
		perProblem: 1,
		loopEvery: 100,
	},
];

export const readEvalplusFixture = () => readJsonl<EvalplusRow>(FIXTURE);

function native(
	dataset: string,
	solutions: { task_id: string; solution: string }[],
): Promise<EvalplusNative[]> {
	return new Promise((resolve, reject) => {
		const child = spawn(PYTHON, [join(HERE, 'evalplus_native.py'), join(ROOT, dataset)], {
			stdio: ['pipe', 'pipe', 'inherit'],
		});
		let out = '';
		child.stdout.on('data', (d: Buffer) => (out += d));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0
				? resolve(
						out
							.trim()
							.split('\n')
							.map((l) => JSON.parse(l) as EvalplusNative),
					)
				: reject(new Error(`evalplus_native.py exited with ${code}`)),
		);
		child.stdin.end(solutions.map((s) => JSON.stringify(s)).join('\n') + '\n');
	});
}

async function main() {
	const rows: EvalplusRow[] = [];
	for (const { id, dataset, ...plan } of EVALPLUS_PLANS) {
		const bench = await loadBenchmarkArg(id);
		const samples = fidelitySamples({ benchmark: bench, ...plan });
		const prompt = new Map(bench.problems.map((p) => [p.taskId as string, p.prompt]));
		const started = performance.now();
		const verdicts = await native(
			dataset,
			samples.map((s) => ({ task_id: s.taskId, solution: prompt.get(s.taskId)! + s.completion })),
		);
		samples.forEach((s, i) => rows.push({ ...s, native: verdicts[i]! }));
		const counts: Record<string, number> = {};
		for (const v of verdicts) counts[`${v.base}/${v.plus}`] = (counts[`${v.base}/${v.plus}`] ?? 0) + 1;
		console.log(
			`${id}: ${samples.length} samples in ${((performance.now() - started) / 1000).toFixed(1)} s`,
			counts,
		);
	}
	writeJsonl(FIXTURE, rows);
}

if (process.argv[1] === new URL(import.meta.url).pathname) await main();
