// A real HTTP server speaking the OpenAI API (chat and completions, streamed as SSE), answering
// from a script: the reply for a request is looked up by the function the prompt asks for and the
// request's seed (sample i of a problem is sent with seed + i). It logs every request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
	/** The text, sent in pieces. */
	text: string;
	/** Milliseconds between pieces (a slow model). */
	delayMs?: number;
	finishReason?: 'stop' | 'length';
}

export interface ScriptedServer {
	url: string;
	requests: { path: string; model: string; fn: string; seed: number; body: Record<string, unknown> }[];
	close(): Promise<void>;
}

export interface ServerOptions {
	/** fn name → replies by seed offset. */
	script: Record<string, Reply[]>;
	/** Asked first: a reply chosen from the whole prompt (e.g. one per benchmark set). */
	respond?: (prompt: string, seed: number) => Reply | undefined;
	models?: string[];
	apiKey?: string;
	/** Send CORS headers (a server configured to allow the page). */
	cors?: boolean;
	/** Pieces per reply. */
	pieces?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The function the prompt asks for: the last `def name(` / `function name(` in it. */
export function functionAsked(prompt: string): string {
	const names = [...prompt.matchAll(/(?:def|function)\s+(\w+)\s*\(/g)].map((m) => m[1]!);
	return names.at(-1) ?? '';
}

export async function startOpenAiServer(o: ServerOptions): Promise<ScriptedServer> {
	const requests: ScriptedServer['requests'] = [];
	const models = o.models ?? ['scripted-coder'];
	const cors = (res: ServerResponse) => {
		if (o.cors === false) return;
		res.setHeader('access-control-allow-origin', '*');
		res.setHeader('access-control-allow-headers', 'content-type, authorization');
		res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
	};
	const fail = (res: ServerResponse, status: number, message: string) => {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ error: { message, type: 'invalid_request_error' } }));
	};
	const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
		cors(res);
		if (req.method === 'OPTIONS') return void res.writeHead(204).end();
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		if (o.apiKey && req.headers.authorization !== `Bearer ${o.apiKey}`)
			return fail(res, 401, 'Incorrect API key provided');
		if (req.method === 'GET' && path === '/v1/models') {
			res.writeHead(200, { 'content-type': 'application/json' });
			return void res.end(
				JSON.stringify({ object: 'list', data: models.map((id) => ({ id, object: 'model' })) }),
			);
		}
		const chat = path === '/v1/chat/completions';
		if (req.method !== 'POST' || (!chat && path !== '/v1/completions'))
			return fail(res, 404, `no route ${path}`);
		let raw = '';
		for await (const c of req) raw += c;
		const body = JSON.parse(raw) as {
			model: string;
			seed?: number;
			messages?: { content: string }[];
			prompt?: string;
		};
		if (!models.includes(body.model)) return fail(res, 404, `The model \`${body.model}\` does not exist`);
		const prompt = chat ? (body.messages ?? []).map((m) => m.content).join('\n') : (body.prompt ?? '');
		const fn = functionAsked(prompt);
		const seed = body.seed ?? 0;
		requests.push({ path, model: body.model, fn, seed, body });
		const reply = o.respond?.(prompt, seed) ?? o.script[fn]?.[seed];
		if (!reply) return fail(res, 400, `script has no reply for ${fn} seed ${seed}`);
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		const n = o.pieces ?? 4;
		const size = Math.ceil(reply.text.length / n) || 1;
		for (let i = 0; i < reply.text.length; i += size) {
			const piece = reply.text.slice(i, i + size);
			const choice = chat
				? { index: 0, delta: { content: piece }, finish_reason: null }
				: { index: 0, text: piece, finish_reason: null };
			res.write(`data: ${JSON.stringify({ object: 'chunk', choices: [choice] })}\n\n`);
			if (reply.delayMs) await sleep(reply.delayMs);
		}
		const last = chat
			? { index: 0, delta: {}, finish_reason: reply.finishReason ?? 'stop' }
			: { index: 0, text: '', finish_reason: reply.finishReason ?? 'stop' };
		res.write(
			`data: ${JSON.stringify({ choices: [last], usage: { completion_tokens: Math.ceil(reply.text.length / 4) } })}\n\n`,
		);
		res.end('data: [DONE]\n\n');
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		// Also drop open connections: a page still streaming from us (or keeping one alive) would
		// otherwise hold close() until it lets go.
		close: () =>
			new Promise((r) => {
				server.close(() => r());
				server.closeAllConnections();
			}),
	};
}
