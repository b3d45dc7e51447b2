// The Node (WebContainer) runtime's parts that need no live container: where a sample's files go,
// how node's exit and stderr become verdicts (MultiPL-E's statuses), limits, and the runtime choice.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEnvironment, chooseJsRuntime, within } from '../../runtimes/node/availability';
import { layout, RUNNER, RUNNER_SOURCE } from '../../runtimes/node/layout';
import { transpile } from '../../runtimes/node/typescript';
import { nodeVerdict, uncaught } from '../../runtimes/node/verdict';
import { multiplEStatus } from '../../src/lib/formats/results';
import { DEFAULT_LIMITS, type Job } from '../../src/lib/execution/runtime';

const job = (program: string, extra: Partial<Job> = {}): Job => ({
	language: 'javascript',
	program,
	limits: DEFAULT_LIMITS,
	...extra,
});

/** Runs a program the way the container does — runner.cjs in a fresh directory — with this machine's node. */
function viaRunner(program: string) {
	const root = mkdtempSync(join(tmpdir(), 'benchtop-node-'));
	const l = layout(job(program), 0);
	mkdirSync(join(root, l.dir, 'tmp'), { recursive: true });
	writeFileSync(join(root, RUNNER), RUNNER_SOURCE);
	for (const [name, text] of Object.entries(l.files)) writeFileSync(join(root, l.dir, name), text);
	let exitCode = 0;
	try {
		execFileSync(process.execPath, l.args, { cwd: root, stdio: 'ignore' });
	} catch (e) {
		exitCode = (e as { status: number }).status;
	}
	const read = (f: string) => readFileSync(join(root, l.dir, f), 'utf8');
	return { exitCode, stdout: read('.stdout'), stderr: read('.stderr'), timedOut: false, durationMs: 1 };
}

describe('program layout', () => {
	it('each sample gets its own directory and temp dir, run through runner.cjs', () => {
		const l = layout(job('console.log(1)'), 7);
		expect(l).toMatchObject({
			dir: 'samples/7',
			entry: 'program.js',
			command: 'node',
			args: [RUNNER, 'samples/7', 'program.js'],
		});
		expect(l.env.TMPDIR).toBe('samples/7/tmp');
		expect(l.env.NODE_OPTIONS).toBe('--max-old-space-size=512');
	});
	it('TypeScript keeps its source beside the transpiled file, and needs the latter', () => {
		expect(layout(job('let x: number = 1', { dialect: 'typescript' }), 1, 'let x = 1').files).toEqual({
			'program.ts': 'let x: number = 1',
			'program.js': 'let x = 1',
		});
		expect(() => layout(job('let x: number = 1', { dialect: 'typescript' }), 1)).toThrow(/transpiled/);
	});
});

describe('runner.cjs and verdicts (checked with this machine’s node)', () => {
	const assertHead = "const assert = require('node:assert');\n";
	it.each([
		[
			'passes, with stdout captured apart from stderr',
			assertHead + 'console.log("hi"); console.error("warn"); assert.deepEqual([1], [1]);',
			'OK',
		],
		['an assertion', assertHead + 'assert.deepEqual(1, 2);', 'AssertionError'],
		['a syntax error', 'function (', 'SyntaxError'],
		['an unknown name', 'nope();', 'ReferenceError'],
		['a TypeError', 'null.x;', 'Exception'],
		['process.exit(3)', 'process.exit(3);', 'Exception'],
	])('%s', (_name, program, status) => {
		const run = viaRunner(program);
		const v = nodeVerdict(run, DEFAULT_LIMITS);
		expect(multiplEStatus(v, 'javascript')).toBe(status);
		if (status === 'OK') expect([v.stdout, v.stderr]).toEqual(['hi\n', 'warn\n']);
	});
	it('names the error and the program line', () => {
		expect(
			uncaught(
				"/x/samples/1/program.js:3\n    null.x;\n         ^\n\nTypeError: Cannot read properties of null (reading 'x')\n    at Object.<anonymous> (/x/samples/1/program.js:3:10)",
			),
		).toEqual({
			name: 'TypeError',
			message: "Cannot read properties of null (reading 'x')",
			line: 3,
		});
		expect(
			uncaught('AssertionError [ERR_ASSERTION]: Expected values to be loosely deep-equal:'),
		).toMatchObject({ name: 'AssertionError' });
	});
});

