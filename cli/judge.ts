// --judge: diversity's solution shapes put to a model pair by pair (src/lib/pipeline/judge.ts),
// asked from Node.
import type { Benchmark } from '../src/lib/benchmarks/types';
import type { Outcome } from '../src/lib/formats/results';
import { judgeDiversity as judge, type JudgeEndpoint } from '../src/lib/pipeline/judge';
import type { Diversity } from '../src/lib/scoring/analyses/diversity';

export type Judge = JudgeEndpoint;

export function judgeDiversity(
	d: Diversity,
	bench: Benchmark,
	outcomes: readonly Outcome[],
	ks: readonly number[],
	endpoint: Judge,
): Promise<Diversity> {
	const problems = new Map(
		bench.problems.map((p) => [p.taskId as string, { prompt: p.prompt, codes: [] as string[] }]),
	);
	for (const o of outcomes) problems.get(o.sample.taskId)?.codes.push(o.sample.code);
	process.stderr.write(`diversity: asking ${endpoint.model} which solution shapes are one algorithm…\n`);
	return judge(d, ks, problems, bench.language, endpoint);
}
