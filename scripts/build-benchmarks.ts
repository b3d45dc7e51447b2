// Builds the bundled benchmarks (public/benchmarks/*.json and index.json) from datasets/ and the
// classroom problems. Deterministic: the unit tests rebuild into a temp dir and compare.
//   npm run benchmarks [-- <out dir>]
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { hashProblems } from '../src/lib/benchmarks/hash';
import { cruxeval, parseBenchmark, type ParsedBenchmark } from '../src/lib/benchmarks/parse';
import { parseJsonl } from '../src/lib/core/text';
import { repairJsPrompt } from '../src/lib/benchmarks/repair';
import { EVALPLUS_STOP, HUMAN_EVAL_STOP, MBPP_STOP, MULTIPLE_STOP } from '../src/lib/benchmarks/stops';
import { closeFunction, syntaxError } from '../src/lib/benchmarks/syntax';
import type { Benchmark, BenchmarkInfo, Problem, RecodeFamily } from '../src/lib/benchmarks/types';
import { renderClassroom } from './classroom-render';
import ts from 'typescript';

/** Bumped whenever the conversion below changes what is shipped. */
const REVISION = 'benchtop-1';
const D = 'datasets';
const read = (p: string) => {
	const bytes = readFileSync(join(D, p));
	return (p.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
};

const HUMAN_EVAL = 'openai/human-eval @6d43fb9';
const HUMAN_EVAL_PLUS = 'evalplus/humanevalplus_release v0.1.10 @200defc';
const MBPP_PLUS = 'evalplus/mbppplus_release v0.2.0 @dadf43d';
const MULTIPL_E = 'nuprl/MultiPL-E';
const MBPP = 'google-research/google-research mbpp';
const LICENSES = {
	humaneval: 'MIT',
	multiple: 'BSD-3-Clause (MultiPL-E)',
	mbpp: 'CC-BY-4.0',
	classroom: 'MIT (Benchtop)',
	evalplus: 'Apache-2.0 (EvalPlus)',
	codeevalPro: 'MIT (CodeEval-Pro)',
	cruxeval: 'MIT (CRUXEval)',
	recode: 'Apache-2.0 (ReCode)',
};
const RECODE = 'amazon-science/recode @6688522';
/** ReCode's folders (config.json's RECIPES) and the family each is; natgen and format perturb
 * partial code, so they are compared with the partial nominal set. */
const RECODE_FAMILIES: Record<string, [RecodeFamily, 'full' | 'partial']> = {
	nlaugmenter: ['docstring', 'full'],
	func_name: ['function-name', 'full'],
	natgen: ['code-syntax', 'partial'],
	format: ['format', 'partial'],
};

/** EvalPlus names its results by the md5 of the decompressed JSONL (get_human_eval_plus_hash). */
const md5Of = (path: string) => createHash('md5').update(read(path)).digest('hex');

type Spec = Omit<BenchmarkInfo, 'hash' | 'count' | 'composition' | 'language' | 'stop'> & {
	parsed: ParsedBenchmark;
	stop?: string[];
};

function fromFile(path: string): ParsedBenchmark {
	return parseBenchmark(read(path), path);
}

/** TypeScript's own parser (syntax only: type errors in a prompt alone are expected). */
function tsSyntaxError(code: string): string | null {
	const out = ts.transpileModule(code, { reportDiagnostics: true, fileName: 'check.ts' });
	const d = out.diagnostics?.[0];
	return d ? ts.flattenDiagnosticMessageText(d.messageText, '\n') : null;
}

/** Repairs JS prompts and checks every prompt and test block with a real parser. */
function validate(
	id: string,
	{ language, dialect }: Pick<ParsedBenchmark, 'language' | 'dialect'>,
	problems: Problem[],
): { problems: Problem[]; notes: string[] } {
	const parseError = (code: string) =>
		dialect === 'typescript' ? tsSyntaxError(code) : syntaxError(language, code);
	const notes: string[] = [];
	let repaired = 0;
	const out = problems.map((p) => {
		if (language !== 'javascript') return p;
		const prompt = repairJsPrompt(p.prompt);
		if (prompt !== p.prompt) repaired++;
		return { ...p, prompt };
	});
	if (repaired)
		notes.push(
			`${repaired} prompts repaired: \`//\` restored on docstring lines (scripts/build-benchmarks.ts)`,
		);
	if (language === 'python') return { problems: out, notes };
	const badPrompts = out.filter((p) => parseError(closeFunction(language, p.prompt)));
	if (badPrompts.length)
		throw new Error(`${id}: prompts that do not parse: ${badPrompts.map((p) => p.taskId).join(', ')}`);
	const badTests = out.filter((p) => parseError(p.tests)).map((p) => p.taskId);
	if (badTests.length)
		notes.push(
			`tests that do not parse, shipped as is so scores match the reference (every sample fails): ${badTests.join(', ')}`,
		);
	return { problems: out, notes };
}

function specs(): Spec[] {
	const multiple = (lang: string, bench: string, commit: string) => ({
		source: `${MULTIPL_E} prompts/${bench}-${lang}-reworded.jsonl @${commit}`,
		license: LICENSES.multiple,
		parsed: fromFile(`multipl-e/${bench}-${lang}-reworded.jsonl`),
	});
	const mbpp = fromFile('mbpp/mbpp.jsonl');
	mbpp.problems = mbpp.problems.filter((p) => Number(p.taskId) >= 11 && Number(p.taskId) <= 510);
	const classroom = renderClassroom();
	return [
		{
			id: 'humaneval',
			name: 'HumanEval',
			version: HUMAN_EVAL,
			source: `${HUMAN_EVAL} data/HumanEval.jsonl.gz`,
			license: LICENSES.humaneval,
			parsed: fromFile('humaneval/HumanEval.jsonl.gz'),
			stop: HUMAN_EVAL_STOP,
		},
		{
			id: 'humaneval-js',
			name: 'HumanEval (JavaScript, MultiPL-E)',
			version: `${MULTIPL_E} @3c9a62a`,
			...multiple('js', 'humaneval', '3c9a62a'),
		},
		{
			id: 'humaneval-ts',
			name: 'HumanEval (TypeScript, MultiPL-E)',
			version: `${MULTIPL_E} @3c9a62a`,
			...multiple('ts', 'humaneval', '3c9a62a'),
		},
		{
			id: 'humaneval-lua',
			name: 'HumanEval (Lua, MultiPL-E)',
			version: `${MULTIPL_E} @3c9a62a`,
			...multiple('lua', 'humaneval', '3c9a62a'),
		},
		{
			id: 'mbpp',
			name: 'MBPP (test split, task ids 11–510)',
			version: `${MBPP} @2251e8c`,
			source: `${MBPP}/mbpp.jsonl @2251e8c`,
			license: LICENSES.mbpp,
			parsed: mbpp,
			stop: MBPP_STOP,
		},
		{
			id: 'mbpp-sanitized',
			name: 'MBPP sanitized',
			version: `${MBPP} @dec705a`,
			source: `${MBPP}/sanitized-mbpp.json @dec705a`,
			license: LICENSES.mbpp,
			parsed: fromFile('mbpp/sanitized-mbpp.json'),
			stop: MBPP_STOP,
		},
		{
			id: 'mbpp-js',
			name: 'MBPP (JavaScript, MultiPL-E)',
			version: `${MULTIPL_E} @3fe78f1`,
			...multiple('js', 'mbpp', '3fe78f1'),
		},
		{
			id: 'mbpp-lua',
			name: 'MBPP (Lua, MultiPL-E)',
			version: `${MULTIPL_E} @3fe78f1`,
			...multiple('lua', 'mbpp', '3fe78f1'),
		},
		...(
			[
				['humaneval+', 'HumanEval+', 'humanevalplus/HumanEvalPlus', ''],
				['humaneval+-mini', 'HumanEval+ Mini', 'humanevalplus/HumanEvalPlus', '-Mini'],
				[
					'humaneval+-noextreme',
					'HumanEval+ (no extreme inputs)',
					'humanevalplus/HumanEvalPlus',
					'-NoExtreme',
				],
				['mbpp+', 'MBPP+', 'mbppplus/MbppPlus', ''],
				['mbpp+-noextreme', 'MBPP+ (no extreme inputs)', 'mbppplus/MbppPlus', '-NoExtreme'],
			] as const
		).map(([id, name, stem, variant]) => {
			const file = `${stem}${variant}.jsonl.gz`;
			const human = stem.startsWith('humaneval');
			return {
				id,
				name,
				version: human ? HUMAN_EVAL_PLUS : MBPP_PLUS,
				source: `${human ? HUMAN_EVAL_PLUS : MBPP_PLUS} ${file.split('/')[1]}`,
				license: LICENSES.evalplus,
				parsed: fromFile(file),
				stop: EVALPLUS_STOP[human ? 'humaneval' : 'mbpp'],
				upstreamHash: md5Of(file),
			};
		}),
		...(
			[
				['humaneval-pro', 'HumanEval Pro (self-invoking)', 'humaneval_pro.json'],
				['mbpp-pro', 'MBPP Pro (self-invoking)', 'mbpp_pro.json'],
			] as const
		).map(([id, name, file]) => ({
			id,
			name,
			version: 'CodeEval-Pro/CodeEval-Pro @36f292e',
			source: `CodeEval-Pro/CodeEval-Pro dataset/${file} @36f292e`,
			license: LICENSES.codeevalPro,
			parsed: fromFile(`codeeval-pro/${file}`),
			stop: ['```'],
		})),
		...(
			[
				['cruxeval-o', 'CRUXEval-O (predict the output)', 'output'],
				['cruxeval-i', 'CRUXEval-I (predict an input)', 'input'],
			] as const
		).map(([id, name, task]) => ({
			id,
			name,
			version: 'facebookresearch/cruxeval @190faf1',
			source: 'facebookresearch/cruxeval data/cruxeval.jsonl @190faf1',
			license: LICENSES.cruxeval,
			parsed: cruxeval(
				parseJsonl(read('cruxeval/cruxeval.jsonl'), 'cruxeval/cruxeval.jsonl'),
				'cruxeval.jsonl',
				task,
			),
			stop: ['[/ANSWER]'],
		})),
		...(['python', 'javascript', 'lua'] as const).map((language) => ({
			id: language === 'python' ? 'classroom' : `classroom-${language === 'javascript' ? 'js' : 'lua'}`,
			name: `Classroom (${language === 'python' ? 'Python' : language === 'javascript' ? 'JavaScript' : 'Lua'})`,
			version: 'benchtop classroom 1',
			source: 'written for Benchtop (scripts/classroom.ts)',
			license: LICENSES.classroom,
			parsed: classroom[language],
		})),
	];
}

/** ReCode's HumanEval: the two nominal sets and seed 0 of each of its 29 transformations, each a
 * set of its own (`recode/<transformation>`), kept out of Setup's list of benchmarks. */
function recodeSpecs(): Spec[] {
	const nominal = (partial: boolean): Spec => ({
		id: partial ? 'recode/nominal-partial' : 'recode/nominal',
		name: `ReCode HumanEval, nominal${partial ? ' (partial code)' : ''}`,
		version: RECODE,
		source: `${RECODE} dataset-release/nominal/${partial ? 'humaneval_partial' : 'HumanEval'}.jsonl`,
		license: LICENSES.recode,
		parsed: fromFile(`recode/nominal/${partial ? 'humaneval_partial' : 'HumanEval'}.jsonl`),
		stop: HUMAN_EVAL_STOP,
		recode: { family: 'nominal', transformation: partial ? 'nominal-partial' : 'nominal', nominal: '' },
	});
	const base = 'recode/perturbed_finalized/humaneval/full';
	return [
		nominal(false),
		nominal(true),
		...Object.entries(RECODE_FAMILIES).flatMap(([dir, [family, against]]) =>
			readdirSync(join(D, base, dir))
				.sort()
				.map((file): Spec => {
					const transformation = file.replace(/^humaneval_/, '').replace(/_s0\.jsonl$/, '');
					const parsed = fromFile(`${base}/${dir}/${file}`);
					const faults = parsed.problems
						.filter((p) => p.prompt.includes('" " "'))
						.map((p) => p.taskId as string);
					return {
						id: `recode/${transformation}`,
						name: `ReCode HumanEval, ${family}: ${transformation}`,
						version: RECODE,
						source: `${RECODE} dataset-release/perturbed_finalized/humaneval/full/${dir}/${file}`,
						license: LICENSES.recode,
						parsed,
						stop: HUMAN_EVAL_STOP,
						recode: {
							family,
							transformation,
							nominal: against === 'partial' ? 'recode/nominal-partial' : 'recode/nominal',
							...(faults.length && { faults }),
						},
					};
				}),
		),
	];
}

export async function buildBenchmarks(outDir: string): Promise<BenchmarkInfo[]> {
	mkdirSync(outDir, { recursive: true });
	const index: BenchmarkInfo[] = [];
	mkdirSync(join(outDir, 'recode'), { recursive: true });
	for (const { parsed, stop, ...spec } of [...specs(), ...recodeSpecs()]) {
		const { problems, notes } = validate(spec.id, parsed, parsed.problems);
		const info: BenchmarkInfo = {
			...spec,
			version: `${spec.version} / ${REVISION}`,
			language: parsed.language,
			...(parsed.dialect && { dialect: parsed.dialect }),
			composition: parsed.composition,
			stop:
				stop ??
				parsed.stop ??
				(parsed.language === 'python' ? HUMAN_EVAL_STOP : MULTIPLE_STOP[parsed.language]),
			count: problems.length,
			hash: await hashProblems(problems),
			...(notes.length && { notes: notes.join('; ') }),
		};
		const bench: Benchmark = { ...info, problems };
		writeFileSync(join(outDir, `${info.id}.json`), JSON.stringify(bench) + '\n');
		index.push(info);
	}
	writeFileSync(join(outDir, 'index.json'), JSON.stringify(index, null, '\t') + '\n');
	return index;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const out = process.argv[2] ?? 'public/benchmarks';
	for (const b of await buildBenchmarks(out))
		console.log(
			`${b.id.padEnd(16)} ${String(b.count).padStart(4)} problems  ${b.hash.slice(0, 12)}${b.notes ? `  (${b.notes})` : ''}`,
		);
}
