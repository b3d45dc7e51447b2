// The fidelity set: reference solutions, mutants of them, and generic wrong answers for benchmarks
// without references — samples whose verdicts span every status, so that Benchtop's verdicts can be
// compared with the native reference runs. Pure and deterministic: the same benchmarks give the same
// samples (a unit test rebuilds them and compares with the stored fixture).
import type { Language } from '../../src/lib/core/ids';
import type { Benchmark } from '../../src/lib/benchmarks/types';
import { TS_SOLUTIONS } from './ts-solutions';

export interface FidelitySample {
	benchmark: string;
	taskId: string;
	/** `reference`, `mutant:<operator>` or `generic:<n>`. */
	origin: string;
	completion: string;
}

type Edit = (code: string) => string | undefined;

/** Replaces the first match, or says the operator does not apply. */
const first =
	(re: RegExp, to: string | ((m: string) => string)): Edit =>
	(code) => {
		const m = re.exec(code);
		if (!m) return undefined;
		const by = typeof to === 'string' ? to : to(m[0]);
		return code.slice(0, m.index) + by + code.slice(m.index + m[0].length);
	};

/** Inserts statements before the completion's first line, at its indentation. */
const prepend =
	(...lines: string[]): Edit =>
	(code) => {
		const indent = /^[ \t]*/.exec(code.split('\n').find((l) => l.trim()) ?? '')![0];
		return lines.map((l) => indent + l + '\n').join('') + code;
	};

interface Syntax {
	ne: string;
	and: [string, string];
	bools: [string, string];
	nothing: string;
	firstIndex: [string, string];
	raise: string;
	unknownName: string;
	typeError: string;
	print: string;
	broken: string;
	recurse: string[];
	loop: string[];
}

const SYNTAX: Record<Language, Syntax> = {
	python: {
		ne: '!=',
		and: [' and ', ' or '],
		bools: ['True', 'False'],
		nothing: 'return None',
		firstIndex: ['[0]', '[1]'],
		raise: 'raise ValueError("mutant")',
		unknownName: 'undefined_name_42 += 1',
		typeError: 'len(5)',
		print: 'print("noise")',
		broken: 'x = (1,',
		recurse: ['def _r(n):', '    return _r(n + 1)', '_r(0)'],
		loop: ['while True:', '    pass'],
	},
	javascript: {
		ne: '!=',
		and: [' && ', ' || '],
		bools: ['true', 'false'],
		nothing: 'return null;',
		firstIndex: ['[0]', '[1]'],
		raise: 'throw new Error("mutant");',
		unknownName: 'undefined_name_42 += 1;',
		typeError: 'null.x;',
		print: 'console.log("noise");',
		broken: 'let x = (1,;',
		recurse: ['(function r(n) { return r(n + 1); })(0);'],
		loop: ['while (true) {}'],
	},
	lua: {
		ne: '~=',
		and: [' and ', ' or '],
		bools: ['true', 'false'],
		nothing: 'return nil',
		firstIndex: ['[1]', '[2]'],
		raise: 'error("mutant")',
		unknownName: 'undefined_name_42()',
		typeError: 'local _ = #5',
		print: 'print("noise")',
		broken: 'local x = = 1',
		recurse: ['local function r(n) return 1 + r(n + 1) end', 'r(0)'],
		loop: ['while true do end'],
	},
};

/** Mutation operators in a fixed order; each problem takes the next few that apply. */
export function operators(language: Language): [string, Edit][] {
	const s = SYNTAX[language];
	// `return <expr>` up to the end of the statement (a `;` in JS, an `end` on the same line in Lua).
	const ret = language === 'javascript' ? /return\b[^;\n]*;/ : /return\b(?:(?!\bend\b)[^\n])*/;
	return [
		['lt-le', first(/(?<![<>=!])<(?![<=])/, '<=')],
		['eq-ne', first(/==(?!=)/, s.ne)],
		['plus-minus', first(/ \+ /, ' - ')],
		['return-nothing', first(ret, s.nothing + (language === 'lua' ? ' ' : ''))],
		['int+1', first(/(?<![\w.])\d+(?![\w.])/, (n) => String(Number(n) + 1))],
		['raise', prepend(s.raise)],
		['ge-gt', first(/>=/, '>')],
		['and-or', first(new RegExp(s.and[0].replace(/[|&]/g, '\\$&')), s.and[1])],
		['unknown-name', prepend(s.unknownName)],
		['bool', first(new RegExp(`\\b${s.bools[0]}\\b`), s.bools[1])],
		['minus-plus', first(/ - /, ' + ')],
		['print', prepend(s.print)],
		['index', first(new RegExp(s.firstIndex[0].replace(/[[\]]/g, '\\$&')), s.firstIndex[1])],
		['type-error', prepend(s.typeError)],
		['gt-ge', first(/(?<![<>=!-])>(?![>=])/, '>=')],
		['syntax', prepend(s.broken)],
		['recurse', prepend(...s.recurse)],
	];
}

