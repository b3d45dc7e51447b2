// ClassEval's fidelity fixture: its reference solutions and mutants of them (scripts/fidelity/mutants.ts,
// made from the user's copy of ClassEval_data.json), each run natively as its test_pipeline.py runs
// them (classeval_native.py, CPython); only ids and verdicts are stored (the data's licence is
// non-commercial), in test/fixtures/fidelity/classeval.jsonl.
//   npx tsx scripts/fidelity/classeval.ts [path/to/ClassEval_data.json]   (needs python3)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBenchmark } from '../../src/lib/benchmarks/parse';
import type { Benchmark } from '../../src/lib/benchmarks/types';
import { classevalSamples, type FidelitySample } from './mutants';

const HERE = new URL('.', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
export const CLASSEVAL_DATA = join(ROOT, '../shared/datasets/classeval/ClassEval_data.json');
const FIXTURE = join(ROOT, 'test/fixtures/fidelity/classeval.jsonl');

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

export function readClassevalFixture(): ClassevalRow[] {
	return readFileSync(FIXTURE, 'utf8')
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l) as ClassevalRow);
}

function native(
	program: string,
	testClasses: string[],
): Promise<{ solved: boolean; classes: [string, string][] }> {
	const dir = mkdtempSync(join(tmpdir(), 'benchtop-classeval-'));
	return new Promise((resolve, reject) => {
		const child = spawn('python3', [join(HERE, 'classeval_native.py')], { cwd: dir });
		let out = '';
		const timer = setTimeout(() => child.kill('SIGKILL'), 5000 * testClasses.length + 10_000);
		child.stdout.on('data', (d: Buffer) => (out += d));
		child.on('error', reject);
		child.on('close', () => {
			clearTimeout(timer);
			rmSync(dir, { recursive: true, force: true });
			const last = out.trim().split('\n').at(-1) ?? '';
			resolve(
				last.startsWith('{')
					? (JSON.parse(last) as { solved: boolean; classes: [string, string][] })
					: { solved: false, classes: [] },
			);
		});
		child.stdin.end(JSON.stringify({ program, test_classes: testClasses }));
	});
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
	writeFileSync(FIXTURE, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
	console.log(`classeval: ${rows.length} samples, ${rows.filter((r) => r.solved).length} solved natively`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) await main();
