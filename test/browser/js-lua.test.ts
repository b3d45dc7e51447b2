// JavaScript (QuickJS) and Lua (wasmoon) in real workers: MultiPL-E-style programs give node's and
// lua5.4's verdicts, with the error names MultiPL-E reports.
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/page';
import { runPrograms } from './support/run';

const h = useHarness();

const jsTest = (body: string) => `const assert = require('node:assert');\n${body}\n`;

describe('JavaScript sandbox', () => {
	it('passes with node:assert deepEqual and reports AssertionError on a wrong answer', async () => {
		const [ok, bad] = await runPrograms(h.page, 'javascript', [
			jsTest(
				'function f(x){ return [x, x+1]; }\nassert.deepEqual(f(1), [1, 2]);\nassert.deepEqual(f(1), ["1", 2]);\nconsole.log("done", [1, 2]);',
			),
			jsTest('function f(x){ return x; }\nassert.deepEqual(f(1), 2);'),
		]);
		expect(ok).toMatchObject({ status: 'passed', stdout: 'done [ 1, 2 ]\n' });
		expect(bad).toMatchObject({ status: 'failed', kind: 'assertion', errorType: 'AssertionError', line: 3 });
		// The same program does the same work (QuickJS's own step count), on any machine.
		const loop = jsTest('let s = 0; for (let i = 0; i < 300000; i++) s += i;');
		const [a, b] = await runPrograms(h.page, 'javascript', [loop, loop]);
		expect(a!.work).toBeGreaterThan(0);
		expect(a!.work).toBe(b!.work);
		// Both sides as the prelude printed them when the assertion failed (the failure taxonomy's input).
		expect(bad?.assertion).toEqual({
			actual: '1',
			actualType: 'number',
			expected: '2',
			expectedType: 'number',
		});
	});

	it('names uncaught errors like node does', async () => {
		const results = await runPrograms(h.page, 'javascript', [
			jsTest('undefinedFunction();'),
			jsTest('null.x;'),
			jsTest('function f( {'),
			jsTest('throw new RangeError("r");'),
		]);
		expect(results.map((r) => [r.status, r.errorType])).toEqual([
			['failed', 'ReferenceError'],
			['failed', 'TypeError'],
			['failed', 'SyntaxError'],
			['failed', 'RangeError'],
		]);
	});

	it('has the Node globals and modules programs reach for (node-shims.js), in QuickJS', async () => {
		const [ok, late] = await runPrograms(h.page, 'javascript', [
			jsTest(
				[
					"const util = require('util');",
					"const fs = require('fs');",
					"fs.writeFileSync('out.txt', 'x');",
					"assert.strictEqual(fs.readFileSync('out.txt', 'utf8'), 'x');",
					"assert.deepStrictEqual(Array.from(new TextEncoder().encode('é')), [195, 169]);",
					"assert.strictEqual(new TextDecoder().decode(new TextEncoder().encode('€𝄞')), '€𝄞');",
					'const o = { a: [1, { b: 2 }] };',
					'const c = structuredClone(o);',
					'assert.deepStrictEqual(c, o);',
					'assert.notStrictEqual(c.a, o.a);',
					"assert.strictEqual(util.format('%s=%d', 'n', 3), 'n=3');",
					'let ticks = 0;',
					'const id = setInterval(() => { if (++ticks === 2) clearInterval(id); }, 5);',
					"queueMicrotask(() => console.log('micro'));",
					'setTimeout(() => assert.strictEqual(ticks, 2), 50);',
					'assert.ok(performance.now() >= 0);',
				].join('\n'),
			),
			jsTest('queueMicrotask(() => { assert.strictEqual(1, 2); });'),
		]);
		expect(ok).toMatchObject({ status: 'passed', stdout: 'micro\n' });
		// node exits with the microtask's uncaught error: MultiPL-E reads AssertionError there.
		expect(late).toMatchObject({ status: 'failed', errorType: 'AssertionError' });
	});

	it('allows a top-level return, as a CommonJS module does', async () => {
		const [r] = await runPrograms(h.page, 'javascript', [
			jsTest('assert.ok(true);\nreturn;\nassert.ok(false);'),
		]);
		expect(r?.status).toBe('passed');
	});
});

const luaTest = (body: string) =>
	`${body}\nlu = require('luaunit')\nfunction test_it()\n  lu.assertEquals(f(1), {1, 2})\nend\nos.exit(lu.LuaUnit.run())\n`;

describe('Lua sandbox', () => {
	it('passes a LuaUnit test and fails a wrong answer with a non-zero exit', async () => {
		const [ok, bad] = await runPrograms(h.page, 'lua', [
			luaTest('local function f(x) return {x, x + 1.0} end\nprint("hi")'),
			luaTest('local function f(x) return {x, x} end'),
		]);
		expect(ok).toMatchObject({ status: 'passed', exitCode: 0 });
		expect(ok?.stdout).toContain('hi\n');
		expect(ok?.stdout).toContain('OK');
		expect(bad).toMatchObject({ status: 'failed', kind: 'assertion', exitCode: 1 });
		// LuaUnit's "expected: … actual: …", with each side's type read off how it prints; the work the
		// VM did, in blocks of 1,000 instructions, the same for the same program.
		const loop = 'local s = 0\nfor i = 1, 300000 do s = s + i end';
		const [x, y] = await runPrograms(h.page, 'lua', [loop, loop]);
		expect(x!.work).toBeGreaterThan(100);
		expect(x!.work).toBe(y!.work);
		expect(bad?.assertion).toMatchObject({ actualType: 'table', expectedType: 'table' });
		expect(bad?.assertion?.actual).toMatch(/^\{1, 1\}$/);
	});

	it('reports syntax and runtime errors', async () => {
		const [syn, err] = await runPrograms(h.page, 'lua', ['local x = = 1', 'local t = nil\nprint(t.x)']);
		expect(syn).toMatchObject({ status: 'failed', kind: 'syntax', line: 1 });
		expect(err).toMatchObject({ status: 'failed', kind: 'exception', line: 2 });
	});
});
