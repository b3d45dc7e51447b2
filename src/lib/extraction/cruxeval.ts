// CRUXEval's answers: what inference/tasks/{output,input}_prediction.py keep of a model's text.
import type { CruxTask } from '../benchmarks/cruxeval';

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
