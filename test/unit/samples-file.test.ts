// A samples file picked in the app: read (gzip too), checked against the benchmark with the CLI's
// parser, and refused with the reason when a run cannot be made of it.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/benchmarks/types';
import { taskId } from '../../src/lib/core/ids';
import { readSampleFiles, samplesForRun } from '../../src/lib/ui/samples-file';

const problems: Problem[] = ['A/0', 'A/1', 'A/2'].map((id) => ({
	taskId: taskId(id),
	prompt: 'def f():\n',
	entryPoint: 'f',
	tests: 'def check(c): pass',
}));
const line = (task: string, completion: string) => JSON.stringify({ task_id: task, completion });
const file = (name: string, text: string | Uint8Array) => new File([text as BlobPart], name);

describe('a samples file for a run in the app', () => {
	it('reads plain and gzipped files; n is the samples per problem, only the problems it has', async () => {
		const text = ['A/0', 'A/0', 'A/2', 'A/2'].map((t, i) => line(t, `    return ${i}\n`)).join('\n');
		for (const f of [file('s.jsonl', text), file('s.jsonl.gz', gzipSync(text))]) {
			const got = samplesForRun(await readSampleFiles([f]), problems);
			expect(got).toMatchObject({ name: f.name, format: 'human-eval', n: 2 });
			expect([...got.taskIds]).toEqual(['A/0', 'A/2']);
			expect(got.samples.map((s) => s.code)).toEqual([0, 1, 2, 3].map((i) => `    return ${i}\n`));
		}
	});

	it('reads several files (MultiPL-E: one per problem) as one', async () => {
		const inputs = await readSampleFiles(
			['A/0', 'A/1'].map((t) =>
				file(`${t.replace('/', '_')}.json`, JSON.stringify({ name: t, completions: ['  x', '  y'] })),
			),
		);
		const got = samplesForRun(inputs, problems);
		expect(got).toMatchObject({ name: 'A_0.json and 1 more', format: 'multipl-e', n: 2 });
	});

	it('refuses uneven counts, naming two problems that differ', async () => {
		const text = [line('A/0', 'a'), line('A/0', 'b'), line('A/1', 'c')].join('\n');
		expect(() => samplesForRun([{ name: 'u.jsonl', text }], problems)).toThrow(
			'u.jsonl: A/0 has 2 sample(s) and A/1 has 1; a run here needs the same number for every problem (benchtop score takes any)',
		);
	});

	it('names the file, line and field of a bad record', async () => {
		const text = [line('A/0', 'a'), line('B/9', 'b')].join('\n');
		expect(() => samplesForRun([{ name: 'bad.jsonl', text }], problems)).toThrow(
			'bad.jsonl:2 (field "task_id"): unknown task id "B/9" for this benchmark',
		);
	});
});
