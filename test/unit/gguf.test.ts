// The GGUF engine's pure parts: the header reader (against files the repository's own writer makes),
// the chat-template decision and its ChatML fallback, the catalog, the engine choice and its
// estimates, and the error mapping.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chatFormat, chatml, CHATML_STOP } from '../../src/lib/generation/gguf/chat';
import { GGUF_CATALOG, MAX_FILE_BYTES, modelUrl } from '../../src/lib/generation/gguf/catalog';
import {
	chooseEngine,
	estimateTokensPerSecond,
	memoryWarning,
	wllamaThreads,
} from '../../src/lib/generation/gguf/choose';
import { mapWllamaError } from '../../src/lib/generation/gguf/errors';
import { GgufError, parseGgufHeader, readGgufHeader } from '../../src/lib/generation/gguf/header';
import { GenerationError } from '../../src/lib/generation/types';
import { TINY, writeGguf } from '../../scripts/gguf/write';

const dir = mkdtempSync(join(tmpdir(), 'benchtop-gguf-'));
const path = join(dir, 'tiny.gguf');
writeGguf(path, TINY);
const bytes = new Uint8Array(readFileSync(path));

describe('GGUF header', () => {
	it("reads the writer's model: architecture, shape, chat template, tensors", () => {
		const h = parseGgufHeader(bytes);
		expect(h).toMatchObject({
			version: 3,
			tensors: 2 + 9 * TINY.layers,
			architecture: 'llama',
			name: 'benchtop-tiny-llama',
			contextLength: TINY.context,
			layers: TINY.layers,
			embedding: TINY.embd,
			chatTemplate: TINY.chatTemplate,
		});
		expect(h.metadata['tokenizer.ggml.model']).toBe('llama');
		// arrays (the vocabulary) are skipped, not kept
		expect(h.metadata['tokenizer.ggml.tokens']).toBeUndefined();
	});

	it('the same seed writes the same bytes', () => {
		const again = join(dir, 'again.gguf');
		writeGguf(again, TINY);
		expect(Buffer.compare(readFileSync(again), Buffer.from(bytes))).toBe(0);
	});

	it('a file that is not GGUF is named as such, with what to pick instead', () => {
		expect(() => parseGgufHeader(new TextEncoder().encode('PK\u0003\u0004 a zip'), 'model.zip')).toThrow(
			/model\.zip is not a GGUF file \(it starts with "PK\\u0003\\u0004", not "GGUF"\)/,
		);
		const v9 = bytes.slice(0, 64);
		new DataView(v9.buffer).setUint32(4, 9, true);
		expect(() => parseGgufHeader(v9, 'new.gguf')).toThrow('new.gguf is GGUF version 9');
	});

	it('reads a longer prefix when the header runs past the first read, and says when the file is cut', async () => {
		const big = new Blob([bytes]);
		await expect(readGgufHeader(big, 'tiny.gguf')).resolves.toMatchObject({ architecture: 'llama' });
		const cut = new Blob([bytes.slice(0, 2000)]);
		await expect(readGgufHeader(cut, 'cut.gguf')).rejects.toThrow(
			'cut.gguf ends inside its header: the file is cut short (a partial download?)',
		);
		await expect(readGgufHeader(cut, 'cut.gguf')).rejects.toBeInstanceOf(GgufError);
	});
});

describe('chat prompts for GGUF models', () => {
	it("uses the model's own template when it has one, ChatML otherwise (and says why)", () => {
		expect(chatFormat(TINY.chatTemplate)).toEqual({ kind: 'model-template' });
		expect(chatFormat(undefined)).toEqual({
			kind: 'fallback',
			name: 'chatml',
			why: 'the model file has no chat template',
		});
		expect(chatFormat('  ')).toMatchObject({ kind: 'fallback' });
		expect(chatFormat('{% weird %}', false)).toEqual({
			kind: 'fallback',
			name: 'chatml',
			why: "llama.cpp could not use the file's chat template",
		});
	});

	it('ChatML: each message in its turn, then the assistant turn with the reply prefix', () => {
		expect(
			chatml(
				[
					{ role: 'system', content: 'Be brief.' },
					{ role: 'user', content: 'Write add.' },
				],
				'```python\n',
			),
		).toBe(
			'<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nWrite add.<|im_end|>\n<|im_start|>assistant\n```python\n',
		);
		expect(CHATML_STOP).toContain('<|im_end|>');
	});
});

describe('GGUF catalog', () => {
	it('has the models the issue names, each with size, quantisation, memory, licence and chat/base', () => {
		const ids = GGUF_CATALOG.map((m) => m.id);
		for (const want of [
			/qwen2\.5-coder-0\.5b-instruct-q4_k_m/,
			/qwen2\.5-coder-0\.5b-instruct-q8_0/,
			/qwen2\.5-coder-1\.5b-instruct-q4_k_m/,
			/qwen2\.5-coder-1\.5b-instruct-q8_0/,
			/qwen2\.5-coder-3b-instruct/,
			/qwen3-0\.6b/,
			/qwen3-1\.7b/,
			/deepseek-coder-1\.3b-instruct/,
			/smollm2/,
		])
			expect(
				ids.some((id) => want.test(id)),
				String(want),
			).toBe(true);
		expect(GGUF_CATALOG.some((m) => !m.chat)).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
		for (const m of GGUF_CATALOG) {
			expect(modelUrl(m)).toMatch(
				/^https:\/\/huggingface\.co\/[\w.-]+\/[\w.-]+\/resolve\/main\/[\w.-]+\.gguf$/,
			);
			expect(m.sizeMB * 1e6, `${m.id} fits one buffer`).toBeLessThan(MAX_FILE_BYTES);
			expect(m.memoryMB).toBeGreaterThan(m.sizeMB);
			expect(m.license).not.toBe('');
			expect(m.label).toContain(m.quant);
		}
	});
});

