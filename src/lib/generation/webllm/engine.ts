// A web-llm model as a Generator: the package is imported only here, when web-llm is chosen, and
// the engine runs in its own worker. Sampling is always explicit (models' defaults differ); n
// samples are n streamed requests with seed + i; interrupt = interruptGenerate().
import type { AppConfig, MLCEngineInterface } from '@mlc-ai/web-llm';
import type { GenerateRequest, Generated, Generator } from '../types';
import { mapWebLlmError } from './errors';
import { parseProgress, type LoadProgress } from './progress';

export interface WebLlmOptions {
	/** A custom model list (self-hosted models); web-llm's prebuilt list otherwise. */
	appConfig?: AppConfig;
	onProgress?: (p: LoadProgress) => void;
	/** Give up when loading reports nothing for this long (a stalled download must not hang). */
	stallMs?: number;
	chat?: boolean;
}

export class WebLlmGenerator implements Generator {
	readonly describe;
	#interrupted = false;

	private constructor(
		private readonly engine: MLCEngineInterface,
		private readonly worker: Worker,
		readonly modelId: string,
		readonly chat: boolean,
		version: string,
	) {
		this.describe = { kind: 'webllm' as const, model: modelId, engine: `web-llm ${version}` };
	}

	static async load(modelId: string, o: WebLlmOptions = {}): Promise<WebLlmGenerator> {
		const webllm = await import('@mlc-ai/web-llm');
		// Ask the browser not to evict a multi-GB download under storage pressure.
		await navigator.storage?.persist?.().catch(() => false);
		const worker = new Worker(new URL('./worker.ts', import.meta.url), {
			type: 'module',
			name: 'benchtop-webllm',
		});
		const stallMs = o.stallMs ?? 120_000;
		let stall: ReturnType<typeof setTimeout> | undefined;
		let rejectStall!: (e: Error) => void;
		const stalled = new Promise<never>((_, reject) => (rejectStall = reject));
		const alive = () => {
			clearTimeout(stall);
			stall = setTimeout(
				() =>
					rejectStall(new Error(`model loading made no progress for ${stallMs / 1000} s (network error?)`)),
				stallMs,
			);
		};
		alive();
		try {
			const engine = await Promise.race([
				webllm.CreateWebWorkerMLCEngine(worker, modelId, {
					appConfig: o.appConfig,
					initProgressCallback: (r) => {
						alive();
						o.onProgress?.(parseProgress(r));
					},
				}),
				stalled,
			]);
			const version = (await import('@mlc-ai/web-llm/package.json')).version;
			return new WebLlmGenerator(engine, worker, modelId, o.chat ?? true, version);
		} catch (e) {
			worker.terminate();
			const mapped = mapWebLlmError(e);
			const url = (o.appConfig ?? webllm.prebuiltAppConfig).model_list.find(
				(m) => m.model_id === modelId,
			)?.model;
			if (mapped.kind === 'network' && url) mapped.message += ` (model ${modelId} from ${url})`;
			throw mapped;
		} finally {
			clearTimeout(stall);
		}
	}

	async generate(req: GenerateRequest): Promise<Generated> {
		const { prompt, sampling } = req;
		const common = {
			stream: true as const,
			stream_options: { include_usage: true },
			temperature: sampling.temperature,
			top_p: sampling.topP,
			max_tokens: sampling.maxTokens,
			seed: sampling.seed + req.index,
			repetition_penalty: sampling.repetitionPenalty,
			presence_penalty: sampling.presencePenalty,
			frequency_penalty: sampling.frequencyPenalty,
			...(prompt.stop.length ? { stop: prompt.stop } : {}),
		};
		this.#interrupted = false;
		const started = performance.now();
		let text = '';
		let tokens = 0;
		let finish: Generated['finishReason'] = 'stop';
		try {
			// web-llm keeps a conversation; each sample must start from an empty one.
			await this.engine.resetChat();
			const stream =
				prompt.mode === 'chat'
					? await this.engine.chat.completions.create({ ...common, messages: prompt.messages })
					: await this.engine.completions.create({ ...common, prompt: prompt.text });
			for await (const chunk of stream) {
				const choice = chunk.choices[0] as
					{ delta?: { content?: string | null }; text?: string; finish_reason?: string | null } | undefined;
				const delta = (prompt.mode === 'chat' ? choice?.delta?.content : choice?.text) ?? '';
				if (delta) {
					text += delta;
					req.onText?.(delta);
				}
				if (choice?.finish_reason === 'length') finish = 'length';
				if (chunk.usage) tokens = chunk.usage.completion_tokens;
			}
		} catch (e) {
			throw mapWebLlmError(e);
		}
		if (this.#interrupted) finish = 'interrupted';
		return { text, tokens, finishReason: finish, ms: performance.now() - started };
	}

	interrupt(): void {
		this.#interrupted = true;
		this.engine.interruptGenerate();
	}

	async dispose(): Promise<void> {
		await this.engine.unload().catch(() => {});
		this.worker.terminate();
	}
}

/** Bytes web-llm's Cache API storage holds under a model's URL (from the stored responses' sizes). */
async function cachedBytes(modelUrl: string): Promise<number> {
	if (!globalThis.caches) return 0;
	let total = 0;
	for (const name of await caches.keys()) {
		if (!name.startsWith('webllm')) continue;
		const cache = await caches.open(name);
		for (const req of await cache.keys()) {
			if (!req.url.startsWith(modelUrl)) continue;
			const res = await cache.match(req);
			total += Number(res?.headers.get('content-length') ?? 0);
		}
	}
	return total;
}

/** Which models are cached (with their size) and deleting them. */
export async function modelCache(ids: string[], appConfig?: AppConfig) {
	const webllm = await import('@mlc-ai/web-llm');
	const config = appConfig ?? webllm.prebuiltAppConfig;
	const cached = [];
	for (const id of ids) {
		if (!(await webllm.hasModelInCache(id, config).catch(() => false))) continue;
		const url = config.model_list.find((m) => m.model_id === id)?.model ?? '';
		cached.push({ id, mb: Math.round((await cachedBytes(url)) / 2 ** 20) });
	}
	return { cached, remove: (id: string) => webllm.deleteModelAllInfoInCache(id, config) };
}
