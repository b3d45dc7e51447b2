// ReCode's sets among the bundled benchmarks (`recode/<transformation>`): which ones a robustness
// run takes for a choice of families or transformations, and in what order — the nominal sets the
// chosen ones are measured against first. The CLI, Set up and the app's run share it.
import type { BenchmarkInfo, RecodeFamily } from './types';

export const RECODE_FAMILIES: readonly RecodeFamily[] = [
	'docstring',
	'function-name',
	'code-syntax',
	'format',
];

/** The perturbed sets `words` name (families, `all`, or transformation names), and the words that
 * name none. */
export function recodeSelection(
	words: readonly string[],
	index: readonly BenchmarkInfo[],
): { chosen: BenchmarkInfo[]; unknown: string[] } {
	const sets = index.filter((b) => b.recode && b.recode.family !== 'nominal');
	const chosen = new Map<string, BenchmarkInfo>();
	const unknown: string[] = [];
	for (const word of words) {
		const hits =
			word === 'all'
				? sets
				: sets.filter((b) => b.recode!.family === word || b.recode!.transformation === word);
		if (!hits.length) unknown.push(word);
		for (const b of hits) chosen.set(b.id, b);
	}
	return { chosen: [...chosen.values()], unknown };
}

/** Every set a robustness run makes, in the order it runs them: the nominal sets the chosen ones
 * are measured against (as each set's index entry says), then the chosen ones. */
export function recodeRunOrder(
	chosen: readonly BenchmarkInfo[],
	index: readonly BenchmarkInfo[],
): BenchmarkInfo[] {
	const nominals = [...new Set(chosen.map((b) => b.recode!.nominal))];
	return [...nominals.map((id) => index.find((b) => b.id === id)!), ...chosen];
}

/** The nominal set a family is measured against (ReCode: partial code for code syntax and format). */
export const nominalOfFamily = (family: string, sets: readonly BenchmarkInfo[]): string | undefined =>
	sets.find((b) => b.recode?.family === family)?.recode!.nominal;
