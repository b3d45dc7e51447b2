// Benchmark files in the shapes the reference harnesses use: human-eval JSONL, MultiPL-E prompt
// JSONL, MBPP (JSONL or the sanitized JSON array), and Benchtop's own bundled JSON. Shape is
// detected from the fields of the first record.
import { InputError } from '../core/errors';
import { taskId, type Language } from '../core/ids';
import {
	arrayElementLines,
	Fields,
	jsonObjectDocument,
	parseJson,
	parseJsonl,
	type Located,
} from '../core/text';
import type { Composition } from '../execution/compose';
import { cruxevalProblem, type CruxTask } from './cruxeval';
import { evalplusProblem } from './evalplus';
import type { Benchmark, Problem } from './types';

export interface ParsedBenchmark {
	composition: Composition;
	language: Language;
	/** MultiPL-E's TypeScript: JavaScript after a type check. */
	dialect?: 'typescript';
	problems: Problem[];
	/** Stop sequences found in the file (MultiPL-E stores them per problem). */
	stop?: string[];
}

const MULTIPLE_LANGUAGES: Record<string, Language> = {
	js: 'javascript',
	javascript: 'javascript',
	ts: 'javascript',
	typescript: 'javascript',
	lua: 'lua',
	py: 'python',
};
const TYPESCRIPT = new Set(['ts', 'typescript']);
/** js and javascript are one language; ts is JavaScript too, but a file does not mix the two. */
const kindOf = (lang: string) => (TYPESCRIPT.has(lang) ? 'typescript' : MULTIPLE_LANGUAGES[lang]);

export function parseBenchmark(text: string, file: string): ParsedBenchmark {
	const doc = jsonObjectDocument(text, file) as Partial<Benchmark> | undefined;
	if (doc && Array.isArray(doc.problems)) return fromBundled(doc, file);
	const records: Located[] = text.trimStart().startsWith('[') ? located(text, file) : parseJsonl(text, file);
	const first = new Fields(file, records[0]!.line, records[0]!.value);
	let parsed: ParsedBenchmark;
	if (first.has('code') && first.has('input') && first.has('output'))
		parsed = cruxeval(records, file, 'output');
	else if (first.has('skeleton') && first.has('test_classes'))
		parsed = { composition: 'classeval', language: 'python', problems: records.map(classEval(file)) };
	else if (first.has('new_problem'))
		parsed = { composition: 'self-invoking', language: 'python', problems: records.map(selfInvoking(file)) };
	else if (first.has('plus_input'))
		parsed = { composition: 'evalplus', language: 'python', problems: records.map(evalplusProblem(file)) };
	else if (first.has('entry_point'))
		parsed = { composition: 'human-eval', language: 'python', problems: records.map(humanEval(file)) };
	else if (first.has('stop_tokens') || (first.has('name') && first.has('tests')))
		parsed = multiplE(records, file);
	else if (first.has('test_list'))
		parsed = { composition: 'mbpp', language: 'python', problems: records.map(mbpp(file)) };
	else
		throw new InputError(
			file,
			records[0]!.line,
			undefined,
			'not a benchmark file: expected human-eval (task_id, prompt, test, entry_point), MultiPL-E (name, prompt, tests) or MBPP (task_id, test_list) records',
		);
	checkUnique(parsed.problems, records, file);
	return parsed;
}

function located(text: string, file: string): Located[] {
	const doc = parseJson(text, file);
	if (!Array.isArray(doc)) throw new InputError(file, 1, undefined, 'expected a JSON array of problems');
	if (doc.length === 0) throw new InputError(file, undefined, undefined, 'the file has no problems');
	const lines = arrayElementLines(text);
	return doc.map((value, i) => ({ line: lines[i] ?? 1, value }));
}

const humanEval =
	(file: string) =>
	({ line, value }: Located): Problem => {
		const f = new Fields(file, line, value);
		return {
			taskId: taskId(f.id('task_id')),
			prompt: f.string('prompt'),
			tests: f.string('test'),
			entryPoint: f.string('entry_point'),
			reference: f.optionalString('canonical_solution'),
		};
	};