describe('engine choice', () => {
	const facts = { webllmOk: false, webllmWhy: 'no GPU adapter', crossOriginIsolated: true, cores: 8 };

	it('web-llm where WebGPU passes its checks, wllama otherwise, and the user can override', () => {
		expect(chooseEngine({ ...facts, webllmOk: true }).engine).toBe('webllm');
		const cpu = chooseEngine(facts);
		expect(cpu).toMatchObject({ engine: 'wllama', threads: 4 });
		expect(cpu.why).toBe(
			'No usable WebGPU here (no GPU adapter): wllama runs the model with llama.cpp on the CPU, 4 threads.',
		);
		expect(chooseEngine({ ...facts, webllmOk: true }, 'wllama').engine).toBe('wllama');
		expect(chooseEngine(facts, 'webllm')).toMatchObject({ engine: 'webllm' });
		expect(chooseEngine(facts, 'webllm').why).toMatch(
			/checks failed here \(no GPU adapter\): loading may fail/,
		);
	});

	it('one thread without cross-origin isolation; at most 4, leaving a core for the page', () => {
		expect(wllamaThreads({ crossOriginIsolated: false, cores: 16 })).toBe(1);
		expect(wllamaThreads({ crossOriginIsolated: true, cores: 2 })).toBe(1);
		expect(wllamaThreads({ crossOriginIsolated: true, cores: 4 })).toBe(3);
		expect(wllamaThreads({ crossOriginIsolated: true, cores: 16 })).toBe(4);
		expect(chooseEngine({ ...facts, crossOriginIsolated: false }).why).toMatch(
			/not cross-origin isolated, so one thread/,
		);
	});

	it('speed falls with model size and rises with threads; memory warnings before a download', () => {
		expect(estimateTokensPerSecond(400, 1)).toBeGreaterThan(estimateTokensPerSecond(1600, 1));
		expect(estimateTokensPerSecond(400, 4)).toBeGreaterThan(estimateTokensPerSecond(400, 1));
		expect(memoryWarning(600, 8)).toBeUndefined();
		expect(memoryWarning(4000, 8)).toMatch(/more than WebAssembly's 4 GB/);
		expect(memoryWarning(2000, 2)).toMatch(/needs about 2\.0 GB and this device reports 2 GB/);
		expect(memoryWarning(2000)).toBeUndefined();
	});
});

describe('GGUF errors', () => {
	it.each([
		['llama_model_load: error loading model: unknown model architecture: "mamba3"', 'model', /architecture/],
		['gguf_init_from_file: invalid ggml type 99 for tensor blk.0', 'model', /quantisation/],
		['RangeError: Array buffer allocation failed', 'memory', /too big for one browser buffer/],
		['Aborted(). Cannot enlarge memory arrays', 'memory', /ran out of memory/],
		['TypeError: Failed to fetch', 'cors', /could not be fetched/],
		['download failed with status 404', 'network', /download failed/],
		['something unheard of', 'other', /wllama\) failed/],
	])('%s → %s', (text, kind, message) => {
		const e = mapWllamaError(new Error(text));
		expect(e).toBeInstanceOf(GenerationError);
		expect(e.kind).toBe(kind);
		expect(e.message).toMatch(message);
		expect(e.action.length).toBeGreaterThan(10);
	});

	it('a file that is not GGUF keeps its own message', () => {
		const e = mapWllamaError(new GgufError('notes.txt is not a GGUF file'));
		expect(e).toMatchObject({ kind: 'model', message: 'notes.txt is not a GGUF file' });
	});
});

describe('GGUF names', () => {
	it('from a file or URL: the last segment without .gguf or a part suffix; chat models by name', async () => {
		const { ggufName, inPartOrder, namesChatModel } = await import('../../src/lib/generation/gguf/names');
		expect(
			ggufName('https://huggingface.co/Q/R/resolve/main/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf?download=1'),
		).toBe('qwen2.5-coder-0.5b-instruct-q4_k_m');
		expect(ggufName('/models/big-model-00001-of-00003.gguf')).toBe('big-model');
		expect(ggufName('C:\\models\\My%20Model.GGUF')).toBe('My Model');
		expect(ggufName('odd%zz.gguf')).toBe('odd%zz');
		expect(namesChatModel('qwen2.5-coder-1.5b-instruct')).toBe(true);
		expect(namesChatModel('gemma-2b-it')).toBe(true);
		expect(namesChatModel('qwen2.5-coder-1.5b-q8_0')).toBe(false);
		expect(inPartOrder([{ name: 'm-00002-of-00002.gguf' }, { name: 'm-00001-of-00002.gguf' }])[0]!.name).toBe(
			'm-00001-of-00002.gguf',
		);
	});
});
