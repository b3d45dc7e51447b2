// An OpenAI-compatible server (Ollama, llama.cpp server, LM Studio, vLLM, hosted APIs), streamed.
// The API key stays in this object (memory) unless the user asks the app to remember it.
import { sseData } from './sse';
import { GenerationError, type GenerateRequest, type Generated, type Generator } from './types';

export interface EndpointConfig {
	/** e.g. http://localhost:11434 or https://api.example.com/v1 — with or without the /v1. */
	baseUrl: string;
	model: string;
	apiKey?: string;
	/** Chat (instruct models) or raw completions (base models). */
	api: 'chat' | 'completions';
	/** Give up when the server sends nothing for this long. */
	idleTimeoutMs?: number;
}

/** How to let this page's origin call each kind of server (shown with CORS failures and in the README). */
const CORS_HELP = (origin: string) =>
	`Ollama: start it with OLLAMA_ORIGINS=${origin} ollama serve · llama.cpp server: allows every origin by default · ` +
	`LM Studio: Developer → Server settings → Enable CORS · vLLM: --allowed-origins '["${origin}"]' · ` +
	'hosted APIs: most allow browsers; some (OpenAI) need a proxy.';

/** The API root with /v1, whatever form the user typed. */
export function apiRoot(baseUrl: string): string {
	const u = baseUrl.trim().replace(/\/+$/, '');
	return /\/v\d+$/.test(u) ? u : `${u}/v1`;
}

// The OpenAI API accepts at most 4 stop sequences; the rest are applied client-side by extraction.
const MAX_STOP = 4;

interface Chunk {
	choices?: { text?: string; delta?: { content?: string | null }; finish_reason?: string | null }[];
	usage?: { completion_tokens?: number };
	error?: { message?: string } | string;
}

export class EndpointGenerator implements Generator {
	readonly chat: boolean;
	readonly describe;
	#abort?: AbortController;
	#interrupted = false;

	constructor(
		readonly config: EndpointConfig,
		private readonly fetchImpl: typeof fetch = (...a) => fetch(...a),
	) {
		this.chat = config.api === 'chat';
		this.describe = {
			kind: 'endpoint' as const,
			model: config.model,
			engine: `OpenAI-compatible ${apiRoot(config.baseUrl)}`,
		};
	}

	async generate(req: GenerateRequest): Promise<Generated> {
		const { prompt, sampling } = req;
		const chat = prompt.mode === 'chat';
		const url = `${apiRoot(this.config.baseUrl)}/${chat ? 'chat/completions' : 'completions'}`;
		const body = {
			model: this.config.model,
			// A response prefix goes as a partial assistant turn (servers that support prefill continue it).
			...(chat
				? {
						messages: prompt.prefix
							? [...prompt.messages, { role: 'assistant', content: prompt.prefix }]
							: prompt.messages,
					}
				: { prompt: prompt.text }),
			stream: true,
			temperature: sampling.temperature,
			top_p: sampling.topP,
			max_tokens: sampling.maxTokens,
			seed: sampling.seed + req.index,
			presence_penalty: sampling.presencePenalty,
			frequency_penalty: sampling.frequencyPenalty,
			...(prompt.stop.length ? { stop: prompt.stop.slice(0, MAX_STOP) } : {}),
		};
		const abort = (this.#abort = new AbortController());
		this.#interrupted = false;
		const idle = this.config.idleTimeoutMs ?? 60_000;
		let timedOut = false;
		let timer = setTimeout(() => ((timedOut = true), abort.abort()), idle);
		const alive = () => {
			clearTimeout(timer);
			timer = setTimeout(() => ((timedOut = true), abort.abort()), idle);
		};
		const started = performance.now();
		let text = '';
		let tokens = 0;
		let chunks = 0;
		let finish: Generated['finishReason'] = 'stop';
		try {
			const res = await this.fetchImpl(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...(this.config.apiKey ? { authorization: `Bearer ${this.config.apiKey}` } : {}),
				},
				body: JSON.stringify(body),
				signal: abort.signal,
			});
			if (!res.ok) throw await this.#httpError(res);
			if (!res.body)
				throw new GenerationError(
					`${url} sent no body`,
					'Check that the server speaks the OpenAI API.',
					'other',
				);
			for await (const data of sseData(res.body)) {
				alive();
				if (data.trim() === '[DONE]') break;
				let chunk: Chunk;
				try {
					chunk = JSON.parse(data) as Chunk;
				} catch {
					throw new GenerationError(
						`the server sent a stream event that is not JSON: ${data.slice(0, 120)}`,
						'Check that the server speaks the OpenAI API.',
						'other',
					);
				}
				if (chunk.error) {
					const m = typeof chunk.error === 'string' ? chunk.error : (chunk.error.message ?? 'unknown error');
					throw classify(m, 0, this.config.model);
				}
				const choice = chunk.choices?.[0];
				const delta = (chat ? choice?.delta?.content : choice?.text) ?? '';
				if (delta) {
					text += delta;
					chunks++;
					req.onText?.(delta);
				}
				if (choice?.finish_reason === 'length') finish = 'length';
				if (chunk.usage?.completion_tokens) tokens = chunk.usage.completion_tokens;
			}
		} catch (e) {
			if (this.#interrupted) finish = 'interrupted';
			else if (timedOut)
				throw new GenerationError(
					`no response from ${url} for ${Math.round(idle / 1000)} s`,
					'Check that the server is running and not overloaded, or raise the timeout.',
					'timeout',
				);
			else if (e instanceof GenerationError) throw e;
			else if (e instanceof TypeError)
				throw new GenerationError(
					`could not reach ${url}: the server is not running, the address is wrong, or it does not allow requests from this page (CORS)`,
					`Check the address, then allow this page's origin: ${CORS_HELP(globalThis.location?.origin ?? 'http://localhost:5173')}`,
					'cors',
				);
			else throw e;
		} finally {
			clearTimeout(timer);
			this.#abort = undefined;
		}
		return { text, tokens: tokens || chunks, finishReason: finish, ms: performance.now() - started };
	}

