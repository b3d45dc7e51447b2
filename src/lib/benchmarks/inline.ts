// Problems written by a person — in the Teach view, an embed snippet or a shared link — as a
// benchmark the pipeline runs like any other: MultiPL-E's composition in all three languages
// (prompt + completion + "\n" + tests), with stop sequences for the language.
import { taskId, type Language } from '../core/ids';
import { hashProblems } from './hash';
import type { Benchmark } from './types';

export interface InlineProblem {
	name: string;
	prompt: string;
	tests: string;
	reference?: string;
}

const INLINE_STOPS: Record<Language, string[]> = {
	python: ['\ndef ', '\nclass ', '\nif __name__', '\nprint('],
	javascript: ['\nfunction ', '\n/*', '\n//', '\nconsole.log'],
	lua: ['\nlocal', '\nfunction', '\n--'],
};

/** The id and hash depend only on the problems, so the same text is the same benchmark anywhere. */
export async function inlineBenchmark(
	language: Language,
	list: readonly InlineProblem[],
	opts: { prefix: string; name: string; version: string; license: string },
): Promise<Benchmark> {
	const problems = list.map((p, i) => ({
		taskId: taskId(`${opts.prefix}/${p.name || `problem-${i + 1}`}`),
		prompt: p.prompt,
		tests: p.tests,
		...(p.reference !== undefined && { reference: p.reference }),
	}));
	const hash = await hashProblems(problems);
	return {
		id: `${opts.prefix}-${hash.slice(0, 12)}`,
		name: opts.name,
		language,
		composition: 'multipl-e',
		version: opts.version,
		hash,
		source: 'this browser',
		license: opts.license,
		stop: INLINE_STOPS[language],
		count: problems.length,
		problems,
	};
}
