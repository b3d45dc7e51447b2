// The OpenAI-compatible generator against a real local HTTP server (Node's fetch): streaming, both
// APIs, explicit sampling, and the failures users meet, each with a message that says what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoot, EndpointGenerator, listModels } from '../../src/lib/generation/endpoint';
import { GREEDY, GenerationError } from '../../src/lib/generation/types';
import type { Prompt } from '../../src/lib/prompts/templates';
import { startOpenAiServer, type ScriptedServer } from '../support/openai-server';

let server: ScriptedServer;
beforeAll(async () => {
	server = await startOpenAiServer({
		apiKey: 'sk-test',
		models: ['coder'],
		script: {
			add: [{ text: '```python\ndef add(a, b):\n    return a + b\n```' }, { text: 'second sample' }],
			slow: [{ text: 'x'.repeat(40), delayMs: 400 }],
			long: [{ text: 'a long answer that goes on', finishReason: 'length' }],
		},
	});
});
afterAll(() => server.close());

const chat = (fn: string): Prompt => ({
	mode: 'chat',
	stop: [],
	messages: [{ role: 'user', content: `def ${fn}(a, b):` }],
});
const gen = (over: Partial<ConstructorParameters<typeof EndpointGenerator>[0]> = {}) =>
	new EndpointGenerator({ baseUrl: server.url, model: 'coder', apiKey: 'sk-test', api: 'chat', ...over });

async function failure(p: Promise<unknown>): Promise<GenerationError> {
	try {
		await p;
	} catch (e) {
		expect(e).toBeInstanceOf(GenerationError);
		return e as GenerationError;
	}
	throw new Error('expected a GenerationError');
}

describe('OpenAI-compatible endpoint', () => {
	it('accepts the base URL with or without /v1', () => {
		expect(apiRoot('http://h:1/')).toBe('http://h:1/v1');
		expect(apiRoot('https://api.x.com/v1')).toBe('https://api.x.com/v1');
	});

	it('streams a chat reply, counting tokens, with every sampling setting explicit and seed + index', async () => {
		const pieces: string[] = [];
		const r = await gen().generate({
			prompt: chat('add'),
			sampling: { ...GREEDY, seed: 0 },
			index: 1,
			taskId: 't',
			onText: (d) => pieces.push(d),
		});
		expect(r).toMatchObject({ text: 'second sample', finishReason: 'stop', tokens: 4 });
		expect(pieces.length).toBeGreaterThan(1);
		const body = server.requests.at(-1)!.body;
		expect(body).toMatchObject({
			stream: true,
			temperature: 0,
			top_p: 1,
			max_tokens: 512,
			seed: 1,
			presence_penalty: 0,
			frequency_penalty: 0,
		});
	});

	it('uses /v1/completions for raw prompts and sends at most four stop sequences', async () => {
		const prompt: Prompt = {
			mode: 'completion',
			text: 'def add(a, b):\n',
			stop: ['\ndef', '\nclass', '\nif', '\nprint', '\n#'],
		};
		const r = await gen({ api: 'completions' }).generate({ prompt, sampling: GREEDY, index: 0, taskId: 't' });
		expect(r.text).toContain('def add');
		expect(server.requests.at(-1)).toMatchObject({
			path: '/v1/completions',
			body: { stop: ['\ndef', '\nclass', '\nif', '\nprint'] },
		});
	});

	it('reports a reply cut by max tokens', async () => {
		expect(
			(await gen().generate({ prompt: chat('long'), sampling: GREEDY, index: 0, taskId: 't' })).finishReason,
		).toBe('length');
	});

	it('a wrong API key is an auth error', async () => {
		const e = await failure(
			gen({ apiKey: 'nope' }).generate({ prompt: chat('add'), sampling: GREEDY, index: 0, taskId: 't' }),
		);
		expect(e.kind).toBe('auth');
		expect(e.message).toMatch(/401.*Incorrect API key/);
		expect(e.action).toMatch(/API key/);
	});

	it('an unknown model names the model and how to list the real ones', async () => {
		const e = await failure(
			gen({ model: 'gpt-9' }).generate({ prompt: chat('add'), sampling: GREEDY, index: 0, taskId: 't' }),
		);
		expect(e.kind).toBe('model');
		expect(e.message).toMatch(/"gpt-9"/);
		expect(e.action).toMatch(/\/v1\/models/);
		expect(await listModels({ baseUrl: server.url, apiKey: 'sk-test' })).toEqual(['coder']);
	});

	it('a server that stops sending is a timeout, not a hang', async () => {
		const e = await failure(
			gen({ idleTimeoutMs: 150 }).generate({ prompt: chat('slow'), sampling: GREEDY, index: 0, taskId: 't' }),
		);
		expect(e.kind).toBe('timeout');
	});

	it('an unreachable server says so, with how to allow the page in each server', async () => {
		const e = await failure(
			gen({ baseUrl: 'http://127.0.0.1:9' }).generate({
				prompt: chat('add'),
				sampling: GREEDY,
				index: 0,
				taskId: 't',
			}),
		);
		expect(e.kind).toBe('cors');
		expect(e.action).toMatch(/OLLAMA_ORIGINS/);
	});

	it('interrupt stops the stream and keeps the text so far', async () => {
		const g = gen();
		const p = g.generate({
			prompt: chat('slow'),
			sampling: GREEDY,
			index: 0,
			taskId: 't',
			onText: () => g.interrupt(),
		});
		const r = await p;
		expect(r.finishReason).toBe('interrupted');
		expect(r.text.length).toBeGreaterThan(0);
		expect(r.text.length).toBeLessThan(40);
	});
});