describe('TypeScript', () => {
	it('is transpiled, then runs under node with the same verdicts', () => {
		const t = transpile(
			"import assert from 'node:assert';\nconst add = (a: number, b: number): number => a + b;\nassert.strictEqual(add(2, 3), 5);",
		);
		expect('code' in t && multiplEStatus(nodeVerdict(viaRunner(t.code), DEFAULT_LIMITS), 'javascript')).toBe(
			'OK',
		);
		const wrong = transpile(
			"import assert from 'node:assert';\nconst add = (a: number, b: number): number => a - b;\nassert.strictEqual(add(2, 3), 5);",
		);
		expect(
			'code' in wrong && multiplEStatus(nodeVerdict(viaRunner(wrong.code), DEFAULT_LIMITS), 'javascript'),
		).toBe('AssertionError');
		expect(transpile('const x: = 1;')).toMatchObject({ error: expect.stringMatching(/Unexpected token/) });
	});
});

describe('limits', () => {
	it('a killed process is a timeout; output is cut to the limit and flagged', () => {
		expect(
			nodeVerdict(
				{ exitCode: null, stdout: '', stderr: '', timedOut: true, durationMs: 3000 },
				DEFAULT_LIMITS,
			),
		).toMatchObject({ status: 'timeout', kind: 'timeout' });
		const v = nodeVerdict(
			{ exitCode: 0, stdout: 'x'.repeat(100), stderr: '', timedOut: false, durationMs: 1 },
			{ ...DEFAULT_LIMITS, outputBytes: 10 },
		);
		expect(v).toMatchObject({ status: 'passed', stdout: 'x'.repeat(10), truncated: true });
	});
	it('a boot that takes too long is reported, not waited for', async () => {
		await expect(within(new Promise(() => {}), 50, 'starting WebContainer')).rejects.toThrow(
			/starting WebContainer did not finish within 0 s/,
		);
		await expect(within(Promise.resolve(1), 50, 'x')).resolves.toBe(1);
	});
});

describe('runtime choice', () => {
	const chrome =
		'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
	it('checks isolation, browser and network, each in plain words', () => {
		expect(checkEnvironment({ crossOriginIsolated: true, userAgent: chrome, online: true })).toEqual({
			ok: true,
		});
		expect(checkEnvironment({ crossOriginIsolated: false, userAgent: chrome, online: true })).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/cross-origin isolated/),
		});
		expect(
			checkEnvironment({
				crossOriginIsolated: true,
				userAgent: 'Mozilla/5.0 (Macintosh) AppleWebKit/605 Version/15.0 Safari/605',
				online: true,
			}),
		).toMatchObject({ ok: false, reason: expect.stringMatching(/not one WebContainer supports/) });
		expect(checkEnvironment({ crossOriginIsolated: true, userAgent: chrome, online: false })).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/offline/),
		});
	});
	it('Node when asked for and available; otherwise QuickJS with the reason', () => {
		expect(chooseJsRuntime('quickjs', { ok: true })).toEqual({ runtime: 'quickjs' });
		expect(chooseJsRuntime('node', { ok: true })).toEqual({ runtime: 'node' });
		expect(chooseJsRuntime('node', { ok: false, reason: 'the browser is offline' })).toEqual({
			runtime: 'quickjs',
			notice: 'Node (WebContainer) is unavailable: the browser is offline. Running on QuickJS instead.',
		});
	});
});
