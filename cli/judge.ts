// --judge: diversity's shape groups put to a model pair by pair ("the same algorithm?"), as "How
// Diversely Can Language Models Solve Problems?" groups correct solutions (src/lib/prompts/judge.ts
// asks, src/lib/scoring/analyses/diversity.ts merges). Asked from Node, greedy, one pair at a time.
import type { Benchmark } from '../src/lib/benchmarks/types';
import type { Outcome } from '../src/lib/formats/results';
import { EndpointGenerator } from '../src/lib/generation/endpoint';
import { GREEDY } from '../src/lib/generation/types';
import { JUDGE_TEMPLATE, judgeAnswer, judgePrompt } from '../src/lib/prompts/judge';
import { judgeGroups, type Diversity } from '../src/lib/scoring/analyses/diversity';

export interface Judge {
	baseUrl: string;
	model: string;
	apiKey?: string;
}

export async function judgeDiversity(
	d: Diversity,
	bench: Benchmark,
	outcomes: readonly Outcome[],
	ks: readonly number[],
	judge: Judge,
): Promise<Diversity> {
	const model = new EndpointGenerator({ ...judge, api: 'chat' });
	// A problem's samples in run order: the positions the report's groups name.
	const byTask = new Map<string, string[]>();
	for (const o of outcomes)
		byTask.set(o.sample.taskId, [...(byTask.get(o.sample.taskId) ?? []), o.sample.code]);
	const prompts = new Map(bench.problems.map((p) => [p.taskId as string, p.prompt]));
	process.stderr.write(`diversity: asking ${judge.model} which solution shapes are one algorithm…\n`);
	return judgeGroups(
		d,
		ks,
		(taskId, at) => byTask.get(taskId)![at]!,
		async (taskId, a, b) => {
			const reply = await model.generate({
				prompt: judgePrompt(prompts.get(taskId) ?? '', a, b, bench.language),
				sampling: { ...GREEDY, maxTokens: 256 },
				index: 0,
				taskId,
			});
			return judgeAnswer(reply.text);
		},
		{ model: judge.model, template: { ...JUDGE_TEMPLATE } },
	);
}
