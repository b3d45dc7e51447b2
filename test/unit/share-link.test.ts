// Share links: a run survives the round trip through a URL fragment; every kind of bad link (cut,
// changed, oversized, a decompression bomb, not a run) gets a clear error and nothing else.
import { describe, expect, it } from 'vitest';
import { taskId } from '../../src/lib/core/ids';
import { decodeShare, encodeShare, MAX_READ_CHARS, ShareLinkError } from '../../src/lib/formats/share-link';
import type { RunMeta, SampleRecord } from '../../src/lib/run/spec';
import { benchmarkOf, RUN_META, sampleRecord } from '../fixtures/runs';

const meta: RunMeta = {
	...RUN_META,
	spec: {
		...RUN_META.spec,
		benchmark: { id: 'inline-abc', hash: 'h' },
		taskIds: [taskId('inline/double')],
		generator: { kind: 'endpoint', baseUrl: 'http://localhost:11434', model: 'm', api: 'chat' },
	},
	inline: {
		...benchmarkOf('inline-abc', [
			{ taskId: taskId('inline/double'), prompt: 'def double(x):\n', tests: 'assert double(2) == 4\n' },
		]),
		name: 'Inline',
	},
};
const sample = (index: number, stdout = ''): SampleRecord =>
	sampleRecord(index, {
		taskId: taskId('inline/double'),
		raw: '```python\n    return 2 * x\n```',
		code: '    return 2 * x\n',
		program: 'def double(x):\n    return 2 * x\n\nassert double(2) == 4\n',
		result: { status: 'passed', stdout, stderr: '', truncated: false, durationMs: 1 },
	});

async function deflate(text: string): Promise<string> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
	const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
	return Buffer.from(bytes).toString('base64url');
}

describe('share links', () => {
	it('round-trip a run with its problems; the program is left out and long output cut', async () => {
		const fragment = await encodeShare(meta, [sample(0), sample(1, 'y'.repeat(5000))]);
		expect(fragment).toMatch(/^share=1\.[A-Za-z0-9_-]+$/);
		const back = await decodeShare(`#${fragment}`);
		expect(back.meta).toEqual(meta);
		expect(back.samples[0]).toEqual({ ...sample(0), program: '' });
		expect(back.samples[1]!.result).toMatchObject({ truncated: true, stdout: 'y'.repeat(2000) });
	});

	it('a 100-sample run fits in a few KB', async () => {
		const many = Array.from({ length: 100 }, (_, i) => ({ ...sample(0), index: i }));
		const fragment = await encodeShare({ ...meta, spec: { ...meta.spec, n: 100 } }, many);
		expect(fragment.length).toBeLessThan(4096);
	});

	it.each([
		['#share=1.', 'This link is damaged (cut short or changed)'],
		['#share=1.abc$%', 'This link is damaged: it has characters a share link never has.'],
		['#share=2.abc', 'This link is format 2; this Benchtop reads format 1.'],
		['#results=1.abc', 'This is not a Benchtop share link'],
	])('%s → %s', async (hash, message) => {
		await expect(decodeShare(hash)).rejects.toThrow(message);
	});

	it('a link cut in the middle is damaged', async () => {
		const fragment = await encodeShare(meta, [sample(0), sample(1)]);
		await expect(decodeShare(fragment.slice(0, fragment.length - 20))).rejects.toThrow(
			/damaged|does not hold a valid run/,
		);
	});

	it('an oversized link is refused unread', async () => {
		await expect(decodeShare(`share=1.${'A'.repeat(MAX_READ_CHARS)}`)).rejects.toThrow(
			/links are read up to 2 MB/,
		);
	});

	it('a decompression bomb stops at the cap', async () => {
		const bomb = await deflate('0'.repeat(40 * 2 ** 20));
		expect(bomb.length).toBeLessThan(100_000);
		await expect(decodeShare(`share=1.${bomb}`)).rejects.toThrow('This link expands to more than 32 MB');
	});

	it('data that is not a run names the field', async () => {
		await expect(decodeShare(`share=1.${await deflate('[1,2]')}`)).rejects.toThrow(
			'This link does not hold a valid run: the shared link (field "benchtopRun")',
		);
		const doc = { benchtopRun: 1, meta, samples: [{ ...sample(0), index: 9 }] };
		await expect(decodeShare(`share=1.${await deflate(JSON.stringify(doc))}`)).rejects.toThrow(
			'(field "samples[0].index"): must be an integer from 0 to 1',
		);
		const inline = { ...meta, inline: { ...meta.inline, problems: [{ taskId: 'x', prompt: 1 }] } };
		await expect(
			decodeShare(`share=1.${await deflate(JSON.stringify({ benchtopRun: 1, meta: inline, samples: [] }))}`),
		).rejects.toThrow('(field "meta.inline.problems[0].prompt"): must be a string');
		await expect(decodeShare(`share=1.${await deflate('{')}`)).rejects.toBeInstanceOf(ShareLinkError);
	});
});
