// A GGUF model as a Generator, run by wllama (llama.cpp in WebAssembly, in its own worker): from a
// file on the user's disk (nothing downloaded) or a URL (downloaded once into the browser's cache).
// Imported only when a GGUF model is chosen; the 10 MB wasm is fetched then. CPU inference is
// multi-threaded when the page is cross-origin isolated; the WebGPU backend is used where the
// browser has one unless the CPU is asked for.
import type { Wllama } from '@wllama/wllama';
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import { messageOf } from '../../core/errors';
import type { ChatMessage } from '../../prompts/templates';
import type { GenerateRequest, Generated, Generator, Speed } from '../types';
import { chatFormat, chatml, CHATML_STOP, type ChatFormat } from './chat';
import { wllamaThreads } from './choose';
import { mapWllamaError } from './errors';
import { readGgufHeader, type GgufInfo } from './header';
import { ggufName, inPartOrder, namesChatModel } from './names';

/** Files from disk (all parts of a split model), or the URL of the model (its first part). */
export type GgufSource = { kind: 'file'; files: File[] } | { kind: 'url'; url: string };

export interface GgufLoadOptions {
	/** 'cpu' keeps every layer on the CPU; 'auto' offloads to WebGPU where there is an adapter. */
	backend?: 'auto' | 'cpu';
	threads?: number;
	contextLength?: number;
	/** Download progress, 0..1 (URLs only). */
	onProgress?: (loaded: number, total: number) => void;
	/** The model's name in the run record. */
	name?: string;
}

export class GgufGenerator implements Generator {
	readonly describe;
	readonly chat: boolean;
	#abort?: AbortController;

	private constructor(
		private readonly wllama: Wllama,
		readonly info: GgufInfo,
		readonly format: ChatFormat,
		readonly threads: number,
		name: string,
		version: string,
	) {
		// A model without a chat template can still be asked in chat form through the fallback; a base
		// model (no template, no chat in its name) is prompted with raw completion.
		this.chat = format.kind === 'model-template' || namesChatModel(name);
		const how = format.kind === 'model-template' ? "model's chat template" : `${format.name} (${format.why})`;
		this.describe = {
			kind: 'gguf' as const,
			model: `${name}${info.fileType ? ` (${info.fileType})` : ''}`,
			engine: `wllama ${version} (llama.cpp ${this.#libllama()}, ${threads} thread${threads > 1 ? 's' : ''}, prompts: ${how})`,
		};
	}

