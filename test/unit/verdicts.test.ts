// The pure verdict rules of the JavaScript and Lua runtimes.
import { describe, expect, it } from 'vitest';
import { classifyJsError, lineIn, testsRequireAssert } from '../../runtimes/javascript/verdict';
import { luaVerdict, testsUseLuaUnit } from '../../runtimes/lua/verdict';
import { DEFAULT_LIMITS } from '../../src/lib/execution/runtime';

describe('JavaScript verdicts', () => {
	it.each([
		[{ name: 'AssertionError', message: 'x' }, 'assertion', 'AssertionError'],
		[{ name: 'SyntaxError', message: 'x' }, 'syntax', 'SyntaxError'],
		[{ name: 'ReferenceError', message: 'x' }, 'exception', 'ReferenceError'],
		[{ name: 'InternalError', message: 'out of memory' }, 'memory', 'RangeError'],
		[{ name: 'InternalError', message: 'stack overflow' }, 'stack', 'RangeError'],
	])('%o is a %s failure', (e, kind, errorType) => {
		expect(classifyJsError(e, undefined, undefined, 3)).toMatchObject({
			status: 'failed',
			kind,
			errorType,
			line: 3,
		});
	});

	it('our own stops win over whatever error unwound the program', () => {
		expect(classifyJsError({ name: 'Error' }, 'timeout', undefined, 1).status).toBe('timeout');
		expect(classifyJsError({}, 'early-exit', 0, undefined).kind).toBe('early-exit');
		expect(classifyJsError({}, 'early-exit', 3, undefined)).toMatchObject({
			kind: 'exception',
			message: 'process exited with code 3',
		});
	});

	it('finds the program line in a QuickJS stack', () => {
		expect(lineIn('    at f (program.js:12:5)\n    at <eval> (program.js:20)', 'program.js')).toBe(12);
		expect(lineIn(undefined, 'program.js')).toBeUndefined();
	});

	it('expects assertions only when the tests load node:assert', () => {
		const job = (program: string) => ({
			language: 'javascript' as const,
			program,
			testsLine: 2,
			limits: DEFAULT_LIMITS,
		});
		expect(testsRequireAssert(job("x\nconst assert = require('node:assert');"))).toBe(true);
		expect(testsRequireAssert(job("require('assert')\nif (f() !== 1) throw new Error();"))).toBe(false);
	});
});

describe('Lua verdicts', () => {
	const report = { tests: 1, failures: 0, errors: 0, assertions: 3, intact: true };
	it('passes only when LuaUnit ran, untouched, and the exit code is 0', () => {
		expect(luaVerdict({ stop: 'exit', exitCode: 0, report }).status).toBe('passed');
		expect(luaVerdict({ stop: 'exit', exitCode: 0 }).kind).toBe('early-exit');
		// tests without LuaUnit (plain assert): a program that runs to its end passes, os.exit does not
		expect(luaVerdict({ usesLuaUnit: false }).status).toBe('passed');
		expect(luaVerdict({ usesLuaUnit: false, stop: 'exit', exitCode: 0 }).kind).toBe('early-exit');
		expect(luaVerdict({ usesLuaUnit: false, error: 'program.lua:3: assertion failed!' })).toMatchObject({
			status: 'failed',
			kind: 'exception',
			line: 3,
		});
		expect(testsUseLuaUnit("x = 1\nlocal lu = require('luaunit')", 2)).toBe(true);
		expect(testsUseLuaUnit("require('luaunit')\nassert(f() == 1)", 2)).toBe(false);
		expect(luaVerdict({ stop: 'exit', exitCode: 0, exitBeforeReport: true, report }).kind).toBe('early-exit');
		expect(luaVerdict({ stop: 'exit', exitCode: 0, report: { ...report, intact: false } }).kind).toBe(
			'harness-tampered',
		);
		expect(luaVerdict({ stop: 'exit', exitCode: 0, report: { ...report, assertions: 0 } }).kind).toBe(
			'harness-tampered',
		);
		expect(luaVerdict({ stop: 'exit', exitCode: 1, report: { ...report, failures: 1 } })).toMatchObject({
			kind: 'assertion',
			exitCode: 1,
		});
	});

	it('reports syntax and runtime errors with their line', () => {
		expect(luaVerdict({ syntax: '[string "program.lua"]:1: unexpected symbol near \'=\'' }).kind).toBe(
			'syntax',
		);
		expect(luaVerdict({ syntax: 'program.lua:4: unexpected symbol' })).toMatchObject({
			kind: 'syntax',
			line: 4,
		});
		expect(luaVerdict({ error: 'program.lua:2: attempt to index a nil value' })).toMatchObject({
			kind: 'exception',
			line: 2,
		});
		expect(luaVerdict({ stop: 'timeout' }).status).toBe('timeout');
	});
});
