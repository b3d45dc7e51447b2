// A problem written in class — a function to write, its tests, a reference solution — as a
// one-problem benchmark the pipeline runs like any other (MultiPL-E's composition in all three
// languages: prompt + completion + "\n" + tests).
import { inlineBenchmark } from '../benchmarks/inline';
import type { Benchmark } from '../benchmarks/types';
import type { Language } from '../core/ids';

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

export function teachBenchmark(p: TeachProblem): Promise<Benchmark> {
	return inlineBenchmark(p.language, [p], {
		prefix: 'teach',
		name: `Teach: ${p.name || 'problem'}`,
		version: 'written in class',
		license: 'the teacher’s',
	});
}
