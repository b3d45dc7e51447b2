// Work handed into the page a chunk at a time (the CLI's jobs): every item once, each chunk fetched
// once and before the lanes reach it, never more at once than the lanes, errors not swallowed.
import { describe, expect, it } from 'vitest';
import { pulled } from '../../src/lib/pipeline/pulled';
import { fromWire, toWire } from '../../src/lib/pipeline/wire';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('pulled', () => {
	it('runs every item once, fetching each chunk once, at most `lanes` at a time', async () => {
		const items = Array.from({ length: 103 }, (_, i) => `job ${i}`);
		const fetched: number[] = [];
		const seen: [string, number][] = [];
		let running = 0;
		let most = 0;
		await pulled(
			items.length,
			async (from) => {
				fetched.push(from);
				await tick();
				return items.slice(from, from + 10);
			},
			async (item, i) => {
				most = Math.max(most, ++running);
				await tick();
				seen.push([item, i]);
				running--;
			},
			{ lanes: 4, chunk: 10 },
		);
		expect(seen.map(([, i]) => i).sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
		expect(seen.every(([item, i]) => item === `job ${i}`)).toBe(true);
		expect(fetched).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
		expect(most).toBe(4);
	});

	it('asks for the next chunk halfway through the current one', async () => {
		const fetched: number[] = [];
		const when: number[] = [];
		await pulled(
			30,
			async (from) => (
				fetched.push(from),
				Array.from({ length: Math.min(10, 30 - from) }, (_, i) => from + i)
			),
			async (_item, i) => {
				if (fetched.length > when.length) when.push(i);
			},
			{ lanes: 1, chunk: 10 },
		);
		// chunk 0 before item 0, chunk 1 when item 5 is taken, chunk 2 when item 15 is.
		expect(fetched).toEqual([0, 10, 20]);
		expect(when).toEqual([0, 5, 15]);
	});

	it('rejects with a failed fetch, an item not handed over, or a failed run', async () => {
		const run = async () => {};
		await expect(
			pulled(5, () => Promise.reject(new Error('page closed')), run, { lanes: 2, chunk: 2 }),
		).rejects.toThrow('page closed');
		await expect(pulled(5, async () => [1], run, { lanes: 2, chunk: 2 })).rejects.toThrow(
			'item 1 of 5 was not handed over',
		);
		await expect(
			pulled(
				3,
				async (from) => [from, from + 1],
				async (x) => {
					if (x === 2) throw new Error('boom');
				},
				{ lanes: 2, chunk: 2 },
			),
		).rejects.toThrow('boom');
		let ran = 0;
		await pulled(
			0,
			() => Promise.reject(new Error('never asked')),
			async () => void ran++,
			{
				lanes: 4,
				chunk: 8,
			},
		);
		expect(ran).toBe(0);
	});
});

describe('the CLI ↔ page wire', () => {
	it('carries results as JSON text, bytes included', () => {
		const result = {
			status: 'passed',
			reference: { outputs: new Uint8Array([128, 4, 0, 255]), timesMs: [1.5] },
			stdout: 'x',
			skipped: undefined,
		};
		const text = toWire([[3, result]]);
		expect(typeof text).toBe('string');
		const [i, back] = fromWire<[number, typeof result][]>(text)[0]!;
		expect(i).toBe(3);
		expect(back.reference.outputs).toBeInstanceOf(Uint8Array);
		expect([...back.reference.outputs]).toEqual([128, 4, 0, 255]);
		expect(back).toEqual({ status: 'passed', reference: result.reference, stdout: 'x' });
	});
});