/** Wrong-on-purpose bodies for MultiPL-E problems (which ship no solutions); `p` is the first parameter. */
function generics(language: Language, p: string): string[] {
	if (language === 'javascript')
		return [
			'return 0;',
			'return null;',
			'return [];',
			'return "";',
			'return true;',
			'return false;',
			`return ${p};`,
			`return String(${p});`,
			`return ${p}.length;`,
			`return [${p}];`,
			`return ${p} + 1;`,
			'return undefined;',
			'return {};',
			'return -1;',
			`return ${p}.slice().sort();`,
			'throw new TypeError("nope");',
			`return missing_helper(${p});`,
			`return ${p} ? 1 : 0;`,
			'return (;',
			`return ${p}.map((x) => x);`,
		].map((b) => `  ${b}\n}\n`);
	return [
		'return 0',
		'return nil',
		'return {}',
		'return ""',
		'return true',
		'return false',
		`return ${p}`,
		`return tostring(${p})`,
		`return #${p}`,
		`return {${p}}`,
		`return ${p} + 1`,
		'return -1',
		`table.sort(${p})\n  return ${p}`,
		'error("nope")',
		`return missing_helper(${p})`,
		`return ${p} and 1 or 0`,
		'return (',
		'return 1.0',
		`return ${p} .. ""`,
		`return math.floor(${p})`,
	].map((b) => `  ${b}\nend\n`);
}

