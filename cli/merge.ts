// benchtop merge: the shard files of a sharded score or run, combined into exactly the results
// files, summary and printed table the unsharded command would have produced on one machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mergeShards, readShardFile } from '../src/lib/formats/shard-file';
import { RESULTS_FORMATS, type ResultsFormat } from '../src/lib/formats/results';
import { analysesOf, loadBenchmarkArg, runDate, scoreOutcomes, summary, table, writeResults } from './score';
import { analysesTable, parseAnalyses } from '../src/lib/scoring/analyses';

export const MERGE_USAGE = `  merge <shard files…> [--out <path>] [--out-format ${RESULTS_FORMATS.join('|')}] [--summary <path>]
        [--analyses failures,diversity,efficiency]
      Combines the files written by score/run --shard K/N (all N of them, any order) into the
      results and summary one unsharded run writes. Refuses shards of different runs or settings.`;

export async function mergeCommand(argv: string[]): Promise<number> {
	const { values: o, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			out: { type: 'string' },
			'out-format': { type: 'string' },
			summary: { type: 'string' },
			analyses: { type: 'string' },
		},
	});
	if (o['out-format'] && !RESULTS_FORMATS.includes(o['out-format'] as ResultsFormat))
		throw new Error(`--out-format must be one of ${RESULTS_FORMATS.join(', ')}`);
	const which = o.analyses === undefined ? [] : parseAnalyses(o.analyses);
	if (!positionals.length) throw new Error('merge needs the shard files: benchtop merge shard-*.json');
	const files = positionals.map((name) => {
		let text: string;
		try {
			text = readFileSync(name, 'utf8');
		} catch {
			throw new Error(`shard file "${name}" not found`);
		}
		return { name, file: readShardFile(name, text) };
	});
	const merged = mergeShards(files);
	const bench = await loadBenchmarkArg(merged.benchmark);
	if (bench.hash !== merged.config.benchmark.hash)
		throw new Error(
			`benchmark "${merged.benchmark}" is not the one the shards ran (sha256 ${bench.hash.slice(0, 12)} here, ${merged.config.benchmark.hash.slice(0, 12)} in the shards)`,
		);
	const { config, outcomes } = merged;
	const { result, base } = scoreOutcomes(bench, outcomes, config.ks, merged.command, merged.problems);
	const format = (o['out-format'] as ResultsFormat) ?? merged.out.format;
	const out = o.out ?? merged.out.path;
	if (out) writeResults(out, format, outcomes, bench, result, config, runDate());
	const analyses = await analysesOf(which, bench, outcomes, config.ks, config.limits);
	if (o.summary)
		writeFileSync(o.summary, JSON.stringify(summary(result, config, base, analyses), null, 2) + '\n');
	console.log(table(bench, result, outcomes.length, config, out && `${out} (${format})`, base));
	if (analyses) console.log(analysesTable(analyses));
	return 0;
}
