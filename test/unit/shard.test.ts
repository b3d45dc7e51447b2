// Sharded runs: the slice each shard takes, and merging the shards' files back into one run.
import { describe, expect, it } from 'vitest';
import { parseShard, shardProblems } from '../../src/lib/run/shard';
import {
	firstDifference,
	mergeShards,
	readShardFile,
	type ShardFile,
} from '../../src/lib/formats/shard-file';
import type { RunConfig } from '../../src/lib/formats/run-record';
import type { TaskId } from '../../src/lib/core/ids';
import { DEFAULT_LIMITS } from '../../src/lib/execution/runtime';

describe('--shard K/N', () => {
	it('parses K/N and refuses anything else with the text given', () => {
		expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
		expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
		for (const bad of ['0/4', '5/4', '2', '2/0', 'a/b', '-1/4', '1.5/4'])
			expect(() => parseShard(bad)).toThrow(
				`--shard must be K/N with 1 ≤ K ≤ N, e.g. --shard 2/4 (got "${bad}")`,
			);
	});

	it('every problem lands in exactly one shard, round robin in benchmark order', () => {
		const problems = Array.from({ length: 164 }, (_, i) => `HumanEval/${i}`);
		for (const count of [1, 2, 3, 4, 7, 164, 200]) {
			const slices = Array.from({ length: count }, (_, k) =>
				shardProblems(problems, { index: k + 1, count }),
			);
			expect(slices.flat().sort()).toEqual([...problems].sort());
			expect(
				Math.max(...slices.map((s) => s.length)) - Math.min(...slices.map((s) => s.length)),
			).toBeLessThanOrEqual(1);
		}
		expect(shardProblems(problems, { index: 2, count: 4 }).slice(0, 3)).toEqual([
			'HumanEval/1',
			'HumanEval/5',
			'HumanEval/9',
		]);
	});
});

const config = (over: Partial<RunConfig> = {}): RunConfig => ({
	benchmark: { id: 'b', name: 'b', version: '1', hash: 'abc', language: 'python', composition: 'human-eval' },
	samples: { files: ['s.jsonl'], format: 'human-eval' },
	limits: { ...DEFAULT_LIMITS, timeMs: 3000 },
	workers: 2,
	ks: [1],
	runtimes: {},
	benchtop: '0.1.0',
	...over,
});

const outcome = (taskId: string, at: number) => ({
	at,
	sample: { taskId: taskId as TaskId, code: `# ${at}`, full: false, file: 's.jsonl' },
	program: '',
	result: { status: 'passed' as const, stdout: '', stderr: '', truncated: false, durationMs: 1 },
});

function shardFile(index: number, count: number, ats: number[], over: Partial<ShardFile> = {}): ShardFile {
	return {
		format: 'benchtop-shard',
		version: 1,
		shard: { index, count },
		command: 'score',
		benchmark: 'b',
		input: 'h',
		total: 4,
		problems: 2,
		out: { format: 'human-eval' },
		config: config(),
		outcomes: ats.map((at) => outcome(`T/${at >> 1}`, at)),
		...over,
	};
}

describe('benchtop merge', () => {
	it('puts outcomes back in the unsharded order, whatever order the files come in', () => {
		const m = mergeShards([
			{ name: 'b.json', file: shardFile(2, 2, [3, 1]) },
			{ name: 'a.json', file: shardFile(1, 2, [0, 2]) },
		]);
		expect(m.outcomes.map((o) => o.sample.code)).toEqual(['# 0', '# 1', '# 2', '# 3']);
		expect(m.outcomes[0]).not.toHaveProperty('at');
		expect(m.problems).toBe(2);
	});

	it('takes the configuration of the first shard that ran something; workers may differ', () => {
		const m = mergeShards([
			{ name: 'a.json', file: shardFile(1, 3, [], { config: config({ workers: 0 }) }) },
			{ name: 'b.json', file: shardFile(2, 3, [0, 1], { config: config({ workers: 4 }) }) },
			{ name: 'c.json', file: shardFile(3, 3, [2, 3], { config: config({ workers: 2 }) }) },
		]);
		expect(m.config.workers).toBe(4);
	});

	it('refuses shards of different settings, naming the file and the field', () => {
		expect(() =>
			mergeShards([
				{ name: 'a.json', file: shardFile(1, 2, [0, 2]) },
				{
					name: 'b.json',
					file: shardFile(2, 2, [1, 3], {
						config: config({ limits: { ...DEFAULT_LIMITS, timeMs: 5000 } }),
					}),
				},
			]),
		).toThrow(
			'b.json is a shard of a different run or settings than a.json: config.limits.timeMs is 5000 there, 3000 in a.json',
		);
		expect(() =>
			mergeShards([
				{ name: 'a.json', file: shardFile(1, 2, [0, 2]) },
				{ name: 'b.json', file: shardFile(2, 2, [1, 3], { input: 'other' }) },
			]),
		).toThrow('input is "other" there, "h" in a.json');
		expect(() =>
			mergeShards([
				{ name: 'a.json', file: shardFile(1, 2, [0, 2]) },
				{ name: 'b.json', file: shardFile(2, 3, [1, 3]) },
			]),
		).toThrow('shards is 3 there, 2 in a.json');
	});

	it('refuses a missing shard, a shard given twice, and a shard cut short', () => {
		expect(() => mergeShards([{ name: 'a.json', file: shardFile(1, 3, [0]) }])).toThrow(
			'shards 2, 3 of 3 missing (got 1)',
		);
		expect(() =>
			mergeShards([
				{ name: 'a.json', file: shardFile(1, 2, [0, 2]) },
				{ name: 'a2.json', file: shardFile(1, 2, [0, 2]) },
			]),
		).toThrow('shard 1/2 given twice: a.json and a2.json');
		expect(() =>
			mergeShards([
				{ name: 'a.json', file: shardFile(1, 2, [0, 2]) },
				{ name: 'b.json', file: shardFile(2, 2, [1]) },
			]),
		).toThrow("the shards hold 3 of the run's 4 samples (first missing: sample 3)");
		expect(() =>
			mergeShards([
				{ name: 'a.json', file: shardFile(1, 2, [0, 2]) },
				{ name: 'b.json', file: shardFile(2, 2, [1, 2]) },
			]),
		).toThrow('b.json: sample 2 is in two shards');
	});

	it('reads only shard files, naming the file', () => {
		expect(() => readShardFile('r.jsonl', '{"task_id": 1}')).toThrow('r.jsonl: not a benchtop shard file');
		expect(() => readShardFile('x.json', '{')).toThrow('x.json: not JSON');
		const noTotal: Partial<ShardFile> = shardFile(1, 1, []);
		delete noTotal.total;
		expect(() => readShardFile('y.json', JSON.stringify(noTotal))).toThrow(
			'y.json: field "total" is missing',
		);
		expect(readShardFile('z.json', JSON.stringify(shardFile(1, 1, [0]))).shard).toEqual({
			index: 1,
			count: 1,
		});
	});

	it('firstDifference names the first differing path', () => {
		expect(firstDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toBe('a.b.1');
		expect(firstDifference({ a: 1 }, { a: 1, c: 2 })).toBe('c');
		expect(firstDifference({ a: 1 }, { a: 1 })).toBeUndefined();
	});
});
