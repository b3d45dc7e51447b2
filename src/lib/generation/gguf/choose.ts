// Which engine runs a model in this page, and what to expect: web-llm where WebGPU passes its checks
// (fastest), otherwise wllama — llama.cpp in WebAssembly on the CPU, multi-threaded when the page
// is cross-origin isolated — so a model runs in the page on every machine. Pure: facts in, choice out.

export type InPageEngine = 'webllm' | 'wllama';

export interface EngineFacts {
	/** web-llm's own capability verdict (webllm/capability.ts assess). */
	webllmOk: boolean;
	webllmWhy?: string;
	crossOriginIsolated: boolean;
	cores: number;
	/** navigator.deviceMemory in GB (browsers cap it at 8), when the browser tells. */
	deviceMemoryGB?: number;
}

export interface EngineChoice {
	engine: InPageEngine;
	/** Threads wllama uses (1 without cross-origin isolation: no SharedArrayBuffer). */
	threads: number;
	why: string;
}

/** llama.cpp's CPU backend gains little past 4 threads in a browser, and the page needs a core. */
const MAX_THREADS = 4;

export function wllamaThreads(f: Pick<EngineFacts, 'crossOriginIsolated' | 'cores'>): number {
	return f.crossOriginIsolated ? Math.max(1, Math.min(MAX_THREADS, f.cores - 1)) : 1;
}

export function chooseEngine(f: EngineFacts, override?: InPageEngine): EngineChoice {
	const threads = wllamaThreads(f);
	const cpu = `wllama runs the model with llama.cpp on the CPU, ${threads} thread${threads > 1 ? 's' : ''}${f.crossOriginIsolated ? '' : ' (the page is not cross-origin isolated, so one thread)'}`;
	if (override === 'wllama') return { engine: 'wllama', threads, why: `Chosen by you: ${cpu}.` };
	if (override === 'webllm')
		return {
			engine: 'webllm',
			threads,
			why: f.webllmOk
				? 'Chosen by you: web-llm runs the model on the GPU with WebGPU.'
				: `Chosen by you, though web-llm's checks failed here (${f.webllmWhy ?? 'no usable WebGPU'}): loading may fail.`,
		};
	if (f.webllmOk)
		return {
			engine: 'webllm',
			threads,
			why: 'WebGPU works here: web-llm runs the model on the GPU (fastest).',
		};
	return {
		engine: 'wllama',
		threads,
		why: `No usable WebGPU here (${f.webllmWhy ?? 'not available'}): ${cpu}.`,
	};
}

/** Decode speed scales with the bytes read per token (≈ the file's size) and with threads,
 * sub-linearly. DECODE_MB_PER_S is measured by `npm run bench` (bench/gguf.ts: wllama, one thread,
 * headless Chromium on the 2-core CI machine, a 144 MB Q8_0 model of SmolLM2-135M's shape decoding
 * 5.2–8.0 tokens/s over runs; 8.6–11.2 with two threads, hence the 0.6 exponent). */
export const DECODE_MB_PER_S = 1000;

export function estimateTokensPerSecond(sizeMB: number, threads: number): number {
	return (DECODE_MB_PER_S * Math.pow(threads, 0.6)) / Math.max(sizeMB, 1);
}

/** A plain warning when the model may not fit, before anything is downloaded. */
export function memoryWarning(needMB: number, deviceMemoryGB?: number): string | undefined {
	if (needMB > 3.5 * 1024)
		return `This model needs about ${(needMB / 1024).toFixed(1)} GB, more than WebAssembly's 4 GB memory in the page can hold. Pick a smaller model or quantisation.`;
	if (deviceMemoryGB !== undefined && needMB > deviceMemoryGB * 1024 * 0.6)
		return `This model needs about ${(needMB / 1024).toFixed(1)} GB and this device reports ${deviceMemoryGB} GB of memory: it may fail to load or slow the computer down. A smaller model is safer.`;
	return undefined;
}
