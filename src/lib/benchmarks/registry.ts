// The bundled benchmarks: an index and one JSON file each under the app's `benchmarks/` folder
// (built from datasets/ by scripts/build-benchmarks.ts), fetched only when used. The hash is checked
// on load, so a result's dataset hash always names the tests it was really scored against.
import { BenchtopError } from '../core/errors';
import { hashProblems } from './hash';
import type { Benchmark, BenchmarkInfo } from './types';

export type Fetch = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

class BenchmarkNotFoundError extends BenchtopError {
	override name = 'BenchmarkNotFoundError';
}

async function listBenchmarks(base: string, fetcher: Fetch = fetch): Promise<BenchmarkInfo[]> {
	const res = await fetcher(new URL('index.json', base).href);
	if (!res.ok) throw new BenchtopError(`could not load the benchmark index (HTTP ${res.status})`);
	return (await res.json()) as BenchmarkInfo[];
}

export async function loadBenchmark(id: string, base: string, fetcher: Fetch = fetch): Promise<Benchmark> {
	const index = await listBenchmarks(base, fetcher);
	const info = index.find((b) => b.id === id);
	if (!info)
		throw new BenchmarkNotFoundError(
			`no bundled benchmark "${id}"; bundled: ${index.map((b) => b.id).join(', ')}`,
		);
	const res = await fetcher(new URL(`${id}.json`, base).href);
	if (!res.ok) throw new BenchtopError(`could not load benchmark "${id}" (HTTP ${res.status})`);
	const b = (await res.json()) as Benchmark;
	const hash = await hashProblems(b.problems);
	if (hash !== info.hash || hash !== b.hash)
		throw new BenchtopError(`benchmark "${id}" does not match its hash; rebuild it with npm run benchmarks`);
	return b;
}
