// Dual execution (CodeT): one sample against every test the model wrote, in one job — the sample's
// program loaded once, then each test run inside it on its own, a failing or crashing test marking
// only itself (CodeT's _pack_test_cases). The job ends by raising a marker with one digit per test,
// so the verdicts arrive in the error message whatever the sample printed. A job that runs out of
// time is split into one job per test with the per-test limit, which finds the test that hung.
import type { Benchmark, Problem } from '../benchmarks/types';
import type { Executes, Job, Limits } from '../execution/runtime';
import { openedFunction } from '../extraction/extract';

type Bench = Pick<Benchmark, 'language' | 'dialect' | 'composition'>;

export const entryOf = (b: Bench, p: Problem): string =>
	p.entryPoint ?? openedFunction(b.language, p.prompt) ?? '';

/** The sample's program without the benchmark's tests. */
function head(b: Bench, p: Problem, s: { code: string; full: boolean }): string {
	if (b.composition === 'mbpp') return `${s.code}\n${p.setup ?? ''}\n`;
	return (s.full ? '' : p.prompt) + s.code + '\n';
}

/** A Lua long string that holds `s` whatever it contains. */
function luaString(s: string): string {
	let eq = '';
	while (s.includes(`]${eq}]`)) eq += '=';
	return `[${eq}[\n${s}]${eq}]`;
}

function runner(b: Bench, entry: string, tests: readonly string[], marker: string): string {
	const list = JSON.stringify(tests);
	if (b.language === 'python')
		return `
__bt_r = ''
for __bt_t in ${list}:
    try:
        exec(__bt_t, globals())
        __bt_r += '1'
    except Exception:
        __bt_r += '0'
raise RuntimeError(${JSON.stringify(marker)} + __bt_r)
`;
	if (b.language === 'javascript')
		return `
{
  const assert = require('node:assert');
  let __bt_r = '';
  for (const __bt_t of ${list}) {
    try { eval(__bt_t); __bt_r += '1'; } catch (__bt_e) { __bt_r += '0'; }
  }
  throw new Error(${JSON.stringify(marker)} + __bt_r);
}
`;
	// Lua: the prompt's function is often local, so each test's chunk gets it in its environment.
	const fn = /^[\w]+$/.test(entry) ? `[${JSON.stringify(entry)}] = ${entry}, ` : '';
	return `
do
  local __bt_env = setmetatable({ ${fn}lu = require('luaunit') }, { __index = _G })
  local __bt_r = ''
  for _, __bt_t in ipairs({ ${tests.map(luaString).join(', ')} }) do
    local chunk = load(__bt_t, 'test', 't', __bt_env)
    local ok = chunk ~= nil and pcall(chunk)
    __bt_r = __bt_r .. (ok and '1' or '0')
  end
  error(${JSON.stringify(marker)} .. __bt_r, 0)
end
`;
}

/** One sample of one problem, to be run against generated tests. */
export interface DualSample {
	bench: Bench;
	problem: Problem;
	sample: { code: string; full: boolean };
	limits: Limits;
	/** Each test's time. */
	perTestMs: number;
}

export function dualJob(
	{ bench: b, problem: p, sample, limits, perTestMs }: DualSample,
	tests: readonly string[],
	marker: string,
): Job {
	return {
		language: b.language,
		program: head(b, p, sample) + runner(b, entryOf(b, p), tests, marker),
		// The sample's own top level gets a second on top of the tests' time (CodeT: timeout × tests).
		limits: { ...limits, timeMs: perTestMs * Math.max(1, tests.length) + 1000 },
	};
}

/** The digits after the marker, if the job got to the end. */
export function readRow(message: string | undefined, marker: string, count: number): boolean[] | undefined {
	const at = message?.indexOf(marker) ?? -1;
	if (at < 0) return undefined;
	const digits = /^[01]*/.exec(message!.slice(at + marker.length))![0];
	return digits.length === count ? [...digits].map((d) => d === '1') : undefined;
}

/** One sample's pass row over the tests. A sample that never reaches the tests (it does not load)
 * passes none; one that runs out of time is tried test by test. */
export async function dualRow(
	executor: Executes,
	d: DualSample,
	tests: readonly string[],
): Promise<boolean[]> {
	if (!tests.length) return [];
	const marker = `BENCHTOP-TESTS-${crypto.randomUUID().slice(0, 8)}:`;
	const whole = await executor.run(dualJob(d, tests, marker));
	const row = readRow(whole.message, marker, tests.length);
	if (row) return row;
	if (whole.status !== 'timeout') return tests.map(() => false);
	const each = await Promise.all(tests.map((t) => executor.run(dualJob(d, [t], marker))));
	return each.map((r) => readRow(r.message, marker, 1)?.[0] ?? false);
}