	#libllama(): string {
		try {
			return (this.wllama.constructor as unknown as { getLibllamaVersion(): string }).getLibllamaVersion();
		} catch {
			return 'unknown';
		}
	}

	static async load(source: GgufSource, o: GgufLoadOptions = {}): Promise<GgufGenerator> {
		try {
			const [{ Wllama }, pkg] = await Promise.all([
				import('@wllama/wllama'),
				import('@wllama/wllama/package.json'),
			]);
			const threads =
				o.threads ?? wllamaThreads({ crossOriginIsolated, cores: navigator.hardwareConcurrency || 1 });
			const wllama = new Wllama(
				{ default: wasmUrl },
				{ logger: { debug: () => {}, log: () => {}, warn: () => {}, error: console.error } },
			);
			const params = {
				n_ctx: o.contextLength ?? 4096,
				n_threads: threads,
				...(o.backend === 'cpu' && { n_gpu_layers: 0 }),
			};
			let info: GgufInfo;
			let name = o.name;
			if (source.kind === 'file') {
				// Parts of a split model load in name order (…-00001-of-00003.gguf first).
				const files = inPartOrder(source.files);
				info = await readGgufHeader(files[0]!, files[0]!.name);
				name ??= ggufName(files[0]!.name);
				await wllama.loadModel(files, params);
			} else {
				await wllama.loadModelFromUrl(source.url, {
					...params,
					progressCallback: ({ loaded, total }: { loaded: number; total: number }) =>
						o.onProgress?.(loaded, total),
				});
				const meta = wllama.getModelMetadata().meta;
				info = {
					version: 3,
					tensors: 0,
					architecture: meta['general.architecture'] ?? 'unknown',
					...(meta['general.name'] && { name: meta['general.name'] }),
					metadata: meta,
				};
				name ??= ggufName(source.url) || 'model';
			}
			const template = wllama.getChatTemplate() ?? info.chatTemplate;
			const format = chatFormat(template, !template || (await templateWorks(wllama)));
			return new GgufGenerator(wllama, info, format, threads, name, pkg.version);
		} catch (e) {
			throw mapWllamaError(e);
		}
	}

	async generate(req: GenerateRequest): Promise<Generated> {
		const started = performance.now();
		const s = req.sampling;
		const abort = (this.#abort = new AbortController());
		let text = '';
		let tokens = 0;
		let finish: Generated['finishReason'] = 'stop';
		let speed: Speed | undefined;
		const sampling = {
			max_tokens: s.maxTokens,
			temperature: s.temperature,
			top_p: s.topP,
			// sample i of a problem uses seed + i (as every engine here does)
			seed: s.seed + req.index,
			abortSignal: abort.signal,
			stream: true as const,
		};
		const take = (
			delta: string | null | undefined,
			reason: string | null | undefined,
			chunk: ChunkTimings,
		) => {
			if (delta) {
				text += delta;
				tokens++;
				req.onText?.(delta);
			}
			if (reason === 'length') finish = 'length';
			if (chunk.timings)
				speed = {
					promptTokensPerSecond: chunk.timings.prompt_per_second,
					decodeTokensPerSecond: chunk.timings.predicted_per_second,
				};
		};
		try {
			const p = req.prompt;
			if (p.mode === 'chat' && this.format.kind === 'model-template') {
				await this.wllama.createChatCompletion({
					...sampling,
					messages: withPrefix(p.messages, p.prefix),
					onData: (c) => take(c.choices[0]?.delta?.content, c.choices[0]?.finish_reason, c),
				});
			} else {
				const prompt = p.mode === 'chat' ? chatml(p.messages, p.prefix) : p.text;
				const stop = [...p.stop, ...(p.mode === 'chat' ? CHATML_STOP : [])];
				await this.wllama.createCompletion({
					...sampling,
					prompt,
					...(stop.length && { stop }),
					onData: (c) => take(c.choices[0]?.text, c.choices[0]?.finish_reason, c),
				});
			}
		} catch (e) {
			if (!abort.signal.aborted) throw mapWllamaError(e);
		} finally {
			this.#abort = undefined;
		}
		if (abort.signal.aborted) finish = 'interrupted';
		return { text, tokens, finishReason: finish, ms: performance.now() - started, ...(speed && { speed }) };
	}

	interrupt(): void {
		this.#abort?.abort();
	}

	async dispose(): Promise<void> {
		this.interrupt();
		await this.wllama.exit();
	}
}

interface ChunkTimings {
	timings?: { prompt_per_second: number; predicted_per_second: number };
}

/** A reply prefix (e.g. "```python\n") is the start of the assistant's turn. */
function withPrefix(messages: ChatMessage[], prefix?: string) {
	return prefix ? [...messages, { role: 'assistant' as const, content: prefix }] : messages;
}

/** The GGUF models wllama has downloaded into this browser (its OPFS cache), with their size. */
export async function ggufCache(): Promise<{
	cached: { id: string; mb: number }[];
	remove(id: string): Promise<void>;
}> {
	const { CacheManager } = await import('@wllama/wllama');
	const cache = new CacheManager();
	const entries = await cache.list();
	return {
		cached: entries.map((e) => ({ id: e.metadata.originalURL || e.name, mb: Math.round(e.size / 1e6) })),
		remove: (id) => cache.delete(id),
	};
}

/** Whether llama.cpp can apply the model's chat template: one token of a one-line chat, at load,
 * so a template it cannot parse falls back to ChatML before the run rather than failing a sample. */
async function templateWorks(wllama: Wllama): Promise<boolean> {
	try {
		await wllama.createChatCompletion({
			messages: [{ role: 'user', content: 'Hi' }],
			max_tokens: 1,
			temperature: 0,
		});
		return true;
	} catch (e) {
		if (/template|jinja/i.test(messageOf(e))) return false;
		throw e;
	}
}
