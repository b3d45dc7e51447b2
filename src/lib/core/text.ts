// Reading user files: bytes (maybe gzip, by magic number not by name) to text, and JSONL to
// records that remember their line, so every later error can name file, line and field.
import { InputError, messageOf } from './errors';

export async function decodeText(bytes: Uint8Array): Promise<string> {
	if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
		const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
		return new Response(stream).text();
	}
	return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

export interface Located<T = unknown> {
	/** 1-based line in the file; for JSON arrays, the line the record starts on. */
	line: number;
	value: T;
	/** The record's own text (JSONL), where a field must be kept exactly as written. */
	raw?: string;
}

/** JSON as Python's json module writes it: NaN, Infinity and -Infinity allowed (read as null here;
 * a field that needs them is kept as text, see Located.raw). */
function parsePythonJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch (e) {
		if (!/NaN|Infinity/.test(text)) throw e;
		let out = '';
		let inString = false;
		for (let i = 0; i < text.length; i++) {
			const ch = text[i]!;
			if (inString) {
				if (ch === '\\') out += ch + text[++i];
				else {
					if (ch === '"') inString = false;
					out += ch;
				}
				continue;
			}
			if (ch === '"') inString = true;
			const word = /^(-?Infinity|NaN)/.exec(text.slice(i, i + 9));
			if (word) {
				out += 'null';
				i += word[0].length - 1;
			} else out += ch;
		}
		return JSON.parse(out);
	}
}

/** One JSON value per non-empty line. */
export function parseJsonl(text: string, file: string): Located[] {
	const out: Located[] = [];
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i]!.trim();
		if (!raw) continue;
		try {
			out.push({ line: i + 1, value: parsePythonJson(raw), raw });
		} catch (e) {
			throw new InputError(file, i + 1, undefined, `invalid JSON (${messageOf(e)})`);
		}
	}
	if (out.length === 0) throw new InputError(file, undefined, undefined, 'the file is empty');
	return out;
}

/** A whole-file JSON document; errors carry the line JSON.parse stopped at where it says. */
export function parseJson(text: string, file: string): unknown {
	if (!text.trim()) throw new InputError(file, undefined, undefined, 'the file is empty');
	try {
		return JSON.parse(text);
	} catch (e) {
		const msg = messageOf(e);
		const pos = /position (\d+)/.exec(msg);
		const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
		throw new InputError(file, line, undefined, `invalid JSON (${msg})`);
	}
}

/**
 * The text as one JSON object document (eval_results.json, a MultiPL-E file, a Benchtop run), or
 * undefined when it is JSONL, an array or not JSON. A one-line JSONL file is one object too; callers
 * tell them apart by its fields. A broken multi-line document gets parseJson's located error
 * instead of being misread as JSONL.
 */
export function jsonObjectDocument(text: string, file: string): Record<string, unknown> | undefined {
	const t = text.trim();
	if (!t.startsWith('{')) return undefined;
	try {
		return JSON.parse(t) as Record<string, unknown>;
	} catch {
		const nl = t.indexOf('\n');
		if (nl > 0) {
			try {
				parsePythonJson(t.slice(0, nl));
				return undefined; // the first line is a record of its own: JSONL
			} catch {
				// fall through to the located error
			}
		}
		parseJson(text, file);
		return undefined;
	}
}

/** Line on which each object or list inside a top-level JSON array starts (for error messages). */
export function arrayElementLines(text: string): number[] {
	const lines: number[] = [];
	let depth = 0;
	let line = 1;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '\n') line++;
		else if (inString) {
			if (ch === '\\') i++;
			else if (ch === '"') inString = false;
		} else if (ch === '"') inString = true;
		else if (ch === '[' || ch === '{') {
			if (depth === 1) lines.push(line);
			depth++;
		} else if (ch === ']' || ch === '}') depth--;
	}
	return lines;
}

/** Field access that names the field, file and line when the value is missing or of the wrong type. */
export class Fields {
	constructor(
		readonly file: string,
		readonly line: number,
		readonly record: unknown,
	) {
		if (typeof record !== 'object' || record === null || Array.isArray(record)) {
			throw new InputError(file, line, undefined, `expected a JSON object, got ${describe(record)}`);
		}
	}

	#get(field: string): unknown {
		return (this.record as Record<string, unknown>)[field];
	}

	has(field: string): boolean {
		return this.#get(field) !== undefined;
	}

	string(field: string): string {
		const v = this.#get(field);
		if (typeof v !== 'string') throw this.error(field, v, 'a string');
		return v;
	}

	optionalString(field: string): string | undefined {
		return this.has(field) && this.#get(field) !== null ? this.string(field) : undefined;
	}

	id(field: string): string {
		const v = this.#get(field);
		if (typeof v === 'number' && Number.isInteger(v)) return String(v);
		if (typeof v !== 'string' || !v) throw this.error(field, v, 'a non-empty string or an integer');
		return v;
	}

	strings(field: string): string[] {
		const v = this.#get(field);
		if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
			throw this.error(field, v, 'a list of strings');
		return v as string[];
	}

	error(field: string, v: unknown, expected: string): InputError {
		return new InputError(
			this.file,
			this.line,
			field,
			v === undefined ? 'missing' : `expected ${expected}, got ${describe(v)}`,
		);
	}
}

function describe(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'a list';
	if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
	return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}
