// The embed widget's configuration, read from URL parameters (the iframe's query or fragment, or the
// custom element's attributes). Everything here is data: checked, bounded, and never run in the page.
import type { InlineProblem } from '../benchmarks/inline';
import { LANGUAGES, type Language } from '../core/ids';
import { GREEDY, type Sampling } from '../generation/types';
import type { GeneratorSpec } from '../run/spec';
import { BenchtopError, messageOf } from '../core/errors';
import { isTemplateName, TEMPLATE_NAMES, type TemplateName } from '../prompts/templates';

export type EmbedSource =
	| { kind: 'bundled'; benchmark: string; ids?: string[]; count?: number }
	| { kind: 'inline'; language: Language; problems: InlineProblem[] };

export interface EmbedConfig {
	source: EmbedSource;
	generator: Exclude<GeneratorSpec, { kind: 'replay' | 'gguf' }>;
	n: number;
	sampling: Sampling;
	autostart: boolean;
	/** A built-in prompt template by name; automatic (by model kind) when absent. */
	template?: TemplateName;
	title?: string;
	/** Light or dark whatever the reader's system says; absent: follow it. */
	theme?: 'light' | 'dark';
}

/** Every parameter the widget reads; the custom element's attributes have the same names. */
export const EMBED_PARAMS = [
	'benchmark',
	'ids',
	'count',
	'language',
	'name',
	'prompt',
	'tests',
	'reference',
	'problems',
	'model',
	'endpoint',
	'api',
	'n',
	'temperature',
	'top-p',
	'max-tokens',
	'seed',
	'template',
	'autostart',
	'title',
	'theme',
] as const;

/** A link or snippet larger than this is refused before anything is parsed. */
export const MAX_EMBED_CHARS = 256 * 1024;

export class EmbedConfigError extends BenchtopError {
	override name = 'EmbedConfigError';
	constructor(
		readonly param: string,
		problem: string,
	) {
		super(`embed parameter "${param}": ${problem}`);
	}
}

const SECRET = /^((api|openai)[-_]?)?key$|^(access[-_]?|bearer[-_]?)?token$|secret|password|authorization/i;
const IGNORED = /^(utm_.*|fbclid|gclid)$/;

function number(
	p: URLSearchParams,
	name: string,
	min: number,
	max: number,
	integer: boolean,
	fallback: number,
) {
	const raw = p.get(name);
	if (raw === null || raw === '') return fallback;
	const v = Number(raw);
	if (!Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v)))
		throw new EmbedConfigError(
			name,
			`must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max} (got "${raw.slice(0, 40)}")`,
		);
	return v;
}

function flag(p: URLSearchParams, name: string): boolean {
	const raw = p.get(name);
	if (raw === null) return false;
	if (['', '1', 'true', 'yes', name].includes(raw.toLowerCase())) return true;
	if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
	throw new EmbedConfigError(name, `must be true or false (got "${raw.slice(0, 40)}")`);
}

function problemList(p: URLSearchParams): InlineProblem[] {
	const json = p.get('problems');
	if (json !== null) {
		let list: unknown;
		try {
			list = JSON.parse(json);
		} catch (e) {
			throw new EmbedConfigError('problems', `is not valid JSON (${messageOf(e)})`);
		}
		if (!Array.isArray(list) || list.length === 0)
			throw new EmbedConfigError('problems', 'must be a non-empty JSON list of {name, prompt, tests}');
		return list.map((item: Record<string, unknown>, i) => {
			for (const f of ['prompt', 'tests'] as const)
				if (typeof item?.[f] !== 'string' || !item[f])
					throw new EmbedConfigError(`problems[${i}].${f}`, 'must be a non-empty string');
			for (const f of ['name', 'reference'] as const)
				if (item[f] !== undefined && typeof item[f] !== 'string')
					throw new EmbedConfigError(`problems[${i}].${f}`, 'must be a string');
			return {
				name: (item.name as string | undefined) ?? '',
				prompt: item.prompt as string,
				tests: item.tests as string,
				...(item.reference !== undefined && { reference: item.reference as string }),
			};
		});
	}
	const prompt = p.get('prompt');
	const tests = p.get('tests');
	if (!prompt) throw new EmbedConfigError('prompt', 'an inline problem needs a prompt (or use benchmark=)');
	if (!tests) throw new EmbedConfigError('tests', 'an inline problem needs tests');
	const reference = p.get('reference');
	return [{ name: p.get('name') ?? '', prompt, tests, ...(reference !== null && { reference }) }];
}

