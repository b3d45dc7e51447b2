// The line Set up shows above Run: how much work the run is and roughly how long it takes here.
// Reference solutions only execute (≈ 0.1 s a sample with a warm runtime, a few seconds to start
// one); a model's time is its generation, estimated from tokens/s where Benchtop can know it.
export function runSummary(o: {
	problems: number;
	/** Samples per problem (reference solutions: 1). */
	n: number;
	maxTokens: number;
	/** Generation speed when it can be estimated (a GGUF model's size); undefined: unknown. */
	tokensPerSecond?: number;
	reference: boolean;
}): string {
	const programs = o.problems * o.n;
	const work = `${o.problems} problem${o.problems === 1 ? '' : 's'} × ${o.n} sample${o.n === 1 ? '' : 's'} = ${programs} program${programs === 1 ? '' : 's'}`;
	if (o.reference) return `${work} · about ${duration(5 + programs * 0.1)} on this machine`;
	if (o.tokensPerSecond)
		return `${work} · up to about ${duration(programs * (o.maxTokens / o.tokensPerSecond))} on this machine (at most ${o.maxTokens} tokens each)`;
	return `${work} · the time depends on how fast the model writes (up to ${o.maxTokens} tokens each)`;
}

function duration(seconds: number): string {
	if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
	if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
	return `${(seconds / 3600).toFixed(1)} h`;
}
