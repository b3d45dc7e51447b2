// A whole run as one file — its spec, status and every sample with raw text, code, program and
// verdict — to move a run between browsers or keep it. Importing checks every field it relies on.
import { InputError } from '../core/errors';
import { parseJson } from '../core/text';
import { LANGUAGES } from '../core/ids';
import type { RunMeta, SampleRecord, TestSetRecord } from '../run/spec';
import { safeFileName } from './file-name';

export const RUN_FILE_VERSION = 1;

/** `tests`: a reranking run's generated tests per problem (the samples' rows refer to them). */
export function toRunFile(
	meta: RunMeta,
	samples: readonly SampleRecord[],
	tests: readonly TestSetRecord[] = [],
): string {
	return (
		JSON.stringify(
			{ benchtopRun: RUN_FILE_VERSION, meta, samples, ...(tests.length && { tests }) },
			null,
			1,
		) + '\n'
	);
}

export const runFileName = (runName: string) => `${safeFileName(runName)}.benchtop-run.json`;

const STATUSES = new Set(['passed', 'failed', 'timeout', 'error']);

export function parseRunFile(
	text: string,
	file: string,
): { meta: RunMeta; samples: SampleRecord[]; tests: TestSetRecord[] } {
	const doc = parseJson(text, file) as Record<string, unknown>;
	const run = checkRun(doc, file);
	return { ...run, tests: checkTests(doc.tests, run.meta, file) };
}

/** A reranking run's generated tests: each set names one of the run's problems and lists its tests. */
function checkTests(value: unknown, meta: RunMeta, file: string): TestSetRecord[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) throw new InputError(file, undefined, 'tests', 'must be a list');
	return value.map((t: TestSetRecord, i) => {
		if (typeof t?.taskId !== 'string' || !meta.spec.taskIds.includes(t.taskId))
			throw new InputError(
				file,
				undefined,
				`tests[${i}].taskId`,
				`"${String(t?.taskId)}" is not one of the run's problems`,
			);
		if (
			!Array.isArray(t.tests) ||
			t.tests.some((x) => typeof x?.text !== 'string' || !Number.isInteger(x.weight))
		)
			throw new InputError(
				file,
				undefined,
				`tests[${i}].tests`,
				'must list tests, each with a text and a weight',
			);
		return t;
	});
}

/** Checks a run document (a parsed file, or a share link's payload) field by field. */
export function checkRun(value: unknown, file: string): { meta: RunMeta; samples: SampleRecord[] } {
	const doc = value as Record<string, unknown>;
	if (!doc || typeof doc !== 'object' || doc.benchtopRun === undefined)
		throw new InputError(file, undefined, 'benchtopRun', 'not a Benchtop run file (export one from History)');
	if (doc.benchtopRun !== RUN_FILE_VERSION)
		throw new InputError(
			file,
			undefined,
			'benchtopRun',
			`version ${String(doc.benchtopRun)} is not one this Benchtop reads (${RUN_FILE_VERSION})`,
		);
	const meta = doc.meta as RunMeta;
	if (!meta || typeof meta.id !== 'string' || typeof meta.name !== 'string')
		throw new InputError(file, undefined, 'meta', 'missing or without id and name');
	const spec = meta.spec;
	if (!spec || typeof spec.benchmark?.id !== 'string' || typeof spec.benchmark.hash !== 'string')
		throw new InputError(file, undefined, 'meta.spec.benchmark', 'needs an id and a hash');
	if (!Array.isArray(spec.taskIds) || !Number.isInteger(spec.n) || spec.n < 1 || !Array.isArray(spec.ks))
		throw new InputError(file, undefined, 'meta.spec', 'needs taskIds, n ≥ 1 and ks');
	if (meta.inline !== undefined) checkInline(meta.inline, file);
	// Shown beside the score as what ran the samples: text only, never markup or objects.
	const runtimes = meta.runtimes as unknown;
	if (
		runtimes !== undefined &&
		(typeof runtimes !== 'object' ||
			runtimes === null ||
			!Object.values(runtimes).every((v) => typeof v === 'string' && v.length <= 100))
	)
		throw new InputError(file, undefined, 'meta.runtimes', 'must map each runtime to its version (text)');
	if (!Array.isArray(doc.samples)) throw new InputError(file, undefined, 'samples', 'must be a list');
	const samples = doc.samples as SampleRecord[];
	samples.forEach((s, i) => {
		const at = `samples[${i}]`;
		if (typeof s?.taskId !== 'string' || !spec.taskIds.includes(s.taskId))
			throw new InputError(
				file,
				undefined,
				`${at}.taskId`,
				`"${String(s?.taskId)}" is not one of the run's problems`,
			);
		if (!Number.isInteger(s.index) || s.index < 0 || s.index >= spec.n)
			throw new InputError(file, undefined, `${at}.index`, `must be an integer from 0 to ${spec.n - 1}`);
		if (typeof s.code !== 'string' || typeof s.raw !== 'string')
			throw new InputError(file, undefined, `${at}.code`, 'code and raw must be strings');
		if (!STATUSES.has(s.result?.status))
			throw new InputError(
				file,
				undefined,
				`${at}.result.status`,
				'must be passed, failed, timeout or error',
			);
	});
	return { meta, samples };
}

/** A benchmark carried with its run (a problem written in Teach or an embed): its problems must be
 * text; whether they are the ones the run was scored on is checked by hash when it is opened. */
function checkInline(b: RunMeta['inline'], file: string) {
	if (!b || typeof b !== 'object' || !Array.isArray(b.problems) || !LANGUAGES.includes(b.language))
		throw new InputError(file, undefined, 'meta.inline', 'needs a language and a list of problems');
	b.problems.forEach((p, i) => {
		for (const f of ['taskId', 'prompt', 'tests'] as const)
			if (typeof p?.[f] !== 'string')
				throw new InputError(file, undefined, `meta.inline.problems[${i}].${f}`, 'must be a string');
	});
}
