// Sharded runs: `--shard K/N` takes a deterministic slice of a benchmark's problems, so N machines
// (a CI matrix, a Kubernetes Indexed Job, a Slurm array) each run one slice and `benchtop merge`
// puts them back together. The slice is by problem — every sample of a problem lands in the same
// shard — so each problem's pass@k is computed from all of its samples.

export interface Shard {
	/** 1-based, as CI matrices and `--shard 2/4` count. */
	index: number;
	count: number;
}

/** "K/N" with 1 ≤ K ≤ N; the error says what was given. */
export function parseShard(text: string): Shard {
	const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
	const index = m ? Number(m[1]) : NaN;
	const count = m ? Number(m[2]) : NaN;
	if (!m || count < 1 || index < 1 || index > count)
		throw new Error(`--shard must be K/N with 1 ≤ K ≤ N, e.g. --shard 2/4 (got "${text}")`);
	return { index, count };
}

/** The problems shard K of N runs: every N-th in benchmark order, starting at the K-th. Round robin
 * rather than contiguous blocks, so the slow problems a benchmark groups together (MBPP+'s big
 * inputs, a topic's hard tail) spread across the shards. */
export function shardProblems<T>(problems: readonly T[], shard: Shard): T[] {
	return problems.filter((_, i) => i % shard.count === shard.index - 1);
}
