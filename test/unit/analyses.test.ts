// The analyses over a run: the failure taxonomy's rules, the code shape that groups solutions, and
// the diversity counts, each against values worked out by hand.
import { describe, expect, it } from 'vitest';
import type { ExecResult } from '../../src/lib/core/result';
import { classifyFailure, failureBreakdown, itemsOf } from '../../src/lib/scoring/analyses/failures';
import { shapeOf } from '../../src/lib/scoring/analyses/normalize';
import { diversity, judgeGroups } from '../../src/lib/scoring/analyses/diversity';
import { judgeAnswer } from '../../src/lib/prompts/judge';
import { efficiency, median } from '../../src/lib/scoring/analyses/efficiency';
import type { Language } from '../../src/lib/core/ids';

const failed = (extra: Partial<ExecResult>): ExecResult => ({
	status: 'failed',
	stdout: '',
	stderr: '',
	truncated: false,
	durationMs: 1,
	...extra,
});
const sides = (actual: string, actualType: string, expected: string, expectedType: string) =>
	failed({
		kind: 'assertion',
		errorType: 'AssertionError',
		assertion: { actual, actualType, expected, expectedType },
	});
const classOf = (r: ExecResult, language: Language = 'python', cut = false) => {
	const c = classifyFailure(r, { language, cut });
	return c && `${c.family}/${c.category}/${c.rule}`;
};

