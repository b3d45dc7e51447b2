// The models offered for code, curated from web-llm's prebuilt list: each family with its
// quantizations, the VRAM web-llm says it needs, and an estimated download. Pure: the caller passes
// web-llm's model list (the package itself is loaded only when web-llm is chosen).
import type { ModelRecord } from '@mlc-ai/web-llm';

export type Quant = 'q4f16_1' | 'q4f32_1';

export interface CatalogModel {
	family: string;
	label: string;
	/** Parameters, in billions. */
	params: number;
	/** Instruct/chat model (instruct template) or base model (raw completion). */
	chat: boolean;
	note?: string;
	variants: Partial<Record<Quant, { id: string; vramMB: number; contextWindow?: number; url: string }>>;
}

const CURATED: Omit<CatalogModel, 'variants'>[] = [
	{
		family: 'Qwen2.5-Coder-0.5B-Instruct',
		label: 'Qwen2.5-Coder 0.5B',
		params: 0.5,
		chat: true,
		note: 'smallest code model; good for a classroom demo',
	},
	{ family: 'Qwen2.5-Coder-1.5B-Instruct', label: 'Qwen2.5-Coder 1.5B', params: 1.5, chat: true },
	{ family: 'Qwen2.5-Coder-3B-Instruct', label: 'Qwen2.5-Coder 3B', params: 3, chat: true },
	{
		family: 'Qwen2.5-Coder-7B-Instruct',
		label: 'Qwen2.5-Coder 7B',
		params: 7,
		chat: true,
		note: 'needs a recent GPU',
	},
	{
		family: 'Qwen3-0.6B',
		label: 'Qwen3 0.6B',
		params: 0.6,
		chat: true,
		note: 'thinks before answering (<think> is removed)',
	},
	{
		family: 'Qwen3-1.7B',
		label: 'Qwen3 1.7B',
		params: 1.7,
		chat: true,
		note: 'thinks before answering (<think> is removed)',
	},
	{ family: 'Llama-3.2-1B-Instruct', label: 'Llama 3.2 1B', params: 1.2, chat: true },
	{ family: 'Llama-3.2-3B-Instruct', label: 'Llama 3.2 3B', params: 3.2, chat: true },
	{ family: 'SmolLM2-360M-Instruct', label: 'SmolLM2 360M', params: 0.36, chat: true },
	{ family: 'SmolLM2-1.7B-Instruct', label: 'SmolLM2 1.7B', params: 1.7, chat: true },
	{ family: 'Phi-3.5-mini-instruct', label: 'Phi-3.5 mini', params: 3.8, chat: true },
	{
		family: 'phi-2',
		label: 'Phi-2 (base)',
		params: 2.7,
		chat: false,
		note: 'base model: raw completion of the prompt',
	},
];

export function buildCatalog(list: readonly ModelRecord[]): CatalogModel[] {
	return CURATED.map((c) => {
		const variants: CatalogModel['variants'] = {};
		for (const q of ['q4f16_1', 'q4f32_1'] as Quant[]) {
			const r = list.find((m) => m.model_id === `${c.family}-${q}-MLC`);
			if (r)
				variants[q] = {
					id: r.model_id,
					vramMB: Math.round(r.vram_required_MB ?? 0),
					contextWindow: r.overrides?.context_window_size,
					url: r.model,
				};
		}
		return { ...c, variants };
	}).filter((m) => Object.keys(m.variants).length > 0);
}

/** 4-bit weights plus scales and the tokenizer: ≈ 0.56 bytes a parameter (shown as an estimate). */
export const estimatedDownloadMB = (params: number) => Math.round((params * 1e9 * 0.56) / 2 ** 20);
