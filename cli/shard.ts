// The shard side of `--shard K/N`: what a shard writes instead of results, and the checks on the
// options first (a shard's results only mean something merged, so it writes no summary of its own).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { SHARD_FORMAT, type ShardFile } from '../src/lib/formats/shard-file';
import type { Shard } from '../src/lib/run/shard';

export function refuseShardWithout(o: { out?: string; summary?: string }) {
	if (!o.out) throw new Error('--shard needs --out <file>: the shard file that benchtop merge reads');
	if (o.summary)
		throw new Error(
			'--summary is written by benchtop merge from all the shards (a shard alone is part of a run)',
		);
}

/** sha256 over what the run ran (each part's length first, so parts cannot run together). */
export function inputHash(parts: string[]): string {
	const h = createHash('sha256');
	for (const p of parts) h.update(`${Buffer.byteLength(p)}:`).update(p);
	return h.digest('hex');
}

export function writeShard(path: string, shard: Omit<ShardFile, 'format' | 'version'>) {
	const file: ShardFile = { format: SHARD_FORMAT, version: 1, ...shard };
	writeFileSync(path, JSON.stringify(file) + '\n');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const shardLine = (shard: Shard, problems: number, samples: number, path: string) =>
	`shard       ${shard.index}/${shard.count} · ${plural(problems, 'problem')} · ${plural(samples, 'sample')} → ${path} (combine the ${shard.count} shard files with benchtop merge)`;