describe('why samples fail: the taxonomy of Dou et al.', () => {
	it('reads syntax errors: cut generations, indentation, unclosed structures, import level', () => {
		const syntax = (message: string, errorType = 'SyntaxError') =>
			failed({ kind: 'syntax', errorType, message });
		expect(classOf(syntax("'(' was never closed (<string>, line 4)"))).toBe(
			'syntax/incomplete-structure/unclosed',
		);
		expect(classOf(syntax('invalid syntax'), 'python', true)).toBe(
			'syntax/incomplete-structure/cut-at-token-limit',
		);
		expect(classOf(syntax('unindent does not match any outer indentation level', 'IndentationError'))).toBe(
			'syntax/indentation/indentation',
		);
		expect(
			classOf(syntax("expected an indented block after 'if' statement on line 3", 'IndentationError')),
		).toBe('syntax/indentation/indentation');
		expect(classOf(syntax('import * only allowed at module level'))).toBe('syntax/import/import-level');
		expect(classOf(syntax('invalid syntax'))).toBe('syntax/unclassified/syntax-other');
		expect(
			classOf(syntax("program.lua:9: 'end' expected (to close 'function' at line 1) near <eof>"), 'lua'),
		).toBe('syntax/incomplete-structure/unclosed');
		expect(classOf(syntax('unexpected end of string'), 'javascript')).toBe(
			'syntax/incomplete-structure/unclosed',
		);
		expect(classOf(syntax("program.ts(4,5): error TS2304: Cannot find name 'foo'."), 'javascript')).toBe(
			'runtime/missing-definition/ts-missing-name',
		);
	});

	it('reads runtime errors by type and message, per language', () => {
		const error = (errorType: string, message: string) => failed({ kind: 'exception', errorType, message });
		const cases: [ExecResult, Language, string][] = [
			[error('NameError', "name 'math' is not defined"), 'python', 'syntax/import/missing-import'],
			[error('NameError', "name 'List' is not defined"), 'python', 'syntax/import/missing-import'],
			[
				error('NameError', "name 'helper' is not defined"),
				'python',
				'runtime/missing-definition/undefined-name',
			],
			[error('ModuleNotFoundError', "No module named 'numpy'"), 'python', 'other/unclassified/needs-package'],
			[
				error('ModuleNotFoundError', "No module named 'fastsort'"),
				'python',
				'functional/hallucination/no-such-module',
			],
			[
				error('AttributeError', "module 'math' has no attribute 'sum'"),
				'python',
				'functional/hallucination/no-such-api',
			],
			[
				error('AttributeError', "'list' object has no attribute 'push'"),
				'python',
				'runtime/api-misuse/no-such-attribute',
			],
			[
				error('AttributeError', "'NoneType' object has no attribute 'group'"),
				'python',
				'runtime/boundary-condition/none-used',
			],
			[error('IndexError', 'list index out of range'), 'python', 'runtime/boundary-condition/out-of-range'],
			[error('ValueError', 'max() arg is an empty sequence'), 'python', 'runtime/boundary-condition/empty'],
			[
				error('ValueError', "invalid literal for int() with base 10: 'a'"),
				'python',
				'runtime/argument/bad-value',
			],
			[
				error('TypeError', 'f() takes 1 positional argument but 2 were given'),
				'python',
				'runtime/argument/argument-count',
			],
			[error('TypeError', "'int' object is not subscriptable"), 'python', 'runtime/api-misuse/wrong-use'],
			[
				error('TypeError', "unsupported operand type(s) for +: 'int' and 'str'"),
				'python',
				'runtime/argument/wrong-type',
			],
			[error('RuntimeError', 'boom'), 'python', 'runtime/unclassified/error-other'],
			[
				error('ReferenceError', "'helper' is not defined"),
				'javascript',
				'runtime/missing-definition/undefined-name',
			],
			[
				error('TypeError', "cannot read property 'length' of undefined"),
				'javascript',
				'runtime/boundary-condition/none-used',
			],
			[error('TypeError', 'not a function'), 'javascript', 'runtime/api-misuse/wrong-use'],
			[
				error('Error', "Cannot find module 'lodash'"),
				'javascript',
				'functional/hallucination/no-such-module',
			],
			[
				error('LuaError', "program.lua:3: attempt to call a nil value (global 'helper')"),
				'lua',
				'runtime/missing-definition/undefined-name',
			],
			[
				error('LuaError', "program.lua:3: attempt to call a nil value (method 'split')"),
				'lua',
				'runtime/api-misuse/no-such-attribute',
			],
			[
				error('LuaError', "program.lua:5: attempt to index a nil value (local 't')"),
				'lua',
				'runtime/boundary-condition/none-used',
			],
			[
				error('LuaError', "program.lua:5: bad argument #1 to 'sub' (string expected, got table)"),
				'lua',
				'runtime/argument/bad-argument',
			],
			[
				error('LuaError', 'program.lua:5: attempt to compare number with string'),
				'lua',
				'runtime/argument/wrong-type',
			],
		];
		for (const [r, language, want] of cases)
			expect(`${r.message} → ${classOf(r, language)}`).toBe(`${r.message} → ${want}`);
	});

	it('reads a failed assertion by its two sides', () => {
		expect(classOf(sides('None', 'NoneType', '3', 'int'))).toBe('functional/minor/returned-nothing');
		expect(classOf(sides('[1, 2]', 'list', '(1, 2)', 'tuple'))).toBe('functional/io-format/wrong-type');
		expect(classOf(sides("'3'", 'str', '3', 'int'))).toBe('functional/io-format/wrong-type');
		expect(classOf(sides('3', 'int', '3.0', 'float'))).toBe('functional/logic/wrong-value'); // equal numbers that failed: not minor
		expect(classOf(sides('4', 'int', '5', 'int'))).toBe('functional/minor/off-by-one');
		expect(classOf(sides('0.30000000000000004', 'float', '0.3', 'float'))).toBe('functional/minor/rounding');
		expect(classOf(sides('17', 'int', '5', 'int'))).toBe('functional/logic/wrong-value');
		expect(classOf(sides("'Hello World'", 'str', "'hello world'", 'str'))).toBe(
			'functional/io-format/case-or-spacing',
		);
		expect(classOf(sides("'abd'", 'str', "'abc'", 'str'))).toBe('functional/minor/one-character');
		expect(classOf(sides('[3, 1, 2]', 'list', '[1, 2, 3]', 'list'))).toBe('functional/minor/order');
		expect(classOf(sides('[1, 2]', 'list', '[1, 2, 3]', 'list'))).toBe('functional/minor/one-item');
		expect(classOf(sides('[9, 9, 9]', 'list', '[1, 2, 3]', 'list'))).toBe('functional/logic/wrong-value');
		expect(classOf(sides('False', 'bool', 'True', 'bool'))).toBe('functional/logic/wrong-value');
		expect(classOf(sides('undefined', 'undefined', '[ 1 ]', 'array'), 'javascript')).toBe(
			'functional/minor/returned-nothing',
		);
		expect(classOf(sides('{1, 2}', 'table', '{2, 1}', 'table'), 'lua')).toBe('functional/minor/order');
		expect(classOf(failed({ kind: 'assertion', errorType: 'AssertionError' }))).toBe(
			'functional/unclassified/assertion-unseen',
		);
	});

	it('tells "wrote something else" from a wrong answer by where the completion starts', () => {
		const none = sides('None', 'NoneType', 'True', 'bool');
		const ctx = { language: 'python' as const, entryPoint: 'has_close_elements' };
		const of = (code: string, full = false) => classifyFailure(none, { ...ctx, code, full });
		expect(of('def largest(numbers):\n    return max(numbers)')).toMatchObject({
			category: 'hallucination',
			rule: 'other-code',
			why: 'wrote `def largest(numbers):` at the top level instead of the body of has_close_elements, which was left empty',
		});
		expect(of('    for x in numbers:\n        pass')?.rule).toBe('returned-nothing');
		expect(of('def has_close_elements(n, t):\n    pass', true)?.rule).toBe('returned-nothing');
		expect(of('  \n')?.rule).toBe('no-code');
	});

	it('keeps what is not a coding mistake apart, and passes nothing', () => {
		expect(classOf(failed({ status: 'timeout', kind: 'timeout' }))).toBe('other/unclassified/timeout');
		expect(classOf(failed({ kind: 'harness-tampered', message: 'x' }))).toBe('other/unclassified/integrity');
		expect(classOf(failed({ kind: 'stack' }))).toBe('runtime/boundary-condition/stack');
		expect(classOf({ ...failed({}), status: 'passed' })).toBeUndefined();
	});

	it('splits printed collections at their top level only', () => {
		expect(itemsOf("[1, 'a, b', (2, 3), [4, [5]]]")).toEqual(['1', "'a, b'", '(2, 3)', '[4, [5]]']);
		expect(itemsOf('[]')).toEqual([]);
		expect(itemsOf('[1, 2, …')).toBeUndefined();
		expect(itemsOf('42')).toBeUndefined();
	});

	it('counts a run by family, category and rule', () => {
		const b = failureBreakdown(
			[
				sides('4', 'int', '5', 'int'),
				sides('17', 'int', '5', 'int'),
				sides('18', 'int', '5', 'int'),
				failed({ kind: 'syntax', errorType: 'IndentationError', message: 'unexpected indent' }),
				{ ...failed({}), status: 'passed' as const },
			].map((r) => classifyFailure(r, { language: 'python' })),
		);
		expect(b).toEqual({
			failing: 4,
			byFamily: { functional: 3, syntax: 1 },
			byCategory: { 'functional/minor': 1, 'functional/logic': 2, 'syntax/indentation': 1 },
			byRule: { 'off-by-one': 1, 'wrong-value': 2, indentation: 1 },
		});
	});
});

