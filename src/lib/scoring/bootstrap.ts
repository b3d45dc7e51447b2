// Confidence intervals for pass@k: percentile bootstrap over problems. Problems are the unit that
// varies between benchmark draws; samples within a problem are already averaged by the estimator.

export const BOOTSTRAP = { resamples: 2000, seed: 0x5eed, level: 0.95 } as const;
export const CI_METHOD = `percentile bootstrap over problems, ${BOOTSTRAP.resamples} resamples, seed ${BOOTSTRAP.seed}`;

/** mulberry32: a small seeded PRNG, so the same results give the same interval everywhere. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** [low, high] of the mean of `values` (one per problem) at the given level. */
export function bootstrapMeanCI(
	values: readonly number[],
	{ resamples = BOOTSTRAP.resamples, seed = BOOTSTRAP.seed, level = BOOTSTRAP.level } = {},
): [number, number] {
	const n = values.length;
	if (n === 0) return [NaN, NaN];
	const rand = mulberry32(seed);
	const means = new Float64Array(resamples);
	for (let r = 0; r < resamples; r++) {
		let sum = 0;
		for (let i = 0; i < n; i++) sum += values[Math.floor(rand() * n)]!;
		means[r] = sum / n;
	}
	means.sort();
	const tail = (1 - level) / 2;
	const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
	return [at(tail), at(1 - tail)];
}
