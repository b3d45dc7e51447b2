// Verdicts reported out of the page in batches: the headless CLI follows a run through one binding
// call per batch, not per sample — a call per sample cost the CLI's Node process and Chromium's
// browser process a core's share on long runs (31 s of Node CPU on 16,400 samples, 9 s batched).

export interface Batched<T> {
	push(item: T): void;
	/** Sends what is left and waits until every batch has been taken. */
	end(): Promise<void>;
}

export function batched<T>(send: (batch: T[]) => Promise<void>, everyMs: number): Batched<T> {
	const batch: T[] = [];
	let sent = Promise.resolve();
	const timer = setInterval(() => {
		if (batch.length) sent = send(batch.splice(0));
	}, everyMs);
	return {
		push: (item) => void batch.push(item),
		async end() {
			clearInterval(timer);
			await sent;
			if (batch.length) await send(batch.splice(0));
		},
	};
}