describe('code shape: one solution however it is spelled', () => {
	it('ignores comments, docstrings, layout, quotes and own names; keeps library names and structure', () => {
		const a = '    # sum them\n    total = 0\n    for x in numbers:\n        total += x\n    return total\n';
		const b =
			'    """Adds them."""\n    s = 0\n\n    for n in numbers:  # each\n        s += n\n    return s';
		const c = '    return sum(numbers)\n';
		const d = '    total = 0\n    for x in numbers:\n        total += x\n        return total\n'; // return inside the loop
		expect(shapeOf(a, 'python')).toBe(shapeOf(b, 'python'));
		expect(shapeOf(a, 'python')).not.toBe(shapeOf(c, 'python'));
		expect(shapeOf(a, 'python')).not.toBe(shapeOf(d, 'python'));
		expect(shapeOf("    return 'x' + y", 'python')).toBe(shapeOf('    return "x" + z', 'python'));
		expect(shapeOf("    return 'x' + y", 'python')).not.toBe(shapeOf("    return 'w' + y", 'python'));
		expect(shapeOf('    return xs.count(1)', 'python')).not.toBe(shapeOf('    return xs.index(1)', 'python'));
		const js1 = 'const f = (xs) => { let t = 0; for (const x of xs) t += x; return t; }';
		const js2 = 'let f = (a) => {\n  var s = 0 // sum\n  for (let y of a) s += y\n  return s\n}';
		expect(shapeOf(js1, 'javascript')).toBe(shapeOf(js2, 'javascript'));
		const lua1 = 'local s = 0 -- sum\nfor _, v in ipairs(t) do s = s + v end\nreturn s';
		const lua2 = '--[[ add ]] local total = 0; for i, x in ipairs(t) do total = total + x end return total';
		expect(shapeOf(lua1, 'lua')).toBe(shapeOf(lua2, 'lua'));
	});
});

