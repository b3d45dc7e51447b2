// The page's progress reports to the CLI: batches at most every interval, nothing lost at the end.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batched } from '../../src/lib/pipeline/batched';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('batched', () => {
	it('sends what arrived in each interval as one batch, and the rest on end()', async () => {
		const sent: number[][] = [];
		const b = batched<number>(async (xs) => void sent.push(xs), 100);
		b.push(1);
		b.push(2);
		vi.advanceTimersByTime(100);
		b.push(3);
		vi.advanceTimersByTime(100);
		vi.advanceTimersByTime(100); // nothing new: no empty batch
		b.push(4);
		b.push(5);
		await b.end();
		expect(sent).toEqual([[1, 2], [3], [4, 5]]);
		vi.advanceTimersByTime(1000);
		expect(sent).toHaveLength(3);
	});

	it('end() waits for the batch in flight', async () => {
		let release!: () => void;
		const taken: number[] = [];
		const b = batched<number>(
			(xs) =>
				new Promise<void>((r) => {
					release = () => (taken.push(...xs), r());
				}),
			10,
		);
		b.push(1);
		vi.advanceTimersByTime(10);
		let ended = false;
		const end = b.end().then(() => (ended = true));
		await Promise.resolve();
		expect(ended).toBe(false);
		release();
		await end;
		expect(taken).toEqual([1]);
	});
});
