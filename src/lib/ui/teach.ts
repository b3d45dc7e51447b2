// A problem written in class — a function to write, its tests, a reference solution — as a
// one-problem benchmark the pipeline runs like any other (MultiPL-E's composition in all three
// languages: prompt + completion + "\n" + tests).
import { hashProblems } from '../benchmarks/hash';
import type { Benchmark } from '../benchmarks/types';
import { taskId, type Language } from '../core/ids';

export interface TeachProblem {
	language: Language;
	name: string;
	prompt: string;
	tests: string;
	reference: string;
}

export const STARTERS: Record<Language, Omit<TeachProblem, 'language' | 'name'>> = {
	python: {
		prompt: 'def double(x):\n    """Return twice x.\n    >>> double(4)\n    8\n    """\n',
		tests: 'assert double(4) == 8\nassert double(-1) == -2\nassert double(0) == 0\n',
		reference: '    return 2 * x\n',
	},
	javascript: {
		prompt: '// Return twice x.\n// >>> double(4)\n// 8\nfunction double(x) {\n',
		tests:
			"const assert = require('node:assert');\nassert.deepEqual(double(4), 8);\nassert.deepEqual(double(-1), -2);\nassert.deepEqual(double(0), 0);\n",
		reference: '  return 2 * x;\n}\n',
	},
	lua: {
		prompt: '-- Return twice x.\n-- >>> double(4)\n-- 8\nlocal function double(x)\n',
		tests: 'assert(double(4) == 8)\nassert(double(-1) == -2)\nassert(double(0) == 0)\n',
		reference: '  return 2 * x\nend\n',
	},
};

const STOPS: Record<Language, string[]> = {
	python: ['\ndef ', '\nclass ', '\nif __name__', '\nprint('],
	javascript: ['\nfunction ', '\n/*', '\n//', '\nconsole.log'],
	lua: ['\nlocal', '\nfunction', '\n--'],
};

export async function teachBenchmark(p: TeachProblem): Promise<Benchmark> {
	const problems = [
		{
			taskId: taskId(`teach/${p.name || 'problem'}`),
			prompt: p.prompt,
			tests: p.tests,
			reference: p.reference,
		},
	];
	const hash = await hashProblems(problems);
	return {
		id: `teach-${hash.slice(0, 12)}`,
		name: `Teach: ${p.name || 'problem'}`,
		language: p.language,
		composition: 'multipl-e',
		version: 'written in class',
		hash,
		source: 'this browser',
		license: 'the teacher’s',
		stop: STOPS[p.language],
		count: 1,
		problems,
	};
}