describe('diversity of correct solutions', () => {
	it('groups a problem’s correct samples and counts the expected distinct ones among K draws', () => {
		const loop = '    t = 0\n    for x in xs:\n        t += x\n    return t\n';
		const loop2 = '    # again\n    acc = 0\n    for v in xs:\n        acc += v\n    return acc\n';
		const builtin = '    return sum(xs)\n';
		const d = diversity(
			[
				{ taskId: 'A', code: loop, passed: true },
				{ taskId: 'A', code: builtin, passed: true },
				{ taskId: 'A', code: loop2, passed: true },
				{ taskId: 'A', code: '    return 0\n', passed: false },
				{ taskId: 'B', code: builtin, passed: false },
				{ taskId: 'B', code: builtin, passed: false },
				{ taskId: 'B', code: builtin, passed: false },
				{ taskId: 'B', code: builtin, passed: false },
			],
			'python',
			[1, 2, 4, 5],
		);
		const [a, b] = d.perProblem;
		expect(a!.groups.map((g) => g.samples)).toEqual([[0, 2], [1]]);
		// n = 4, groups of 2 and 1. distinct@1 = 2/4 + 1/4 = pass@1 = 3/4.
		// distinct@2 = (1 - C(2,2)/C(4,2)) + (1 - C(3,2)/C(4,2)) = 5/6 + 1/2 = 4/3. distinct@4 = 2.
		expect(a!.expected['distinct@1']).toBeCloseTo(0.75, 12);
		expect(a!.expected['distinct@2']).toBeCloseTo(4 / 3, 12);
		expect(a!.expected['distinct@4']).toBeCloseTo(2, 12);
		expect(a!.expected['distinct@5']).toBeNull();
		expect(b!.groups).toEqual([]);
		expect(d.meanDistinct).toBe(2);
		expect(d.expected['distinct@1']).toBeCloseTo(0.375, 12);
		expect(d.expected['distinct@2']).toBeCloseTo(2 / 3, 12);
		expect(d.expected['distinct@5']).toBeUndefined();
	});
});

