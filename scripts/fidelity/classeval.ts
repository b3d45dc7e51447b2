// ClassEval's fidelity fixture: its reference solutions and mutants of them (scripts/fidelity/mutants.ts,
// made from the user's copy of ClassEval_data.json), each run natively as its test_pipeline.py runs
// them (classeval_native.py, CPython); only ids and verdicts are stored (the data's licence is
// non-commercial), in test/fixtures/fidelity/classeval.jsonl.
//   npx tsx scripts/fidelity/classeval.ts [path/to/ClassEval_data.json]   (needs python3)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBenchmark } from '../../src/lib/benchmarks/parse';
import type { Benchmark } from '../../src/lib/benchmarks/types';
import { run } from './build';
import { readJsonl, writeJsonl } from './jsonl';
import { classevalSamples, type FidelitySample } from './mutants';

const HERE = new URL('.', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
export const CLASSEVAL_DATA = join(ROOT, '../shared/datasets/classeval/ClassEval_data.json');
const FIXTURE = join(ROOT, 'test/fixtures/fidelity/classeval.jsonl');
const PYTHON = process.env.PYTHON ?? 'python3';

/** Tasks left out: they import packages outside the standard library (Benchtop's Python has none
 * of them yet), their verdict depends on the machine (ClassEval_50: a read-only file is still
 * writable by root, so it fails natively as root and passes in the sandbox), or on chance
 * (ClassEval_58: mines placed at random may land on the same cell, and the test counts them). */
export const CLASSEVAL_SKIP = new Set([
	'ClassEval_28',
	'ClassEval_30',
	'ClassEval_34',
	'ClassEval_38',
	'ClassEval_44',
	'ClassEval_45',
	'ClassEval_50',
	'ClassEval_51',
	'ClassEval_52',
	'ClassEval_57',
	'ClassEval_58',
	'ClassEval_59',
	'ClassEval_69',
	'ClassEval_93',
]);

export interface ClassevalRow {
	taskId: string;
	origin: string;
	/** Whether upstream's pipeline counts the class as solved (every test class a success). */
	solved: boolean;
	classes: [string, string][];
}

export function classevalBenchmark(path = CLASSEVAL_DATA): Benchmark | null {
	if (!existsSync(path)) return null;
	const parsed = parseBenchmark(readFileSync(path, 'utf8'), 'ClassEval_data.json');
	return {
		...parsed,
		id: 'ClassEval_data',
		name: 'ClassEval',
		version: 'file',
		hash: '',
		source: path,
		license: 'CC BY-NC 4.0',
		stop: [],
		count: parsed.problems.length,
	};
}

export const classevalSet = (bench: Benchmark): FidelitySample[] => classevalSamples(bench, CLASSEVAL_SKIP);

export const readClassevalFixture = () => readJsonl<ClassevalRow>(FIXTURE);

/** One sample in a fresh directory, as test_pipeline.py writes and imports it; 5 s per test class. */
async function native(
	program: string,
	testClasses: string[],
): Promise<Omit<ClassevalRow, 'taskId' | 'origin'>> {
	const dir = mkdtempSync(join(tmpdir(), 'benchtop-classeval-'));
	try {
		const input = JSON.stringify({ program, test_classes: testClasses });
		const timeoutMs = 5000 * testClasses.length + 10_000;
		const r = await run(PYTHON, [join(HERE, 'classeval_native.py')], dir, timeoutMs, input);
		const last = r.stdout.trim().split('\n').at(-1) ?? '';
		return last.startsWith('{')
			? (JSON.parse(last) as Omit<ClassevalRow, 'taskId' | 'origin'>)
			: { solved: false, classes: [] };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

async function main() {
	const bench = classevalBenchmark(process.argv[2]);
	if (!bench) throw new Error(`ClassEval data not found at ${process.argv[2] ?? CLASSEVAL_DATA}`);
	const byId = new Map(bench.problems.map((p) => [p.taskId as string, p]));
	const rows: ClassevalRow[] = [];
	const samples = classevalSet(bench);
	for (const s of samples) {
		const p = byId.get(s.taskId)!;
		// Upstream's program: import_statement, the code, then the tests (no runner: it imports it).
		const program = `${p.setup ?? ''}\n${s.completion}\n${p.tests}`;
		const v = await native(program, p.classeval!.testClasses);
		rows.push({ taskId: s.taskId, origin: s.origin, solved: v.solved, classes: v.classes });
	}
	writeJsonl(FIXTURE, rows);
	console.log(`classeval: ${rows.length} samples, ${rows.filter((r) => r.solved).length} solved natively`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) await main();
