// One answer of the model to its verdict: the code taken from the text (extracted, read as CRUXEval's
// answer, or taken as given for reference solutions and files) and tested as the benchmark's harness
// tests it. A sample and each self-repair round go through here alike.
import type { Benchmark, Problem } from '../benchmarks/types';
import { cruxAnswer } from '../extraction/cruxeval';
import { extract, truncateAtStop } from '../extraction/extract';
import type { Generated } from '../generation/types';
import type { Prompt } from '../prompts/templates';
import type { RepairRound } from '../run/spec';
import type { Tester } from './tester';

export type Answer = Omit<RepairRound, 'message'> & Pick<Generated, 'speed'>;

export async function testAnswer(
	bench: Benchmark,
	tester: Tester,
	problem: Problem,
	prompt: Prompt,
	g: Generated & { full?: boolean },
	given: boolean,
): Promise<Answer> {
	const crux =
		bench.composition === 'cruxeval-output'
			? 'output'
			: bench.composition === 'cruxeval-input'
				? 'input'
				: undefined;
	const x = given
		? { code: g.text, full: g.full ?? false, how: 'given' }
		: crux
			? { code: cruxAnswer(crux, truncateAtStop(g.text, prompt.stop)), full: false, how: "CRUXEval's answer" }
			: extract(g.text, {
					language: bench.language,
					prompt,
					problemPrompt: problem.prompt,
					// (extract finds the function the prompt opens when the problem names none)
					entryPoint: problem.entryPoint,
					wholeProgram: bench.composition === 'mbpp' || bench.composition === 'classeval',
				});
	const { program, result } = await tester.test(problem, {
		taskId: problem.taskId,
		code: x.code,
		full: x.full,
		file: 'run',
	});
	return {
		raw: g.text,
		code: x.code,
		full: x.full,
		how: x.how,
		tokens: g.tokens,
		genMs: g.ms,
		...(g.speed && { speed: g.speed }),
		finishReason: g.finishReason,
		program,
		result,
		finishedAt: Date.now(),
	};
}
