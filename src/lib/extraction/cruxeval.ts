// CRUXEval's answers: what inference/tasks/{output,input}_prediction.py keep of a model's text, and
// which answers evaluation/utils_general.py refuses to run.

export type CruxTask = 'output' | 'input';

/**
 * The answer in a model's text, as CRUXEval's postprocess_generation takes it (the prompt already
 * removed and the text cut at the stop sequence): after [ANSWER] if there is one, then the side of
 * `==` the task asks for; CRUXEval-I also strips a leading `assert `.
 */
export function cruxAnswer(task: CruxTask, text: string): string {
	let g = text;
	if (g.includes('[ANSWER]')) g = g.split('[ANSWER]')[1]!.trim();
	if (g.includes('[/ANSWER]')) g = g.split('[/ANSWER]')[0]!;
	if (task === 'output') {
		if (g.includes('==')) g = g.split('==')[1]!.trim();
		return g.trim();
	}
	if (g.includes('==')) g = g.split('==')[0]!.trim();
	if (g.includes('assert f')) g = 'f' + g.split('assert f')[1]!.trim();
	return g.trim();
}

/** evaluation/utils_general.py does not run an answer that dodges the task: an output answer that
 * calls f on the input, an input answer that calls no f. The reason, or undefined to run it. */
export function cruxDodge(task: CruxTask, answer: string, input: string): string | undefined {
	if (task === 'output' && answer.includes(`f(${input})`)) return 'the answer calls f on the input';
	if (task === 'input' && !answer.includes('f(')) return 'the answer does not call f';
	return undefined;
}
