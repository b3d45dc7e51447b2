// The question "How Diversely Can Language Models Solve Problems?" asks a model about two correct
// solutions: are they the same algorithm? Benchtop's diversity groups solutions by code shape
// (scoring/analyses/normalize.ts); with a judge, two shapes the model calls one algorithm are merged
// (scoring/analyses/diversity.ts judgeGroups). The answer is read strictly: a reply that is not a
// plain yes or no leaves the two apart, and is counted as unclear.
import type { Prompt } from './templates';

export const JUDGE_TEMPLATE = { name: 'same-algorithm', version: 1 } as const;

export function judgePrompt(problem: string, a: string, b: string, language: string): Prompt {
	const fence = (code: string) => '```' + language + '\n' + code.trimEnd() + '\n```';
	return {
		mode: 'chat',
		stop: [],
		messages: [
			{
				role: 'system',
				content:
					'You compare two correct solutions to one programming problem. Two solutions use the same algorithm when they solve it the same way, however differently the code is written (names, loops, comprehensions, helper functions). Answer with one word: yes or no.',
			},
			{
				role: 'user',
				content: `Problem:\n${problem.trim()}\n\nSolution A:\n${fence(a)}\n\nSolution B:\n${fence(b)}\n\nDo A and B use the same algorithm? Answer yes or no.`,
			},
		],
	};
}

/** true for yes, false for no, undefined for anything else (a reasoning model's think block first is
 * skipped). */
export function judgeAnswer(reply: string): boolean | undefined {
	const text = reply
		.replace(/<think>[\s\S]*?<\/think>/gi, '')
		.trim()
		.toLowerCase();
	const word = /^[^a-z]*([a-z]+)/.exec(text)?.[1];
	return word === 'yes' ? true : word === 'no' ? false : undefined;
}
