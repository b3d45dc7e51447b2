// Benchtop's own results file: every sample's verdict with its detail, the score, and the full
// reproducibility record (STYLE.md): benchmark id and dataset hash, limits, runtime versions, browser.
import pkg from '../../../../package.json';
import type { BenchmarkInfo } from '../../benchmarks/types';
import type { Limits } from '../../execution/runtime';
import type { Score } from '../../scoring';
import type { Outcome } from './results';

export interface RunConfig {
	benchmark: Pick<BenchmarkInfo, 'id' | 'name' | 'version' | 'hash' | 'language' | 'composition'>;
	samples: { files: string[]; format: string };
	limits: Limits;
	workers: number;
	ks: number[];
	/** navigator.userAgent of the browser that ran the samples. */
	browser?: string;
	runtimes: Record<string, string>;
	benchtop: string;
	/** For generated samples: the model, engine, prompt template and sampling settings. */
	generation?: {
		generator: { kind: string; model: string; engine: string };
		template: { name: string; version: number };
		sampling: Record<string, number>;
		n: number;
	};
}

/** The benchmark as a run record names it. */
export const benchmarkRecord = (b: RunConfig['benchmark']): RunConfig['benchmark'] => ({
	id: b.id,
	name: b.name,
	version: b.version,
	hash: b.hash,
	language: b.language,
	composition: b.composition,
});

export const RUNTIME_VERSIONS: Record<string, string> = {
	pyodide: pkg.dependencies.pyodide,
	'quickjs-emscripten': pkg.dependencies['quickjs-emscripten-core'],
	wasmoon: pkg.dependencies.wasmoon,
};

export function toBenchtop(
	outcomes: readonly Outcome[],
	score: Score,
	config: RunConfig,
	date: Date,
): string {
	return (
		JSON.stringify(
			{
				benchtop: pkg.version,
				date: date.toISOString(),
				config,
				score,
				samples: outcomes.map(({ sample, result }, index) => ({
					index,
					taskId: sample.taskId,
					file: sample.file,
					...(sample.line !== undefined && { inputLine: sample.line }),
					code: sample.code,
					full: sample.full,
					...result,
				})),
			},
			null,
			1,
		) + '\n'
	);
}

export const BENCHTOP_VERSION = pkg.version;
