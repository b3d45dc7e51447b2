// The sandbox's require('node:assert') against Node's own: every case must throw (or not) exactly
// as node:assert does. Values are built from source in each realm so prototypes are native there.
import nodeAssert from 'node:assert';
import nodeUtil from 'node:util';
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const prelude = readFileSync('runtimes/javascript/prelude.js', 'utf8');
const context = createContext({ __bt_host: { write() {}, exit() {} } });
const harness = runInContext(prelude, context) as { assertions(): number };
runInContext(
	'globalThis.__assert = (() => { let a; harness.run(function (e, require) { a = require("node:assert"); }); return a; })()',
	Object.assign(context, { harness }),
);

const PAIRS: [string, string][] = [
	['1', '1'],
	['1', '"1"'],
	['1', '2'],
	['NaN', 'NaN'],
	['0', '-0'],
	['null', 'undefined'],
	['true', '1'],
	['[1, 2]', '[1, 2]'],
	['[1, 2]', '["1", 2]'],
	['[1, 2]', '[1, 2, 3]'],
	['[[1, [2]], 3]', '[[1, [2]], 3]'],
	['[1, , 3]', '[1, undefined, 3]'],
	['{a: 1, b: [2]}', '{b: [2], a: 1}'],
	['{a: 1}', '{a: 1, b: undefined}'],
	['{a: undefined}', '{b: undefined}'],
	['[]', '{}'],
	['new Date(0)', 'new Date(0)'],
	['new Date(0)', 'new Date(1)'],
	['/a/g', '/a/g'],
	['/a/g', '/a/i'],
	['new Set([1, 2])', 'new Set([2, 1])'],
	['new Set([[1]])', 'new Set([[1]])'],
	['new Map([[1, {a: 1}]])', 'new Map([[1, {a: 1}]])'],
	['new Map([[1, 2]])', 'new Map([[1, 3]])'],
	['new Error("x")', 'new Error("x")'],
	['new Error("x")', 'new TypeError("x")'],
	['new Number(1)', 'new Number(1)'],
	['new Number(1)', '1'],
	['Object.create(null)', '{}'],
	['[1.5, "a", null]', '[1.5, "a", null]'],
	['"abc"', '"abc"'],
	['{x: [1, {y: 2}]}', '{x: [1, {y: "2"}]}'],
	['new Uint8Array([1, 2])', 'new Uint8Array([1, 2])'],
	['[NaN]', '[NaN]'],
	['(() => { const a = [1]; a.push(a); return a; })()', '(() => { const a = [1]; a.push(a); return a; })()'],
];
const METHODS = [
	'deepEqual',
	'deepStrictEqual',
	'notDeepEqual',
	'notDeepStrictEqual',
	'equal',
	'strictEqual',
	'notEqual',
	'notStrictEqual',
] as const;

const outcome = (f: () => void) => {
	try {
		f();
		return 'ok';
	} catch (e) {
		return (e as Error).name;
	}
};

describe("require('node:assert') in the sandbox matches node:assert", () => {
	for (const method of METHODS) {
		it.each(PAIRS)(`${method}(%s, %s)`, (a, b) => {
			const expected = outcome(() =>
				(nodeAssert as unknown as Record<string, (x: unknown, y: unknown) => void>)[method]!(
					eval(`(${a})`),
					eval(`(${b})`),
				),
			);
			const actual = outcome(() => runInContext(`__assert.${method}((${a}), (${b}))`, context));
			expect(actual).toBe(expected);
		});
	}

	it('throws, ok and the assertion counter', () => {
		const before = harness.assertions();
		expect(
			outcome(() => runInContext('__assert.throws(() => { throw new TypeError("x"); }, TypeError)', context)),
		).toBe('ok');
		expect(outcome(() => runInContext('__assert.throws(() => {})', context))).toBe('AssertionError');
		expect(outcome(() => runInContext('__assert(0)', context))).toBe('AssertionError');
		expect(outcome(() => runInContext('__assert.ok(1)', context))).toBe('ok');
		expect(harness.assertions()).toBe(before + 4);
	});
});