describe('efficiency against the reference', () => {
	it('medians, NET = sample / reference, per problem, and the samples only a generous limit lets pass', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		const e = efficiency([
			{
				taskId: 'A',
				index: 0,
				sampleMs: [10, 12, 11],
				referenceMs: [5, 6, 5],
				sampleWork: [30, 30, 30],
				referenceWork: [10, 10, 10],
				sampleBytes: 3000,
				referenceBytes: 1000,
			}, // NET 11 / 5, work 3, memory 3
			{
				taskId: 'A',
				index: 1,
				sampleMs: [5, 5, 9],
				referenceMs: [5, 4, 5],
				sampleBytes: 500,
				referenceBytes: 1000,
			}, // NET 1; spread 4 / 5; memory 0.5
			{ taskId: 'B', index: 2, sampleMs: [1200, 1300, 1250], referenceMs: [100, 100, 100] }, // 1,250 ms ≤ 4 × 100? no: > 1 s → generous
			{ taskId: 'C', index: 3, sampleMs: [3, 3, 3], referenceMs: [0, 0, 0] }, // a reference too quick to time
		]);
		expect(e.samples.map((x) => [x.sampleMs, x.referenceMs, x.net, x.generous])).toEqual([
			[11, 5, 2.2, false],
			[5, 5, 1, false],
			[1250, 100, 12.5, true],
			[3, 0, NaN, false],
		]);
		expect(e.samples[1]!.spread).toBeCloseTo(0.8, 12);
		expect(e.samples.map((x) => x.workRatio)).toEqual([3, NaN, NaN, NaN]);
		expect(e.medianWorkRatio).toBe(3);
		expect(e.samples.map((x) => x.memoryRatio)).toEqual([3, 0.5, NaN, NaN]);
		expect(e.medianMemoryRatio).toBe(1.75);
		expect(e.perProblem).toEqual([
			{
				taskId: 'A',
				samples: 2,
				medianNet: 1.6,
				minNet: 1,
				maxNet: 2.2,
				medianWorkRatio: 3,
				medianMemoryRatio: 1.75,
			},
			{
				taskId: 'B',
				samples: 1,
				medianNet: 12.5,
				minNet: 12.5,
				maxNet: 12.5,
				medianWorkRatio: NaN,
				medianMemoryRatio: NaN,
			},
		]);
		expect(e.meanNet).toBeCloseTo((2.2 + 1 + 12.5) / 3, 12);
		expect(e.medianNet).toBe(2.2);
		expect(e.generous).toBe(1);
		expect(efficiency([]).meanNet).toBeNull();
		expect(efficiency([]).medianMemoryRatio).toBeNull();
	});
});

describe('diversity with a model as judge', () => {
	it('merges the shapes it calls one algorithm (union-find), recounts, and reads only yes or no', async () => {
		// HumanEval-like problem P: 5 samples, 4 correct in three shapes — a loop (0, 3), a
		// comprehension (1), sorting (2); the judge calls loop ≡ comprehension, nothing else.
		const codes = [
			'def f(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t',
			'def f(xs):\n    return sum([x for x in xs])',
			'def f(xs):\n    return sorted(xs)[0] * 0 + sum(xs)',
			'def f(items):\n    total = 0\n    for v in items:\n        total += v\n    return total',
			'def f(xs):\n    return 0',
		];
		const d = diversity(
			codes.map((code, i) => ({ taskId: 'P', code, passed: i < 4 })),
			'python',
			[1, 2],
		);
		expect(d.perProblem[0]!.groups.map((g) => g.samples)).toEqual([[0, 3], [1], [2]]);
		const asked: [string, string][] = [];
		const loopOrComprehension = (c: string) => c.includes('for x in xs') || c.includes('for v in');
		const judged = await judgeGroups(
			d,
			[1, 2],
			(_t, at) => codes[at]!,
			async (_t, a, b) => {
				asked.push([a, b]);
				return loopOrComprehension(a) && loopOrComprehension(b) ? true : a === b ? undefined : false;
			},
			{ model: 'm', template: { name: 'same-algorithm', version: 1 } },
		);
		expect(judged.perProblem[0]!.groups.map((g) => g.samples)).toEqual([[0, 1, 3], [2]]);
		// pairs: (loop, comprehension) yes; (loop, sorting) no; (comprehension, sorting) no
		expect(judged.judged).toEqual({
			model: 'm',
			template: { name: 'same-algorithm', version: 1 },
			asked: 3,
			merged: 1,
			unclear: 0,
		});
		// distinct@2 over 5 samples: groups of 3 and 1 → (1 − C(2,2)/C(5,2)) + (1 − C(4,2)/C(5,2)) = 0.9 + 0.4
		expect(judged.perProblem[0]!.expected['distinct@2']).toBeCloseTo(1.3, 12);
		expect(judged.perProblem[0]!.expected['distinct@1']).toBeCloseTo(0.8, 12);
		expect(judged.meanDistinct).toBe(2);
		expect(judged.definition).toMatch(/put to m pair by pair/);
	});

	it('reads a plain yes or no, after any think block', () => {
		expect(
			['Yes.', ' no, they differ', '<think>hmm\nno?</think>\nYES', 'Maybe', '', '**No**'].map(judgeAnswer),
		).toEqual([true, false, true, undefined, undefined, false]);
	});
});