const firstParam = (prompt: string) =>
	/function\s+\w+\s*\(\s*(\w+)/.exec(prompt.split('\n').at(-2) ?? '')?.[1];

export interface Plan {
	benchmark: Benchmark;
	/** Problems taken, from the start. */
	problems: number;
	/** Mutants per reference solution, or generic bodies per problem when there are no references. */
	perProblem: number;
	/** Every n-th problem also gets an infinite loop (timeouts are slow to check: keep them few). */
	loopEvery: number;
}

export function fidelitySamples({ benchmark, problems, perProblem, loopEvery }: Plan): FidelitySample[] {
	const out: FidelitySample[] = [];
	const ops = operators(benchmark.language);
	const add = (taskId: string, origin: string, completion: string) =>
		out.push({ benchmark: benchmark.id, taskId, origin, completion });
	benchmark.problems.slice(0, problems).forEach((p, i) => {
		const ref = p.reference;
		if (ref !== undefined) {
			add(p.taskId, 'reference', ref);
			let taken = 0;
			for (let j = 0; j < ops.length && taken < perProblem; j++) {
				const [name, edit] = ops[(i * perProblem + j) % ops.length]!;
				const mutant = edit(ref);
				if (mutant === undefined || mutant === ref) continue;
				add(p.taskId, `mutant:${name}`, mutant);
				taken++;
			}
			if (i % loopEvery === loopEvery - 1)
				add(p.taskId, 'mutant:loop', prepend(...SYNTAX[benchmark.language].loop)(ref)!);
		} else {
			const param = firstParam(p.prompt);
			if (!param) return;
			const bodies = generics(benchmark.language, param);
			for (let j = 0; j < perProblem; j++) {
				const n = (i * perProblem + j) % bodies.length;
				add(p.taskId, `generic:${n}`, bodies[n]!);
			}
			if (i % loopEvery === loopEvery - 1)
				add(p.taskId, 'generic:loop', prepend(...SYNTAX[benchmark.language].loop)(bodies[0]!)!);
		}
	});
	return out;
}

/** What the fixture covers, per language. */
export const PLANS: Record<Language, (Omit<Plan, 'benchmark'> & { id: string })[]> = {
	python: [
		{ id: 'humaneval', problems: 164, perProblem: 2, loopEvery: 40 },
		{ id: 'classroom', problems: 20, perProblem: 4, loopEvery: 100 },
		{ id: 'mbpp', problems: 80, perProblem: 1, loopEvery: 100 },
	],
	javascript: [
		{ id: 'classroom-js', problems: 20, perProblem: 8, loopEvery: 10 },
		{ id: 'humaneval-js', problems: 161, perProblem: 2, loopEvery: 80 },
		{ id: 'mbpp-js', problems: 100, perProblem: 1, loopEvery: 1000 },
	],
	lua: [
		{ id: 'classroom-lua', problems: 20, perProblem: 8, loopEvery: 10 },
		{ id: 'humaneval-lua', problems: 161, perProblem: 2, loopEvery: 80 },
		{ id: 'mbpp-lua', problems: 100, perProblem: 1, loopEvery: 1000 },
	],
};

/** TypeScript habits on top of the JavaScript generics: what type-checks and what tsc rejects. */
function typescriptHabits(p: string): string[] {
	return [
		`return ${p} as any;`,
		'const wrong: number = "text";\n  return wrong as any;',
		`return (${p} as any).missing.deeper;`,
		`return <any>${p};`,
		`return (${p} as any)!;`,
		`return ${p}.notAMethodOfIt();`,
		'const id = <T,>(v: T): T => v;\n  return id(undefined);',
		'enum Colour { Red, Green }\n  return Colour.Green as any;',
		`let x: any = ${p};\n  x = x ?? null;\n  return x;`,
		'return require("node:util") as any;',
		`import fs from "fs";\n  return ${p};`,
		`type Pair = [number, string];\n  const pair: Pair = [1, "a"];\n  return pair as any;`,
	].map((b) => `  ${b}\n}\n`);
}

/** MultiPL-E's HumanEval in TypeScript: the solutions written here with mutants of them, and the
 * JavaScript generics plus TypeScript habits elsewhere (most of which tsc rejects, as it should). */
export function typescriptSamples(benchmark: Benchmark): FidelitySample[] {
	const out: FidelitySample[] = [];
	const ops = operators('javascript');
	const add = (taskId: string, origin: string, completion: string) =>
		out.push({ benchmark: benchmark.id, taskId, origin, completion });
	benchmark.problems.forEach((p, i) => {
		const ref = TS_SOLUTIONS[p.taskId];
		const param = firstParam(p.prompt);
		if (ref !== undefined) {
			add(p.taskId, 'reference', ref);
			let taken = 0;
			for (let j = 0; j < ops.length && taken < 4; j++) {
				const [name, edit] = ops[(i * 4 + j) % ops.length]!;
				const mutant = edit(ref);
				if (mutant === undefined || mutant === ref) continue;
				add(p.taskId, `mutant:${name}`, mutant);
				taken++;
			}
			// Unreachable code after the loop is a suggestion for tsc, not an error: a timeout.
			if (i % 10 === 0) add(p.taskId, 'mutant:loop', prepend(...SYNTAX.javascript.loop)(ref)!);
		} else if (param) {
			const bodies = generics('javascript', param);
			const habits = typescriptHabits(param);
			const g = i % bodies.length;
			add(p.taskId, `generic:${g}`, bodies[g]!);
			const h = i % habits.length;
			add(p.taskId, `habit:${h}`, habits[h]!);
		}
	});
	return out;
}

/** ClassEval (read from the user's copy; nothing of it is stored): each reference solution and two
 * mutants of it, for the tasks whose imports are all in the standard library. The fixture keeps only
 * ids and verdicts; the samples are made again from the data file. */
export function classevalSamples(benchmark: Benchmark, skip: ReadonlySet<string>): FidelitySample[] {
	const out: FidelitySample[] = [];
	const ops = operators('python');
	benchmark.problems.forEach((p, i) => {
		const ref = p.reference;
		if (ref === undefined || skip.has(p.taskId)) return;
		out.push({ benchmark: benchmark.id, taskId: p.taskId, origin: 'reference', completion: ref });
		let taken = 0;
		for (let j = 0; j < ops.length && taken < 2; j++) {
			const [name, edit] = ops[(i * 2 + j) % ops.length]!;
			const mutant = edit(ref);
			if (mutant === undefined || mutant === ref) continue;
			out.push({ benchmark: benchmark.id, taskId: p.taskId, origin: `mutant:${name}`, completion: mutant });
			taken++;
		}
	});
	return out;
}