describe("require('node:util') in the sandbox: the part programs use, as node:util gives it", () => {
	runInContext(
		'globalThis.__util = (() => { let u; harness.run(function (e, require) { u = require("util"); }); return u; })()',
		context,
	);
	const CALLS = [
		'format("%s has %d items", "list", 3)',
		'format("%i%%", 42.9)',
		'format("%j", {a: [1, "x"]})',
		'format("a", "b", 1)',
		'format("%s")',
		'format(1, "two", [3])',
		'inspect("quoted")',
		'inspect([1, "a", {b: null}])',
		'inspect(new Map([[1, "x"]]))',
		'isDeepStrictEqual([1, {a: 2}], [1, {a: 2}])',
		'isDeepStrictEqual([1], ["1"])',
		'types.isDate(new Date(0))',
		'types.isMap([])',
	];
	it.each(CALLS)('util.%s', (call) => {
		const expected = new Function('util', `return util.${call}`)(nodeUtil) as unknown;
		expect(runInContext(`__util.${call}`, context)).toEqual(expected);
	});

	it('promisify resolves and rejects as the callback says', async () => {
		const got = (await runInContext(
			'Promise.all([__util.promisify((x, cb) => cb(null, x * 2))(21), __util.promisify((cb) => cb(new Error("no")))().catch((e) => e.message)])',
			context,
		)) as unknown[];
		expect(got).toEqual([42, 'no']);
	});
});

describe('one line of a sample does not make a wrong answer pass (assert keeps its own intrinsics)', () => {
	// Each cheat runs in a fresh context after the prelude, as a sample does; then a wrong answer is
	// compared by ours and by Node's (which captured its intrinsics too) on the same values. Where
	// the cheat breaks the values themselves (a Map built with no iterator is empty) both agree.
	const CHEATS = [
		'Number.isNaN = () => true',
		'Array.isArray = () => false',
		'Object.keys = () => []',
		'Object.is = () => true',
		'Object.getPrototypeOf = () => null',
		'Function.prototype.apply = function () {}',
		'Function.prototype.call = function () {}',
		'Reflect.apply = function () {}',
		'Array.prototype.filter = () => []',
		'Array.prototype.every = () => true',
		'Array.prototype.findIndex = () => 0',
		'Array.prototype[Symbol.iterator] = function* () {}',
		'Map.prototype.entries = function* () {}',
		'Set.prototype.values = function* () {}',
		"Object.defineProperty(Map.prototype, 'size', { get: () => 0 })",
		'Object.prototype.propertyIsEnumerable = () => true',
		'Object.prototype.hasOwnProperty = () => true',
		'Date.prototype.getTime = () => 0',
		'RegExp.prototype.exec = () => ({})',
		'Object.defineProperty(Map, Symbol.hasInstance, { value: () => false })',
		'globalThis.Map = function () {}',
		'globalThis.Error = function () {}',
	];
	const WRONG: [string, string, string][] = [
		['deepStrictEqual', '1', '2'],
		['deepStrictEqual', '[1, 2]', '[1, 3]'],
		['deepEqual', '{a: 1}', '{a: 2}'],
		['deepStrictEqual', 'new Map([[1, 2]])', 'new Map([[1, 3]])'],
		['deepStrictEqual', 'new Set([1])', 'new Set([2])'],
		['deepStrictEqual', 'new Date(0)', 'new Date(1)'],
		['strictEqual', '1', '2'],
		['match', '"abc"', '/x/'],
	];
	it.each(CHEATS)('%s', (cheat) => {
		const ctx = createContext({ __bt_host: { write() {}, exit() {} } });
		const h = runInContext(prelude, ctx) as { run(fn: unknown): void };
		runInContext(
			'globalThis.__assert = (() => { let a; harness.run(function (e, require) { a = require("node:assert"); }); return a; })()',
			Object.assign(ctx, { harness: h }),
		);
		runInContext(cheat, ctx);
		const ours = runInContext('__assert', ctx) as Record<string, (x: unknown, y: unknown) => void>;
		const node = nodeAssert as unknown as Record<string, (x: unknown, y: unknown) => void>;
		let wrongCaught = 0;
		for (const [method, a, b] of WRONG) {
			const [va, vb] = [runInContext(`(${a})`, ctx), runInContext(`(${b})`, ctx)];
			const expected = outcome(() => node[method]!(va, vb));
			expect(
				outcome(() => ours[method]!(va, vb)),
				`${method}(${a}, ${b})`,
			).toBe(expected);
			if (expected !== 'ok') wrongCaught++;
		}
		expect(wrongCaught).toBeGreaterThanOrEqual(WRONG.length - 2);
	});
});