/** CRUXEval's file as one of its two tasks (a file read as a benchmark is CRUXEval-O). */
export function cruxeval(records: Located[], file: string, task: CruxTask): ParsedBenchmark {
	return {
		composition: task === 'output' ? 'cruxeval-output' : 'cruxeval-input',
		language: 'python',
		problems: records.map(cruxevalProblem(file, task)),
	};
}

/** HumanEval Pro / MBPP Pro (CodeEval-Pro): a problem, then one that must call its solution. The
 * model continues the first problem's prompt; the tests are the second's. */
const selfInvoking =
	(file: string) =>
	({ line, value }: Located): Problem => {
		const f = new Fields(file, line, value);
		return {
			taskId: taskId(f.id('id')),
			prompt: f.string('raw_problem'),
			followUp: f.string('new_problem'),
			tests: f.string('test_code'),
			// eval/harness.py's ground truth: raw_problem + raw_solution + new_problem + new_solution.
			reference: f.string('raw_solution') + f.string('new_problem') + f.string('new_solution'),
		};
	};

function multiplE(records: Located[], file: string): ParsedBenchmark {
	let language: string | undefined;
	let stop: string[] | undefined;
	const problems = records.map(({ line, value }) => {
		const f = new Fields(file, line, value);
		const lang = f.string('language');
		if (!MULTIPLE_LANGUAGES[lang])
			throw new InputError(file, line, 'language', `unsupported language "${lang}" (js, ts and lua are)`);
		if (language && kindOf(lang) !== kindOf(language))
			throw new InputError(file, line, 'language', `mixes ${language} and ${lang}`);
		language = lang;
		if (f.has('stop_tokens')) stop ??= f.strings('stop_tokens');
		return { taskId: taskId(f.id('name')), prompt: f.string('prompt'), tests: f.string('tests') };
	});
	return {
		composition: 'multipl-e',
		language: MULTIPLE_LANGUAGES[language!]!,
		...(TYPESCRIPT.has(language!) && { dialect: 'typescript' as const }),
		problems,
		stop,
	};
}

/** ClassEval (FudanSELab): a class skeleton to complete; import_statement, then the code, then the
 * unittest classes. Its data licence is non-commercial, so it is read from the user's file only. */
const classEval =
	(file: string) =>
	({ line, value }: Located): Problem => {
		const f = new Fields(file, line, value);
		return {
			taskId: taskId(f.id('task_id')),
			prompt: f.string('skeleton'),
			tests: f.string('test'),
			setup: f.strings('import_statement').join('\n'),
			reference: f.optionalString('solution_code'),
			classeval: { className: f.string('class_name'), testClasses: f.strings('test_classes') },
		};
	};

const mbpp =
	(file: string) =>
	({ line, value }: Located): Problem => {
		const f = new Fields(file, line, value);
		const imports = f.has('test_imports') ? f.strings('test_imports') : [];
		const setup = [...imports, f.optionalString('test_setup_code') ?? ''].filter(Boolean).join('\n');
		return {
			taskId: taskId(f.id('task_id')),
			prompt: f.has('text') ? f.string('text') : f.string('prompt'),
			tests: f.strings('test_list').join('\n'),
			setup,
			reference: f.optionalString('code'),
		};
	};

function fromBundled(doc: Partial<Benchmark>, file: string): ParsedBenchmark {
	if (!doc.language || !doc.composition) throw new InputError(file, 1, 'language', 'missing');
	const problems = doc.problems!.map((p) => {
		const f = new Fields(file, 1, p); // throws unless p is an object
		f.id('taskId');
		f.string('prompt');
		f.string('tests');
		return p;
	});
	return {
		composition: doc.composition,
		language: doc.language,
		...(doc.dialect === 'typescript' && { dialect: doc.dialect }),
		problems,
		stop: doc.stop,
	};
}

function checkUnique(problems: Problem[], records: Located[], file: string) {
	const seen = new Map<string, number>();
	problems.forEach((p, i) => {
		const line = records[i]!.line;
		const before = seen.get(p.taskId);
		if (before !== undefined)
			throw new InputError(
				file,
				line,
				'task_id',
				`duplicate task id "${p.taskId}" (first on line ${before})`,
			);
		seen.set(p.taskId, line);
	});
}