function source(p: URLSearchParams): EmbedSource {
	const inline = p.has('prompt') || p.has('problems');
	if (inline) {
		if (p.has('benchmark'))
			throw new EmbedConfigError('benchmark', 'give either a benchmark or inline problems, not both');
		const language = (p.get('language') ?? 'python') as Language;
		if (!LANGUAGES.includes(language))
			throw new EmbedConfigError('language', `must be one of ${LANGUAGES.join(', ')} (got "${language}")`);
		const names = new Set<string>();
		const problems = problemList(p);
		problems.forEach((q, i) => {
			q.name ||= `problem-${i + 1}`;
			if (!/^[\w.-]{1,64}$/.test(q.name))
				throw new EmbedConfigError(
					'name',
					`"${q.name.slice(0, 40)}": use letters, digits, - _ . (64 at most)`,
				);
			if (names.has(q.name)) throw new EmbedConfigError('name', `"${q.name}" is used twice`);
			names.add(q.name);
		});
		return { kind: 'inline', language, problems };
	}
	const benchmark = p.get('benchmark') || 'classroom';
	if (!/^[\w.-]{1,64}$/.test(benchmark))
		throw new EmbedConfigError('benchmark', `"${benchmark.slice(0, 40)}" is not a benchmark id`);
	const ids = p
		.get('ids')
		?.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	const count = p.has('count') ? number(p, 'count', 1, 10_000, true, 1) : undefined;
	return { kind: 'bundled', benchmark, ...(ids?.length && { ids }), ...(count && { count }) };
}

