// Samples someone already has — generated elsewhere, in any format `benchtop score` reads — scored
// in the page: read from the picked files (gzip too), checked against the chosen benchmark with the
// same parser as the CLI (errors name file, line and field), and shaped as a run.
import { BenchtopError } from '../core/errors';
import type { Sample } from '../core/sample';
import type { Problem } from '../benchmarks/types';
import { decodeText } from '../core/text';
import { detectSamplesFormat, parseSamples, type InputFile, type SamplesFormat } from '../formats/samples';

export interface SamplesFile {
	/** What the run records as its source: the file's name, or the first of several. */
	name: string;
	samples: Sample[];
	format: SamplesFormat;
	/** Samples per problem: the same for every problem in the file. */
	n: number;
	/** The problems the file has samples for. */
	taskIds: Set<string>;
}

/** The files' text, as the CLI reads them (gzip known by its magic number, not the name). */
export async function readSampleFiles(files: readonly File[]): Promise<InputFile[]> {
	return Promise.all(
		files.map(async (f) => ({ name: f.name, text: await decodeText(new Uint8Array(await f.arrayBuffer())) })),
	);
}

/** The files' samples for `problems`. A run in the app has n samples for every problem it runs, so a
 * file with more for some problems than others is refused, naming two that differ. */
export function samplesForRun(inputs: InputFile[], problems: readonly Problem[]): SamplesFile {
	const samples = parseSamples(inputs, problems);
	const first = inputs[0]!;
	const name = inputs.length === 1 ? first.name : `${first.name} and ${inputs.length - 1} more`;
	if (!samples.length) throw new BenchtopError(`${name}: no samples in it`);
	const counts = new Map<string, number>();
	for (const s of samples) counts.set(s.taskId, (counts.get(s.taskId) ?? 0) + 1);
	const [a, n] = [samples[0]!.taskId, counts.get(samples[0]!.taskId)!];
	const other = [...counts].find(([, c]) => c !== n);
	if (other)
		throw new BenchtopError(
			`${name}: ${a} has ${n} sample(s) and ${other[0]} has ${other[1]}; a run here needs the same number for every problem (benchtop score takes any)`,
		);
	return { name, samples, format: detectSamplesFormat(first), n, taskIds: new Set(counts.keys()) };
}
