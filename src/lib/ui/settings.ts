// The set-up form's values, remembered between visits (localStorage; never the API key unless the
// user asks), and the sampling presets.
import { GREEDY, type Sampling } from '../generation/types';
import type { EmbedConfig } from '../embed/config';
import type { GeneratorSpec } from '../run/spec';
import { GGUF_CATALOG, modelUrl } from '../generation/gguf/catalog';
import { ggufName, namesChatModel } from '../generation/gguf/names';
import type { TemplateName } from '../prompts/templates';
import type { RecodeFamily } from '../benchmarks/types';
import { mulberry32 } from '../scoring/bootstrap';
import { REPAIR_FEEDBACK, type FeedbackTemplate } from '../prompts/feedback';

/** `file`: samples someone already has, read from a file and scored (nothing generated). */
export type ModelSource = 'reference' | 'endpoint' | 'webllm' | 'gguf' | 'file';
export type Subset = 'first' | 'random' | 'all' | 'picked';

export interface Settings {
	benchmark: string;
	subset: Subset;
	count: number;
	seed: number;
	picked: string[];
	source: ModelSource;
	endpoint: { baseUrl: string; model: string; api: 'chat' | 'completions' };
	rememberKey: boolean;
	apiKey: string;
	webllmModel: string;
	/** A GGUF model for wllama: from the catalog, a URL, or a file on this computer. */
	gguf: { from: 'catalog' | 'url' | 'file'; catalogId: string; url: string };
	n: number;
	sampling: Sampling;
	/** A built-in template, or `auto`: the default for the model (prompts/templates chooseTemplate). */
	template: TemplateName | 'auto';
	ks: number[];
	/** Per-problem time limits from the reference's time in this browser (evalplus's rule). */
	calibrated: boolean;
	/** Run samples on every core; by default one is kept for the page (see README: Speed). */
	allCores: boolean;
	/** Python packages on demand: '' for Pyodide's index (its CDN), 'off', or another index's URL. */
	packageIndex: string;
	/** HumanEval only: also run these ReCode families' perturbed sets (a robustness run). */
	robustness: RecodeFamily[];
	/** Self-repair: rounds of execution feedback after a failing sample (0: none), and the feedback
	 * template's text ({feedback}, {code}, {language}). */
	repairRounds: number;
	feedback: string;
	/** Reranking: the model's answers to the test-writing prompt per problem (0: none). */
	generatedTests: number;
}

export const PRESETS: {
	name: string;
	apply: Partial<Omit<Settings, 'sampling'>> & { sampling: Partial<Sampling> };
}[] = [
	{ name: 'Greedy pass@1', apply: { n: 1, ks: [1], sampling: { temperature: 0, topP: 1 } } },
	{
		name: 'pass@k (n=20, T=0.8, top_p=0.95)',
		apply: { n: 20, ks: [1, 10], sampling: { temperature: 0.8, topP: 0.95 } },
	},
	{
		name: 'Classroom quick (10 problems, n=5)',
		apply: { subset: 'first', count: 10, n: 5, ks: [1, 5], sampling: { temperature: 0.8, topP: 0.95 } },
	},
];

export const DEFAULTS: Settings = {
	benchmark: 'classroom',
	subset: 'first',
	count: 10,
	seed: 0,
	picked: [],
	source: 'reference',
	endpoint: { baseUrl: 'http://localhost:11434', model: 'qwen2.5-coder:1.5b', api: 'chat' },
	rememberKey: false,
	apiKey: '',
	webllmModel: 'Qwen2.5-Coder-0.5B-Instruct',
	gguf: { from: 'catalog', catalogId: 'qwen2.5-coder-0.5b-instruct-q4_k_m', url: '' },
	n: 1,
	sampling: { ...GREEDY },
	template: 'auto',
	ks: [1],
	calibrated: false,
	allCores: false,
	packageIndex: '',
	robustness: [],
	repairRounds: 0,
	feedback: REPAIR_FEEDBACK.text,
	generatedTests: 0,
};

/** The executor's package index for a form value: undefined is Pyodide's own, null none. */
export const packageIndexOf = (v: string): string | null | undefined =>
	v === '' ? undefined : v === 'off' ? null : v;

/** The feedback template a run records: the built-in one by name, or the user's edit of it. */
export const feedbackTemplate = (s: Pick<Settings, 'feedback'>): FeedbackTemplate =>
	s.feedback === REPAIR_FEEDBACK.text
		? REPAIR_FEEDBACK
		: { name: 'custom-feedback', version: 1, text: s.feedback };

const KEY = 'benchtop.settings';

