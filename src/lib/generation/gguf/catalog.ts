// GGUF models that fit a laptop's browser, for wllama (CPU, or WebGPU where the browser has it).
// Sizes, files and licences are those on each model's card; the URLs are Hugging Face `resolve`
// links. Nothing here is downloaded until a run asks for it.

export interface GgufModel {
	id: string;
	label: string;
	/** Hugging Face repository and file (the first part, …-00001-of-0000N.gguf, of a split model:
	 * llama.cpp finds the rest beside it). */
	repo: string;
	file: string;
	quant: string;
	/** Download size in MB (all files). */
	sizeMB: number;
	/** Memory the page needs to run it with a 4k context, in MB (weights + KV cache + buffers). */
	memoryMB: number;
	license: string;
	/** Chat models get the instruct templates; base models continue the benchmark's prompt. */
	chat: boolean;
	/** Parameters, for the speed estimate. */
	params: string;
}

const HF = 'https://huggingface.co';
export const modelUrl = (m: Pick<GgufModel, 'repo' | 'file'>) => `${HF}/${m.repo}/resolve/main/${m.file}`;

/** Memory for weights plus a 4k-token KV cache and compute buffers (measured shape of llama.cpp's use). */
const mem = (sizeMB: number, kvMB: number) => Math.round(sizeMB * 1.05 + kvMB + 150);

function qwenCoder(size: string, quant: 'Q4_K_M' | 'Q8_0', sizeMB: number, kvMB: number): GgufModel {
	return {
		id: `qwen2.5-coder-${size.toLowerCase()}-instruct-${quant.toLowerCase()}`,
		label: `Qwen2.5-Coder ${size} Instruct (${quant})`,
		repo: `Qwen/Qwen2.5-Coder-${size}-Instruct-GGUF`,
		file: `qwen2.5-coder-${size.toLowerCase()}-instruct-${quant.toLowerCase()}.gguf`,
		quant,
		sizeMB,
		memoryMB: mem(sizeMB, kvMB),
		license: size === '3B' ? 'Qwen Research' : 'Apache-2.0',
		chat: true,
		params: size,
	};
}

export const GGUF_CATALOG: readonly GgufModel[] = [
	{
		id: 'smollm2-135m-instruct-q8_0',
		label: 'SmolLM2 135M Instruct (Q8_0) — the smallest machines',
		repo: 'HuggingFaceTB/SmolLM2-135M-Instruct-GGUF',
		file: 'smollm2-135m-instruct-q8_0.gguf',
		quant: 'Q8_0',
		sizeMB: 145,
		memoryMB: mem(145, 90),
		license: 'Apache-2.0',
		chat: true,
		params: '135M',
	},
	{
		id: 'smollm2-360m-instruct-q8_0',
		label: 'SmolLM2 360M Instruct (Q8_0)',
		repo: 'HuggingFaceTB/SmolLM2-360M-Instruct-GGUF',
		file: 'smollm2-360m-instruct-q8_0.gguf',
		quant: 'Q8_0',
		sizeMB: 386,
		memoryMB: mem(386, 160),
		license: 'Apache-2.0',
		chat: true,
		params: '360M',
	},
	qwenCoder('0.5B', 'Q4_K_M', 398, 48),
	qwenCoder('0.5B', 'Q8_0', 531, 48),
	qwenCoder('1.5B', 'Q4_K_M', 1120, 112),
	qwenCoder('1.5B', 'Q8_0', 1890, 112),
	qwenCoder('3B', 'Q4_K_M', 1930, 144),
	{
		id: 'qwen3-0.6b-q8_0',
		label: 'Qwen3 0.6B (Q8_0)',
		repo: 'Qwen/Qwen3-0.6B-GGUF',
		file: 'Qwen3-0.6B-Q8_0.gguf',
		quant: 'Q8_0',
		sizeMB: 639,
		memoryMB: mem(639, 448),
		license: 'Apache-2.0',
		chat: true,
		params: '0.6B',
	},
	{
		id: 'qwen3-1.7b-q8_0',
		label: 'Qwen3 1.7B (Q8_0)',
		repo: 'Qwen/Qwen3-1.7B-GGUF',
		file: 'Qwen3-1.7B-Q8_0.gguf',
		quant: 'Q8_0',
		sizeMB: 1830,
		memoryMB: mem(1830, 448),
		license: 'Apache-2.0',
		chat: true,
		params: '1.7B',
	},
	{
		id: 'deepseek-coder-1.3b-instruct-q4_k_m',
		label: 'DeepSeek-Coder 1.3B Instruct (Q4_K_M)',
		repo: 'TheBloke/deepseek-coder-1.3b-instruct-GGUF',
		file: 'deepseek-coder-1.3b-instruct.Q4_K_M.gguf',
		quant: 'Q4_K_M',
		sizeMB: 874,
		memoryMB: mem(874, 768),
		license: 'DeepSeek License',
		chat: true,
		params: '1.3B',
	},
	{
		id: 'qwen2.5-coder-1.5b-base-q8_0',
		label: 'Qwen2.5-Coder 1.5B base (Q8_0) — raw completion',
		repo: 'Qwen/Qwen2.5-Coder-1.5B-GGUF',
		file: 'qwen2.5-coder-1.5b-q8_0.gguf',
		quant: 'Q8_0',
		sizeMB: 1650,
		memoryMB: mem(1650, 112),
		license: 'Apache-2.0',
		chat: false,
		params: '1.5B',
	},
];

/** wllama reads each file into one ArrayBuffer: a file past 2 GB must be split (llama-gguf-split). */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;
