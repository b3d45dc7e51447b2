// What one shard of a sharded `benchtop score` / `benchtop run` writes, and how `benchtop merge`
// puts the shards back together: every sample's outcome with its place in the unsharded run, and
// the settings every shard must share. Merging refuses shards of different runs or settings, and
// a set with a shard missing or given twice, naming the file and the field.
import type { RunConfig } from './run-record';
import type { Outcome, ResultsFormat } from './results';
import type { Shard } from '../run/shard';

export const SHARD_FORMAT = 'benchtop-shard';

export interface ShardFile {
	format: typeof SHARD_FORMAT;
	version: 1;
	shard: Shard;
	command: 'score' | 'run';
	/** The --benchmark argument as given (a bundled id or a path), to load it again for merging. */
	benchmark: string;
	/** sha256 of what was run: the samples files' text, or the generated run's plan. */
	input: string;
	/** Samples in the whole (unsharded) run. */
	total: number;
	/** Problems the whole run counts in "attempted of total". */
	problems: number;
	/** What the unsharded command would write by default. */
	out: { format: ResultsFormat; path?: string };
	config: RunConfig;
	/** This shard's outcomes; `at` is each one's place in the unsharded run's order. */
	outcomes: (Outcome & { at: number })[];
}

/** Everything that must agree across shards; workers and browser may differ between machines. */
function settings(f: ShardFile) {
	const config: Partial<RunConfig> = { ...f.config };
	delete config.workers;
	delete config.browser;
	return {
		command: f.command,
		input: f.input,
		total: f.total,
		problems: f.problems,
		shards: f.shard.count,
		out: f.out,
		config,
	};
}

/** The first path at which two JSON values differ ("config.limits.timeMs"), or undefined. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
	if (a === b) return undefined;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
		return path || '(whole value)';
	if (Array.isArray(a) !== Array.isArray(b)) return path || '(whole value)';
	const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
	for (const k of keys) {
		const d = firstDifference(
			(a as Record<string, unknown>)[k],
			(b as Record<string, unknown>)[k],
			path ? `${path}.${k}` : k,
		);
		if (d) return d;
	}
	return undefined;
}

const show = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v));

function valueAt(o: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);
}

/** A shard file's text, checked enough to merge: the error names the file. */
export function readShardFile(name: string, text: string): ShardFile {
	let data: Partial<ShardFile>;
	try {
		data = JSON.parse(text);
	} catch (e) {
		throw new Error(`${name}: not JSON (${(e as Error).message})`);
	}
	if (data?.format !== SHARD_FORMAT)
		throw new Error(
			`${name}: not a benchtop shard file (no "format": "${SHARD_FORMAT}"; write one with --shard K/N --out <file>)`,
		);
	if (data.version !== 1)
		throw new Error(`${name}: shard file version ${data.version}, this benchtop reads 1`);
	for (const field of [
		'shard',
		'command',
		'benchmark',
		'input',
		'total',
		'problems',
		'out',
		'config',
		'outcomes',
	] as const)
		if (data[field] === undefined) throw new Error(`${name}: field "${field}" is missing`);
	return data as ShardFile;
}

export interface Merged {
	command: ShardFile['command'];
	benchmark: string;
	out: ShardFile['out'];
	problems: number;
	config: RunConfig;
	/** In the unsharded run's order. */
	outcomes: Outcome[];
}

/** The shards of one run as that run would have ended on one machine; refuses anything else. */
export function mergeShards(files: { name: string; file: ShardFile }[]): Merged {
	if (!files.length) throw new Error('merge needs the shard files');
	const [first] = files;
	const want = settings(first!.file);
	for (const { name, file } of files.slice(1)) {
		const d = firstDifference(want, settings(file));
		if (d)
			throw new Error(
				`${name} is a shard of a different run or settings than ${first!.name}: ${d} is ${show(valueAt(settings(file), d))} there, ${show(valueAt(want, d))} in ${first!.name}`,
			);
	}
	const count = want.shards;
	const seen = new Map<number, string>();
	for (const { name, file } of files) {
		const other = seen.get(file.shard.index);
		if (other) throw new Error(`shard ${file.shard.index}/${count} given twice: ${other} and ${name}`);
		seen.set(file.shard.index, name);
	}
	const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !seen.has(k));
	if (missing.length)
		throw new Error(
			`shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing (got ${[...seen.keys()].sort((a, b) => a - b).join(', ')})`,
		);
	const placed: (Outcome | undefined)[] = new Array(want.total);
	for (const { name, file } of files)
		for (const { at, ...outcome } of file.outcomes) {
			if (!Number.isInteger(at) || at < 0 || at >= want.total)
				throw new Error(`${name}: an outcome's place ${at} is outside the run's ${want.total} samples`);
			if (placed[at]) throw new Error(`${name}: sample ${at} is in two shards`);
			placed[at] = outcome;
		}
	// (findIndex visits an array's holes; filter skips them)
	const absent = placed.findIndex((o) => !o);
	if (absent >= 0)
		throw new Error(
			`the shards hold ${placed.filter(Boolean).length} of the run's ${want.total} samples (first missing: sample ${absent}); was a shard cut short?`,
		);
	// The configuration of the first shard that ran anything (an empty shard started no workers).
	const ran = files
		.filter((f) => f.file.outcomes.length)
		.sort((a, b) => a.file.shard.index - b.file.shard.index);
	return {
		command: want.command,
		benchmark: first!.file.benchmark,
		out: want.out,
		problems: want.problems,
		config: (ran[0] ?? first!).file.config,
		outcomes: placed as Outcome[],
	};
}
