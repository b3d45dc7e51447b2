// EvalPlus's datasets (HumanEval+, MBPP+): each problem's base and plus inputs, kept as the JSON
// text the dataset stores — the sandbox parses them (Python's json, then MBPP+'s per-task
// restoring), and a failing input is written back into eval_results.json byte for byte.
import { InputError } from '../core/errors';
import { taskId } from '../core/ids';
import { Fields, type Located } from '../core/text';
import type { Problem } from './types';

/** What EvalPlus tests a problem with (see execution/runtime.ts InputTests for how it runs). */
export interface EvalplusTests {
	dataset: 'humaneval' | 'mbpp';
	atol: number;
	/** JSON arrays of argument lists, as the dataset file writes them. */
	base: string;
	plus: string;
}

/** Index just past the JSON value that starts at `i` (no validation: the text already parsed). */
function valueEnd(text: string, i: number): number {
	let depth = 0;
	let inString = false;
	for (let j = i; j < text.length; j++) {
		const ch = text[j];
		if (inString) {
			if (ch === '\\') j++;
			else if (ch === '"') inString = false;
			continue;
		}
		if (ch === '"') inString = true;
		else if (ch === '[' || ch === '{') depth++;
		else if (ch === ']' || ch === '}') {
			depth--;
			if (depth === 0) return j + 1;
			if (depth < 0) return j;
		} else if (depth === 0 && (ch === ',' || ch === '}')) return j;
	}
	return text.length;
}

/** The text of a top-level field of one JSON object, exactly as written. */
export function rawField(record: string, field: string): string | undefined {
	const key = JSON.stringify(field);
	let depth = 0;
	let inString = false;
	for (let i = 0; i < record.length; i++) {
		const ch = record[i];
		if (inString) {
			if (ch === '\\') i++;
			else if (ch === '"') inString = false;
			continue;
		}
		if (ch === '"') {
			if (depth === 1 && record.startsWith(key, i)) {
				let at = i + key.length;
				while (record[at] === ' ' || record[at] === ':') at++;
				return record.slice(at, valueEnd(record, at)).trimEnd();
			}
			inString = true;
		} else if (ch === '{' || ch === '[') depth++;
		else if (ch === '}' || ch === ']') depth--;
	}
	return undefined;
}

/** The elements of a JSON array's text, each exactly as written. */
export function rawElements(array: string): string[] {
	const out: string[] = [];
	let i = array.indexOf('[') + 1;
	for (;;) {
		while (array[i] === ' ' || array[i] === ',' || array[i] === '\n') i++;
		if (i >= array.length || array[i] === ']') return out;
		const end = valueEnd(array, i);
		out.push(array.slice(i, end).trim());
		i = end;
	}
}

/** A HumanEval+ / MBPP+ record (evalplus's release format) as a problem. */
export const evalplusProblem =
	(file: string) =>
	({ line, value, raw }: Located): Problem => {
		const f = new Fields(file, line, value);
		const id = f.id('task_id');
		const dataset = id.startsWith('Mbpp/') ? 'mbpp' : id.startsWith('HumanEval/') ? 'humaneval' : undefined;
		if (!dataset) throw new InputError(file, line, 'task_id', `"${id}" is neither HumanEval/… nor Mbpp/…`);
		const atol = (value as { atol?: unknown }).atol;
		if (typeof atol !== 'number') throw new InputError(file, line, 'atol', 'expected a number');
		const text = raw ?? JSON.stringify(value);
		const inputs = (field: string) => {
			const got = rawField(text, field);
			// Mbpp/793 stores its (no) plus inputs as {}: EvalPlus iterates over it, finding none.
			if (got === '{}') return '[]';
			if (!got?.startsWith('[')) throw new InputError(file, line, field, 'expected a list of inputs');
			return got;
		};
		return {
			taskId: taskId(id),
			prompt: f.string('prompt'),
			// The original tests, shown beside the inputs (HumanEval's check, MBPP's asserts).
			tests: f.optionalString('test') ?? f.optionalString('assertion') ?? '',
			entryPoint: f.string('entry_point'),
			reference: f.string('canonical_solution'),
			evalplus: { dataset, atol, base: inputs('base_input'), plus: inputs('plus_input') },
		};
	};
