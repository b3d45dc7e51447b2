// Diversity with a model as judge, for the CLI (--judge) and the app (Results → distinct solutions):
// each pair of a problem's solution shapes is put to an OpenAI-compatible model
// (prompts/judge.ts asks, scoring/analyses/diversity.ts merges), greedy, one pair at a time.
import { EndpointGenerator } from '../generation/endpoint';
import { GREEDY } from '../generation/types';
import { JUDGE_TEMPLATE, judgeAnswer, judgePrompt } from '../prompts/judge';
import { judgeGroups, type Diversity, type Judged } from '../scoring/analyses/diversity';

export interface JudgeEndpoint {
	baseUrl: string;
	model: string;
	apiKey?: string;
}

export function judgeDiversity(
	d: Diversity,
	ks: readonly number[],
	/** Each problem's prompt and its samples' code in run order (the positions the groups name). */
	problems: ReadonlyMap<string, { prompt: string; codes: readonly string[] }>,
	language: string,
	endpoint: JudgeEndpoint,
	fetchImpl?: typeof fetch,
): Promise<Diversity & { judged: Judged }> {
	const model = new EndpointGenerator({ ...endpoint, api: 'chat' }, fetchImpl);
	return judgeGroups(
		d,
		ks,
		(taskId, at) => problems.get(taskId)!.codes[at]!,
		async (taskId, a, b) => {
			const reply = await model.generate({
				prompt: judgePrompt(problems.get(taskId)?.prompt ?? '', a, b, language),
				sampling: { ...GREEDY, maxTokens: 256 },
				index: 0,
				taskId,
			});
			return judgeAnswer(reply.text);
		},
		{ model: endpoint.model, template: { ...JUDGE_TEMPLATE } },
	);
}