	async #httpError(res: Response): Promise<GenerationError> {
		let detail = '';
		try {
			const t = await res.text();
			try {
				const j = JSON.parse(t) as { error?: { message?: string } | string; message?: string };
				detail = (typeof j.error === 'string' ? j.error : j.error?.message) ?? j.message ?? t;
			} catch {
				detail = t;
			}
		} catch {
			// no body
		}
		return classify(detail.slice(0, 300), res.status, this.config.model);
	}

	interrupt(): void {
		this.#interrupted = true;
		this.#abort?.abort();
	}

	async dispose(): Promise<void> {
		this.interrupt();
	}
}

/** An HTTP status and the server's words → a message with a way forward. */
function classify(detail: string, status: number, model: string): GenerationError {
	const said = detail ? `: ${detail}` : '';
	if (status === 401 || status === 403)
		return new GenerationError(
			`the server refused the request (${status})${said}`,
			'Check the API key.',
			'auth',
		);
	if (/context|too long|maximum.*tokens|n_ctx|exceeds/i.test(detail))
		return new GenerationError(
			`the prompt and answer do not fit the model's context${said}`,
			'Lower max tokens, or use a model with a longer context.',
			'context',
		);
	if (status === 404 || /model.*(not found|does not exist|unknown)|unknown model|no such model/i.test(detail))
		return new GenerationError(
			`the server does not know model "${model}"${said}`,
			'Check the model name (GET /v1/models lists what the server has) and the base URL.',
			'model',
		);
	if (status === 429)
		return new GenerationError(
			`rate limited (429)${said}`,
			'Wait and resume, or lower the number of samples.',
			'other',
		);
	return new GenerationError(
		`the server answered ${status || 'with an error'}${said}`,
		'See the server log.',
		'other',
	);
}

/** The models the server offers (GET /v1/models), for the model picker and "unknown model" hints. */
export async function listModels(
	config: Pick<EndpointConfig, 'baseUrl' | 'apiKey'>,
	fetchImpl: typeof fetch = fetch,
): Promise<string[]> {
	const res = await fetchImpl(`${apiRoot(config.baseUrl)}/models`, {
		headers: config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {},
	});
	if (!res.ok) throw classify(await res.text().catch(() => ''), res.status, '');
	const j = (await res.json()) as { data?: { id: string }[] };
	return (j.data ?? []).map((m) => m.id);
}
