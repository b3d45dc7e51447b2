// Sharded runs end to end: the GitHub Actions example's own commands (examples/github-actions/
// benchtop-sharded.yml) run as its matrix would run them — four shards, then merge — and give
// byte for byte the results and summary of one unsharded `benchtop score` on the same samples.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../scripts/fidelity/jsonl';
import { benchtopCli, TEST_PROFILE } from '../support/cli';

const exec = promisify(execFile);
const ROOT = resolve('.');
const tmp = mkdtempSync(join(tmpdir(), 'benchtop-shards-'));
const WORKFLOW = 'examples/github-actions/benchtop-sharded.yml';

interface Step {
	name?: string;
	run?: string;
	uses?: string;
}
interface Workflow {
	jobs: {
		shard: { strategy: { matrix: { shard: number[] } }; steps: Step[] };
		merge: { needs: string; steps: Step[] };
	};
}

/** A step's command as the runner would run it: the expressions filled in, the CLI at this checkout. */
function command(step: Step, context: Record<string, string | number>): string {
	return step
		.run!.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
			if (!(name in context)) throw new Error(`${WORKFLOW}: the test has no value for \${{ ${name} }}`);
			return String(context[name]);
		})
		.replace(/\bnode cli\/bin\.js\b/, `node ${ROOT}/cli/bin.js`);
}

const bash = (script: string) =>
	exec('bash', ['-euo', 'pipefail', '-c', script], {
		cwd: tmp,
		timeout: 240_000,
		env: { ...process.env, BENCHTOP_PROFILE: TEST_PROFILE },
	}).catch((e: { code: number; stdout: string; stderr: string }) => e);

// Real completions of 40 HumanEval problems from four models (../shared/realworld, MIT): passes and
// every kind of failure; the few that loop are left out so that no verdict hangs on the machine's load.
const MODELS = [
	'Claude_custom',
	'gpt4_final_500c_long',
	'Bard_custom',
	'TheBloke_starcoderplus-GPTQ_ALPACA_STARPLUS_1',
];
const rows = readJsonl<{ model: string; taskId: string; completion: string; native: string }>(
	'test/fixtures/fidelity/realworld.jsonl',
).filter((r) => MODELS.includes(r.model) && Number(r.taskId.split('/')[1]) < 40 && r.native !== 'timed out');
const samples = join(tmp, 'samples.jsonl');
writeFileSync(
	samples,
	rows.map((r) => JSON.stringify({ task_id: r.taskId, completion: r.completion })).join('\n') + '\n',
);

describe('sharded score: the GitHub Actions example', () => {
	it('4 shards + merge = one unsharded run, byte for byte; different settings are refused', async () => {
		expect(rows.length).toBeGreaterThan(150);
		const whole = await benchtopCli(
			'score',
			'--benchmark',
			'humaneval',
			'--samples',
			samples,
			'--out',
			join(tmp, 'whole.jsonl'),
			'--summary',
			join(tmp, 'whole.json'),
		);
		expect(whole.code, whole.stderr).toBe(0);

		const wf = parse(readFileSync(WORKFLOW, 'utf8')) as Workflow;
		const shards = wf.jobs.shard.strategy.matrix.shard;
		expect(shards).toEqual([1, 2, 3, 4]);
		expect(wf.jobs.merge.needs).toBe('shard');
		const scoreStep = wf.jobs.shard.steps.find((s) => s.run?.includes('cli/bin.js score'))!;
		const mergeStep = wf.jobs.merge.steps.find((s) => s.run?.includes('cli/bin.js merge'))!;
		const inputs = { 'inputs.benchmark': 'humaneval', 'inputs.samples': samples };
		// In reverse, and one at a time as runners would finish in any order.
		for (const k of [...shards].reverse()) {
			const r = await bash(
				command(scoreStep, { ...inputs, 'matrix.shard': k, 'strategy.job-total': shards.length }),
			);
			expect(r.stderr, `shard ${k}`).not.toMatch(/benchtop: /);
			expect(r.stdout).toMatch(new RegExp(`shard\\s+${k}/4 · 41 problems`));
		}
		const merged = await bash(command(mergeStep, {}));
		expect(merged.stderr).not.toMatch(/benchtop: /);

		expect(readFileSync(join(tmp, 'results.jsonl'), 'utf8')).toBe(
			readFileSync(join(tmp, 'whole.jsonl'), 'utf8'),
		);
		expect(readFileSync(join(tmp, 'summary.json'), 'utf8')).toBe(
			readFileSync(join(tmp, 'whole.json'), 'utf8'),
		);
		// The printed table too, but for the results file's name.
		const rowsOf = (out: string) => out.split('\n').filter((l) => !l.startsWith('results'));
		expect(rowsOf(merged.stdout)).toEqual(rowsOf(whole.stdout));
		const summary = JSON.parse(readFileSync(join(tmp, 'summary.json'), 'utf8'));
		expect(summary.problems).toMatchObject({ attempted: 40, total: 164 });
		expect(summary.counts.status.passed).toBeGreaterThan(20);
		expect(summary.counts.status.failed).toBeGreaterThan(20);

		// Shard 2 again with another time limit: merging it with the others is refused, saying why.
		const other = await benchtopCli(
			'score',
			'--benchmark',
			'humaneval',
			'--samples',
			samples,
			'--shard',
			'2/4',
			'--timeout-ms',
			'5000',
			'--out',
			join(tmp, 'other-2.json'),
		);
		expect(other.code, other.stderr).toBe(0);
		const refused = await benchtopCli(
			'merge',
			...['shard-1.json', 'other-2.json', 'shard-3.json', 'shard-4.json'].map((f) => join(tmp, f)),
		);
		expect(refused.code).toBe(1);
		expect(refused.stderr.trim()).toBe(
			`benchtop: ${join(tmp, 'other-2.json')} is a shard of a different run or settings than ${join(tmp, 'shard-1.json')}: config.limits.timeMs is 5000 there, 3000 in ${join(tmp, 'shard-1.json')}`,
		);
		const missing = await benchtopCli('merge', join(tmp, 'shard-1.json'), join(tmp, 'shard-3.json'));
		expect(missing.stderr.trim()).toBe('benchtop: shards 2, 4 of 4 missing (got 1, 3)');
	});
});