function generator(p: URLSearchParams, src: EmbedSource): EmbedConfig['generator'] {
	const model = p.get('model') ?? 'reference';
	const endpoint = p.get('endpoint');
	if (endpoint !== null) {
		let url: URL;
		try {
			url = new URL(endpoint);
		} catch {
			throw new EmbedConfigError('endpoint', `"${endpoint.slice(0, 80)}" is not a URL`);
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:')
			throw new EmbedConfigError('endpoint', 'must be an http(s) URL');
		if (model === 'reference')
			throw new EmbedConfigError('model', 'an endpoint needs the model name to ask for');
		const api = p.get('api') ?? 'chat';
		if (api !== 'chat' && api !== 'completions')
			throw new EmbedConfigError('api', `must be chat or completions (got "${api.slice(0, 40)}")`);
		return { kind: 'endpoint', baseUrl: url.href.replace(/\/$/, ''), model, api };
	}
	if (model === 'reference') {
		if (src.kind === 'inline' && src.problems.some((q) => q.reference === undefined))
			throw new EmbedConfigError('reference', 'model=reference needs a reference solution for every problem');
		return { kind: 'reference' };
	}
	if (!/^[\w.-]{1,128}$/.test(model))
		throw new EmbedConfigError('model', `"${model.slice(0, 40)}" is not a web-llm model id`);
	return { kind: 'webllm', modelId: model };
}

function template(p: URLSearchParams): TemplateName | undefined {
	const t = p.get('template');
	if (t === null || t === '' || t === 'auto') return undefined;
	if (!isTemplateName(t))
		throw new EmbedConfigError(
			'template',
			`must be one of ${TEMPLATE_NAMES.join(', ')} (got "${t.slice(0, 40)}")`,
		);
	return t;
}

/** Reads and checks every parameter; the first problem found is thrown as an EmbedConfigError. */
export function parseEmbedConfig(p: URLSearchParams): EmbedConfig {
	const size = [...p].reduce((n, [k, v]) => n + k.length + v.length, 0);
	if (size > MAX_EMBED_CHARS)
		throw new EmbedConfigError(
			'(all)',
			`the parameters are ${Math.round(size / 1024)} KB; at most ${MAX_EMBED_CHARS / 1024} KB`,
		);
	for (const k of p.keys()) {
		if (SECRET.test(k))
			throw new EmbedConfigError(
				k,
				'API keys are never read from a link or page; a public page would leak them',
			);
		if (!(EMBED_PARAMS as readonly string[]).includes(k) && !IGNORED.test(k))
			throw new EmbedConfigError(k, `unknown parameter; known: ${EMBED_PARAMS.join(', ')}`);
	}
	const src = source(p);
	const gen = generator(p, src);
	const model = gen.kind !== 'reference';
	const temperature = number(p, 'temperature', 0, 2, false, 0);
	return {
		source: src,
		generator: gen,
		n: model ? number(p, 'n', 1, 100, true, 1) : 1,
		sampling: {
			...GREEDY,
			temperature,
			topP: number(p, 'top-p', 0.01, 1, false, temperature > 0 ? 0.95 : 1),
			maxTokens: number(p, 'max-tokens', 16, 4096, true, GREEDY.maxTokens),
			seed: number(p, 'seed', 0, 2 ** 31 - 1, true, 0),
		},
		autostart: flag(p, 'autostart'),
		...(model && template(p) && { template: template(p) }),
		...(p.get('title') && { title: p.get('title')!.slice(0, 200) }),
		...theme(p),
	};
}

function theme(p: URLSearchParams): { theme?: 'light' | 'dark' } {
	const t = p.get('theme');
	if (t === null || t === '' || t === 'auto') return {};
	if (t !== 'light' && t !== 'dark')
		throw new EmbedConfigError('theme', `must be light, dark or auto (got "${t.slice(0, 40)}")`);
	return { theme: t };
}

export function modelLabel(g: EmbedConfig['generator']): string {
	if (g.kind === 'endpoint') return `${g.model} at ${new URL(g.baseUrl).host}`;
	if (g.kind === 'webllm') return `${g.modelId} (in this browser, WebGPU)`;
	return 'reference solutions';
}

/** An iframe URL's parameters: the query, then the fragment (which wins, and never reaches a server). */
export function embedParams(url: { search: string; hash: string }): URLSearchParams {
	const p = new URLSearchParams(url.search);
	for (const [k, v] of new URLSearchParams(url.hash.replace(/^#/, ''))) p.set(k, v);
	return p;
}

/** The other way round: a configuration as the fragment of an embed link (for the copy-snippet button). */
export function embedFragment(c: EmbedConfig): string {
	const p = new URLSearchParams();
	if (c.source.kind === 'bundled') {
		p.set('benchmark', c.source.benchmark);
		if (c.source.ids) p.set('ids', c.source.ids.join(','));
		if (c.source.count) p.set('count', String(c.source.count));
	} else {
		p.set('language', c.source.language);
		p.set('problems', JSON.stringify(c.source.problems));
	}
	const g = c.generator;
	if (g.kind === 'endpoint') {
		p.set('endpoint', g.baseUrl);
		p.set('model', g.model);
		p.set('api', g.api);
	} else p.set('model', g.kind === 'webllm' ? g.modelId : 'reference');
	if (g.kind !== 'reference') {
		p.set('n', String(c.n));
		p.set('temperature', String(c.sampling.temperature));
		if (c.sampling.temperature > 0) p.set('top-p', String(c.sampling.topP));
		if (c.sampling.maxTokens !== GREEDY.maxTokens) p.set('max-tokens', String(c.sampling.maxTokens));
		if (c.sampling.seed) p.set('seed', String(c.sampling.seed));
	}
	if (c.template && g.kind !== 'reference') p.set('template', c.template);
	if (c.autostart) p.set('autostart', '1');
	if (c.title) p.set('title', c.title);
	if (c.theme) p.set('theme', c.theme);
	return p.toString();
}
