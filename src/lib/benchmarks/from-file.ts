// A benchmark file someone has — not one of the bundled — as a benchmark: its shape detected from
// its records (parse.ts), its id its file's name, its hash its problems'. The CLI's `--benchmark
// <path>` and Set up's "your own benchmark file" both read one this way.
import { hashProblems } from './hash';
import { parseBenchmark } from './parse';
import type { Benchmark } from './types';

export async function benchmarkFromFile(text: string, path: string): Promise<Benchmark> {
	const parsed = parseBenchmark(text, path);
	const id = (path.split(/[\\/]/).pop() ?? path).replace(/\.(jsonl?|json)(\.gz)?$/, '');
	return {
		id,
		name: id,
		version: `file ${path}`,
		hash: await hashProblems(parsed.problems),
		source: path,
		license: 'unknown',
		stop: parsed.stop ?? [],
		count: parsed.problems.length,
		...parsed,
	};
}
