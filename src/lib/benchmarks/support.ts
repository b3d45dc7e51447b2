// What a benchmark supports beyond pass@k, asked by Set up and Results before anything runs — kept
// apart from the pipeline code that does it (which brings the code parsers with it), so the first
// page does not load that to ask.
import type { Benchmark } from './types';

/** Where generated tests can run: the program is the sample's code, and the prompt says (or the
 * problem names) the function the tests call. TypeScript would need the tests type-checked too. */
export function dualSupported(b: Pick<Benchmark, 'dialect' | 'composition'>): boolean {
	return (
		b.dialect !== 'typescript' &&
		(b.composition === 'human-eval' ||
			b.composition === 'evalplus' ||
			b.composition === 'multipl-e' ||
			b.composition === 'mbpp')
	);
}

/* Which bundled benchmark holds extra inputs for another's problems: HumanEval+'s and MBPP+'s plus
 * inputs go beyond HumanEval's and MBPP's tests (diversity by behaviour runs solutions on them). */

export interface Companion {
	/** The bundled benchmark to load. */
	id: string;
	/** Its inputs, named for a reader. */
	label: string;
	/** This benchmark's task id → the companion's. */
	task: (taskId: string) => string;
}

const COMPANIONS: Record<string, Companion> = {
	humaneval: { id: 'humaneval+', label: "HumanEval+'s plus inputs", task: (id) => id },
	mbpp: { id: 'mbpp+', label: "MBPP+'s plus inputs", task: (id) => `Mbpp/${id}` },
	'mbpp-sanitized': { id: 'mbpp+', label: "MBPP+'s plus inputs", task: (id) => `Mbpp/${id}` },
};

/** The run's companion, if it has one (Python only: the input-by-input mode is Python's). */
export const companionOf = (bench: Pick<Benchmark, 'id' | 'language'>): Companion | undefined =>
	bench.language === 'python' ? COMPANIONS[bench.id] : undefined;
