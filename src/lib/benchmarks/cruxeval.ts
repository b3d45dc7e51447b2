// CRUXEval (Gu et al., 2024): 800 short functions, each with one input and its output. Two tasks on
// the same data: CRUXEval-O predicts the output from the input, CRUXEval-I an input from the output.
// Both are judged by running `{code}\nassert {output} == {answer}` (execution/compose.ts), the
// answer read out of the model's text as CRUXEval reads it (extraction/cruxeval.ts).
import { taskId } from '../core/ids';
import { Fields, type Located } from '../core/text';
import type { Problem } from './types';

export type CruxTask = 'output' | 'input';

/** One record as a problem of the given task: the function is the prompt, the true output the tests. */
export const cruxevalProblem =
	(file: string, task: CruxTask) =>
	({ line, value }: Located): Problem => {
		const f = new Fields(file, line, value);
		const input = f.string('input');
		const output = f.string('output');
		return {
			taskId: taskId(f.id('id')),
			prompt: f.string('code'),
			tests: output,
			cruxeval: { input, output },
			// What a model that got it right answers (for the reference run): the output, or a call
			// with the given input.
			reference: task === 'output' ? output : `f(${input})`,
		};
	};
