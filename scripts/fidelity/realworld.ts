// The real-model fixture: 20 models' HumanEval completions (../shared/realworld/humaneval, MIT),
// composed as openai/human-eval composes them and run natively with its check_correctness semantics
// (human_eval_native.py, CPython), stored with their verdicts in test/fixtures/fidelity/realworld.jsonl
// so the browser test compares without Python.
//   npx tsx scripts/fidelity/realworld.ts      (needs python3; PYTHON to choose another)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBenchmarkArg } from '../../cli/score';
import type { TaskId } from '../../src/lib/core/ids';
import { DEFAULT_LIMITS, type Job } from '../../src/lib/execution/runtime';
import { sampleJob } from '../../src/lib/pipeline/jobs';

const HERE = new URL('.', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const SOURCE = join(ROOT, '../shared/realworld/humaneval');
const FIXTURE = join(ROOT, 'test/fixtures/fidelity/realworld.jsonl');
const PYTHON = process.env.PYTHON ?? 'python3';

export interface RealworldRow {
	model: string;
	taskId: string;
	completion: string;
	/** human-eval's result string on CPython. */
	native: string;
}

export function readRealworld(): RealworldRow[] {
	return readFileSync(FIXTURE, 'utf8')
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l) as RealworldRow);
}

/** The jobs of human-eval's programs: prompt + completion + "\n" + test + "\n" + check(entry_point). */
export async function realworldJobs(rows: readonly Omit<RealworldRow, 'native'>[]): Promise<Job[]> {
	const bench = await loadBenchmarkArg('humaneval');
	const byId = new Map(bench.problems.map((p) => [p.taskId as string, p]));
	return rows.map((r) =>
		sampleJob(
			bench,
			byId.get(r.taskId)!,
			{ taskId: r.taskId as TaskId, code: r.completion, full: false, file: r.model },
			DEFAULT_LIMITS,
		),
	);
}

function native(program: string): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'benchtop-realworld-'));
	return new Promise((resolve, reject) => {
		const child = spawn(PYTHON, [join(HERE, 'human_eval_native.py'), '3'], { cwd: dir });
		let out = '';
		const timer = setTimeout(() => child.kill('SIGKILL'), 4000);
		child.stdout.on('data', (d: Buffer) => (out += d));
		child.stdin.on('error', () => {});
		child.on('error', reject);
		child.on('close', () => {
			clearTimeout(timer);
			rmSync(dir, { recursive: true, force: true });
			resolve(out ? (JSON.parse(out) as { result: string }).result : 'timed out');
		});
		child.stdin.end(program);
	});
}

async function main() {
	const rows: Omit<RealworldRow, 'native'>[] = [];
	for (const file of readdirSync(SOURCE).sort()) {
		const model = file.replace(/\.jsonl$/, '');
		for (const line of readFileSync(join(SOURCE, file), 'utf8').split('\n')) {
			if (!line.trim()) continue;
			const r = JSON.parse(line) as { task_id: string; completion: string };
			rows.push({ model, taskId: r.task_id, completion: r.completion });
		}
	}
	const programs = (await realworldJobs(rows)).map((j) => j.program);
	const verdicts: string[] = new Array(rows.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: 4 }, async () => {
			while (next < rows.length) {
				const i = next++;
				verdicts[i] = await native(programs[i]!);
			}
		}),
	);
	writeFileSync(FIXTURE, rows.map((r, i) => JSON.stringify({ ...r, native: verdicts[i] })).join('\n') + '\n');
	console.log(
		`realworld: ${rows.length} samples, ${verdicts.filter((v) => v === 'passed').length} pass natively`,
	);
}

if (process.argv[1] === new URL(import.meta.url).pathname) await main();