export function loadSettings(): Settings {
	try {
		const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Settings>;
		return {
			...DEFAULTS,
			...saved,
			endpoint: { ...DEFAULTS.endpoint, ...saved.endpoint },
			sampling: { ...DEFAULTS.sampling, ...saved.sampling },
			gguf: { ...DEFAULTS.gguf, ...saved.gguf },
		};
	} catch {
		return structuredClone(DEFAULTS);
	}
}

export function saveSettings(s: Settings): void {
	try {
		localStorage.setItem(KEY, JSON.stringify({ ...s, apiKey: s.rememberKey ? s.apiKey : '' }));
	} catch {
		// storage unavailable (private mode): settings are simply not remembered
	}
}

/** The problems a subset picks, deterministic for a seed (mulberry32 shuffle). */
export function pickTasks<T extends string>(
	all: T[],
	s: Pick<Settings, 'subset' | 'count' | 'seed' | 'picked'>,
): T[] {
	if (s.subset === 'all') return all;
	if (s.subset === 'first') return all.slice(0, Math.max(1, s.count));
	if (s.subset === 'picked') return all.filter((t) => s.picked.includes(t));
	const rand = mulberry32(s.seed);
	const copy = [...all];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[copy[i], copy[j]] = [copy[j]!, copy[i]!];
	}
	const chosen = new Set(copy.slice(0, Math.max(1, s.count)));
	return all.filter((t) => chosen.has(t));
}

/** Samples given, not generated (the references, a file): nothing to prompt, sample, repair or
 * write tests with. */
export const givesSamples = (s: Pick<Settings, 'source'>): boolean =>
	s.source === 'reference' || s.source === 'file';

/** The model the form chose, as a run records it (the API key is never part of it). A GGUF file
 * from disk is described by what its header said when it was picked; a samples file by its name. */
export function generatorSpec(
	s: Settings,
	ggufFile?: { name: string; chat: boolean },
	samplesFile?: { name: string },
): GeneratorSpec {
	if (s.source === 'file') return { kind: 'replay', source: samplesFile?.name ?? 'no file picked' };
	if (s.source === 'endpoint')
		return { kind: 'endpoint', baseUrl: s.endpoint.baseUrl, model: s.endpoint.model, api: s.endpoint.api };
	if (s.source === 'webllm') return { kind: 'webllm', modelId: s.webllmModel };
	if (s.source === 'gguf') {
		if (s.gguf.from === 'file')
			return { kind: 'gguf', model: ggufFile?.name ?? 'no file picked', chat: !!ggufFile?.chat };
		if (s.gguf.from === 'url') {
			const name = ggufName(s.gguf.url);
			return { kind: 'gguf', model: name || s.gguf.url, url: s.gguf.url, chat: namesChatModel(name) };
		}
		const m = GGUF_CATALOG.find((x) => x.id === s.gguf.catalogId) ?? GGUF_CATALOG[0]!;
		return { kind: 'gguf', model: m.label, url: modelUrl(m), chat: m.chat };
	}
	return { kind: 'reference' };
}

/** The form as an embed configuration, for the "Embed this setup" snippets; none for a GGUF model
 * (the widget does not load one yet). */
export function embedConfigOf(
	s: Settings,
	all: readonly string[],
	chosen: string[],
): EmbedConfig | undefined {
	const generator = generatorSpec(s);
	if (generator.kind === 'gguf' || generator.kind === 'replay') return undefined;
	const source: EmbedConfig['source'] =
		s.subset === 'first'
			? { kind: 'bundled', benchmark: s.benchmark, count: Math.max(1, s.count) }
			: s.subset === 'all'
				? { kind: 'bundled', benchmark: s.benchmark, count: all.length }
				: { kind: 'bundled', benchmark: s.benchmark, ids: chosen };
	const model = generator.kind !== 'reference';
	return {
		source,
		generator,
		n: model ? s.n : 1,
		sampling: model ? s.sampling : { ...GREEDY },
		autostart: false,
		...(model && s.template !== 'auto' && { template: s.template }),
	};
}

/** The chosen GGUF model's size in MB, where it is known before loading (a catalog entry or a
 * picked file; a URL's is not): what the speed estimate and the memory warning start from. */
export function ggufSizeMB(
	s: Pick<Settings, 'gguf'>,
	picked?: { files: { size: number }[] },
): number | undefined {
	if (s.gguf.from === 'file') return picked && picked.files.reduce((n, f) => n + f.size, 0) / 1e6;
	if (s.gguf.from === 'catalog') return GGUF_CATALOG.find((m) => m.id === s.gguf.catalogId)?.sizeMB;
	return undefined;
}
