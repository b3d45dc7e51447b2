// Work handed into the page a chunk at a time, as the workers take it. The headless CLI used to pass
// every job as one page.evaluate argument: 16,400 HumanEval jobs are 23 MB of JSON, which the page
// parsed and queued before the first sample ran (~3 s of a 50 s command). Pulled in chunks, the
// first verdict comes as soon as the runtime is up and the transfer overlaps the runs.

export interface PullOptions {
	/** Items run at once: enough for every worker (extras included) to have its next one queued. */
	lanes: number;
	/** Items fetched per call. */
	chunk: number;
}

/** Runs items 0…total−1 through `each`, `lanes` at a time, fetching them with `fetch(from)` (which
 * returns up to `chunk` items from `from` on). The next chunk is asked for halfway through the current
 * one, so it has arrived when the lanes reach it. Rejects with the first error of `fetch` or `each`. */
export async function pulled<T>(
	total: number,
	fetch: (from: number) => Promise<T[]>,
	each: (item: T, index: number) => Promise<void>,
	{ lanes, chunk }: PullOptions,
): Promise<void> {
	const chunks = new Map<number, Promise<T[]>>();
	const chunkAt = (c: number) => {
		let got = chunks.get(c);
		if (!got) chunks.set(c, (got = fetch(c * chunk)));
		return got;
	};
	let next = 0;
	const lane = async () => {
		while (next < total) {
			const i = next++;
			const c = Math.floor(i / chunk);
			const items = chunkAt(c); // asked for before any await: lanes take indices in order
			if (i % chunk === chunk >> 1 && (c + 1) * chunk < total) chunkAt(c + 1).catch(() => {}); // awaited later
			if (i % chunk === chunk - 1) chunks.delete(c); // the last index of chunk c is taken
			const item = (await items)[i % chunk];
			if (item === undefined) throw new Error(`item ${i} of ${total} was not handed over`);
			await each(item, i);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, total)) }, lane));
}
