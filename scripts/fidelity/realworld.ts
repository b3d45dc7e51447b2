// The real-model fixture: 20 models' HumanEval completions (../shared/realworld/humaneval, MIT),
// composed as openai/human-eval composes them and run natively with its check_correctness semantics
// (build.ts's native(): human_eval_native.py, CPython), stored with their verdicts in test/fixtures/fidelity/realworld.jsonl
// so the browser test compares without Python.
//   npx tsx scripts/fidelity/realworld.ts      (needs python3; PYTHON to choose another)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBenchmarkArg } from '../../cli/score';
import type { TaskId } from '../../src/lib/core/ids';
import { DEFAULT_LIMITS, type Job } from '../../src/lib/execution/runtime';
import { sampleJob } from '../../src/lib/pipeline/jobs';
import { native, pool } from './build';
import { readJsonl, writeJsonl } from './jsonl';

const ROOT = new URL('../../', import.meta.url).pathname;
const SOURCE = join(ROOT, '../shared/realworld/humaneval');
const FIXTURE = join(ROOT, 'test/fixtures/fidelity/realworld.jsonl');

export interface RealworldRow {
	model: string;
	taskId: string;
	completion: string;
	/** human-eval's result string on CPython. */
	native: string;
}

export const readRealworld = () => readJsonl<RealworldRow>(FIXTURE);

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
	const verdicts = await pool(programs, (p) => native('python', p));
	writeJsonl(
		FIXTURE,
		rows.map((r, i) => ({ ...r, native: verdicts[i] })),
	);
	console.log(
		`realworld: ${rows.length} samples, ${verdicts.filter((v) => v === 'passed').length} pass natively`,
	);
}

if (process.argv[1] === new URL(import.meta.url).pathname) await main();
