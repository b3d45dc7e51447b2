// The TypeScript step of the JavaScript sandbox: what `tsc --target esnext program.ts` reports
// (default options: not strict, ESNext's default library with the DOM) and the JavaScript it emits.
// Verdicts against real tsc + node on many samples: browser fidelity.test.ts (typescript.jsonl).
import { describe, expect, it } from 'vitest';
import { compile } from '../../runtimes/javascript/typescript';

const ok = (src: string) => {
	const r = compile(src);
	if (!('js' in r)) throw new Error(`expected to compile: ${JSON.stringify(r)}`);
	return r.js;
};
const error = (src: string) => {
	const r = compile(src);
	if (!('error' in r)) throw new Error(`expected a compiler error: ${JSON.stringify(r)}`);
	return r.error;
};

describe('TypeScript as MultiPL-E compiles it', () => {
	it('emits plain JavaScript: types, declarations and interfaces gone', () => {
		const js = ok(
			'interface P { x: number }\ndeclare var require: any;\nfunction f(p: P): number[] {\n  return [p.x as number];\n}\nconst assert = require("node:assert");\nassert.deepEqual(f({ x: 1 }), [1]);\n',
		);
		expect(js).toContain('function f(p) {');
		expect(js).not.toMatch(/interface|declare|: number|as number/);
	});

	it('a type error fails with tsc’s first message, code and line', () => {
		const e = error('function f(): number {\n  return 1;\n}\nlet s: string = f();\n');
		expect(e.message).toBe(
			"program.ts(4,5): error TS2322: Type 'number' is not assignable to type 'string'.",
		);
		expect(e.line).toBe(4);
	});

	it('an unknown name is a compile error, not a runtime ReferenceError', () => {
		expect(error('function f(x: number) {\n  return helper(x);\n}\n').message).toContain('TS2304');
	});

	it('not strict: null for a number, implicit any and unused names all compile', () => {
		ok('function f(x): number {\n  const unused = 1;\n  return null;\n}\nf(1);\n');
	});

	it('the default library includes the DOM, so a global `name` in a script conflicts', () => {
		ok('const el = typeof document === "undefined" ? null : document.body;\n');
		expect(error('const name = "x";\n').message).toContain("Cannot redeclare block-scoped variable 'name'");
	});

	it('ESNext library: newer methods type-check', () => {
		ok(
			'const a = [3, 1, 2].toSorted();\nconst b = Object.groupBy([1, 2], (x) => (x % 2 ? "odd" : "even"));\n',
		);
	});

	it('a syntax error is reported as tsc reports it (this one printed by tsc 5.9.3 itself)', () => {
		expect(error('function f( {\n').message).toBe("program.ts(2,1): error TS1005: '}' expected.");
	});

	it('programs are independent: a declaration does not carry over to the next program', () => {
		ok('function helper(x: number) { return x; }\n');
		expect(error('helper(1);\n').message).toContain("Cannot find name 'helper'");
	});
});
