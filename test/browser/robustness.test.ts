// `benchtop run --robustness`: ReCode on three HumanEval problems with two transformations, against
// a scripted base model that completes every prompt with that set's own canonical solution except
// where it is told to fail — so every Robust Pass/Drop/Relative value is known in advance.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchtopCli as benchtop } from '../support/cli';
import { startOpenAiServer, type ScriptedServer } from '../support/openai-server';

const tmp = mkdtempSync(join(tmpdir(), 'benchtop-recode-'));
const SETS = ['nominal', 'nominal-partial', 'doc2comments', 'FuncRenameCamelCase', 'SynonymInsertion'];
/** set → the problems the scripted model gets wrong in it. */
const WRONG: Record<string, string[]> = {
	nominal: ['HumanEval/1'],
	'nominal-partial': [],
	SynonymInsertion: [],
	doc2comments: ['HumanEval/0'],
	FuncRenameCamelCase: ['HumanEval/0'],
};
// (HumanEval/2's solution is one line, so its partial-code prompt is its full prompt: one answer.)

interface Problem {
	taskId: string;
	prompt: string;
	reference: string;
}
const answers = new Map<string, { set: string; taskId: string; reference: string }>();
for (const set of SETS) {
	const b = JSON.parse(readFileSync(`public/benchmarks/recode/${set}.json`, 'utf8')) as {
		problems: Problem[];
	};
	// the first set with a prompt answers for it (a perturbation can leave a prompt as it was)
	for (const p of b.problems.slice(0, 42))
		if (!answers.has(p.prompt.trimEnd()))
			answers.set(p.prompt.trimEnd(), { set, taskId: p.taskId, reference: p.reference });
}

let server: ScriptedServer;
beforeAll(async () => {
	server = await startOpenAiServer({
		cors: false,
		models: ['base'],
		script: {},
		respond: (prompt) => {
			const a = answers.get(prompt.trimEnd());
			if (!a) return undefined;
			return { text: WRONG[a.set]!.includes(a.taskId) ? '\n    return None  # wrong\n' : a.reference };
		},
	});
});
afterAll(() => server.close());

/** `benchtop run` on HumanEval's first `limit` problems against the scripted base model. */
const recodeRun = (limit: string, ...rest: string[]) =>
	benchtop(
		'run',
		'--benchmark',
		'humaneval',
		'--endpoint',
		server.url,
		'--model',
		'base',
		'--api',
		'completions',
		'--limit',
		limit,
		...rest,
	);

describe('benchtop run --robustness', () => {
	it('ReCode: the nominal sets and two perturbations, each metric as its definition gives it', async () => {
		const summary = join(tmp, 'summary.json');
		const out = join(tmp, 'sets');
		const r = await recodeRun(
			'3',
			'--k',
			'1',
			'--robustness',
			'doc2comments,FuncRenameCamelCase',
			'--summary',
			summary,
			'--out',
			out,
		);
		expect(r.code, r.stderr).toBe(0);
		const { robustness: rep, sets } = JSON.parse(readFileSync(summary, 'utf8'));
		expect(sets.map((s: { id: string }) => s.id)).toEqual([
			'recode/nominal-partial',
			'recode/nominal',
			'recode/doc2comments',
			'recode/FuncRenameCamelCase',
		]);
		expect(rep.form).toBe('greedy');
		const row = (name: string) => rep.perFamily.find((f: { name: string }) => f.name === name);
		// function-name against the full nominal set: nominal passes 0 and 2; the renamed set passes
		// 1 and 2 → RP 2/3, RD 0, RR 2/3 (0 lost, 1 won).
		const fn = row('function-name');
		expect(fn.nominal['pass@1']).toBeCloseTo(2 / 3, 12);
		expect(fn.robustPass['pass@1'].value).toBeCloseTo(2 / 3, 12);
		expect(fn.robustDrop['pass@1'].value).toBe(0);
		expect(fn.robustRelative['pass@1'].value).toBeCloseTo(2 / 3, 12);
		expect(fn.flips.map((f: { taskId: string }) => f.taskId)).toEqual(['HumanEval/0', 'HumanEval/1']);
		// format against the partial-code nominal set: all pass there, doc2comments loses 0
		// → RP 2/3, RD 1/3, RR 1/3.
		const format = row('format');
		expect(format.nominal['pass@1']).toBe(1);
		expect(format.robustPass['pass@1'].value).toBeCloseTo(2 / 3, 12);
		expect(format.robustDrop['pass@1'].value).toBeCloseTo(1 / 3, 12);
		expect(format.robustRelative['pass@1'].value).toBeCloseTo(1 / 3, 12);
		// The terminal's table and one results file per set.
		expect(r.stdout).toMatch(/format +100\.0% +66\.7% .* +33\.3% +33\.3%/);
		expect(r.stdout).toMatch(/ {2}doc2comments +100\.0% +66\.7%/);
		const doc = readFileSync(join(out, 'doc2comments.jsonl'), 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(doc.map((l: { passed: boolean }) => l.passed)).toEqual([false, true, true]);
		// every request was one of the four sets' prompts
		expect(server.requests).toHaveLength(12);
	});

	it("marks the flips on prompts ReCode's released data damaged (a docstring that never closes)", async () => {
		const summary = join(tmp, 'faults.json');
		const r = await recodeRun('42', '--k', '1', '--robustness', 'SynonymInsertion', '--summary', summary);
		expect(r.code, r.stderr).toBe(0);
		const [row] = JSON.parse(readFileSync(summary, 'utf8')).robustness.perTransformation;
		// HumanEval/38 and /41 are the first of its 72 damaged prompts: their references cannot pass.
		expect(row.faults).toEqual(['HumanEval/38', 'HumanEval/41']);
		const flips = row.flips
			.filter((f: { fault?: boolean }) => f.fault)
			.map((f: { taskId: string }) => f.taskId);
		expect(flips).toEqual(['HumanEval/38', 'HumanEval/41']);
		expect(r.stdout).toMatch(
			/data fault: 2 of SynonymInsertion's prompts run here are damaged in ReCode's released data/,
		);
	});

	it('refuses what it cannot run, saying why', async () => {
		const bad = await benchtop('run', '--benchmark', 'humaneval', '--reference', '--robustness', 'speling');
		expect(bad.stderr).toMatch(
			/--robustness: "speling" is neither a ReCode family \(docstring, function-name, code-syntax, format, all\)/,
		);
		const other = await benchtop('run', '--benchmark', 'mbpp', '--reference', '--robustness', 'format');
		expect(other.stderr).toMatch(
			/ReCode's perturbations are of HumanEval \(--benchmark humaneval\), not mbpp/,
		);
	});
});
