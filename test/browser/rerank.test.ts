// Reranking by model-written tests in the real runtimes: one job per sample runs every generated test
// inside the sample's program (Pyodide, QuickJS, wasmoon), each test marking only itself; a test
// that hangs is found by the per-test retry.
import { describe, expect, it } from 'vitest';
import { taskId } from '../../src/lib/core/ids';
import { DEFAULT_LIMITS } from '../../src/lib/execution/runtime';
import { dualJob, readRow } from '../../src/lib/pipeline/dual';
import { useHarness } from './support/page';
import { runPrograms } from './support/run';

const h = useHarness();
const MARK = 'BENCHTOP-TESTS-t:';

describe('dual execution', () => {
	it('Python, JavaScript and Lua: each test passes or fails on its own, whatever the sample prints', async () => {
		const cases = [
			{
				bench: { language: 'python', composition: 'human-eval' } as const,
				prompt: 'def inc(x):\n    """x + 1"""\n',
				code: '    print("x" * 70000)\n    return x + 1\n',
				tests: [
					'assert inc(1) == 2',
					'assert inc(1) == 3',
					'assert inc(',
					'assert inc("a") == 1',
					'assert inc(0) == 1',
				],
				want: '10001',
			},
			{
				bench: { language: 'javascript', composition: 'multipl-e' } as const,
				prompt: 'function inc(x){\n',
				code: '  return x + 1;\n}\n',
				tests: [
					'assert.deepEqual(inc(1), 2);',
					'assert.deepEqual(inc(1), 3);',
					'assert.deepEqual(inc(',
					'assert.deepEqual(inc(0), 1);',
				],
				want: '1001',
			},
			{
				bench: { language: 'lua', composition: 'multipl-e' } as const,
				prompt: 'local function inc(x)\n',
				code: '  return x + 1\nend\n',
				tests: [
					'lu.assertEquals(inc(1), 2)',
					'lu.assertEquals(inc(1), 3)',
					'lu.assertEquals(inc(',
					'assert(inc(0) == 1)',
				],
				want: '1001',
			},
		];
		for (const c of cases) {
			const p = { taskId: taskId('t'), prompt: c.prompt, tests: '' };
			const job = dualJob(
				{
					bench: c.bench,
					problem: p,
					sample: { code: c.code, full: false },
					limits: DEFAULT_LIMITS,
					perTestMs: 1000,
				},
				c.tests,
				MARK,
			);
			const [r] = await runPrograms(h.page, c.bench.language, [job.program], job.limits);
			const row = readRow(r!.message, MARK, c.tests.length);
			expect(row?.map((x) => (x ? '1' : '0')).join(''), `${c.bench.language}: ${r!.message}`).toBe(c.want);
		}
	});
});
