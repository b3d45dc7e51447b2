// web-llm's parts that need no GPU: the curated catalog from web-llm's real prebuilt list, the
// capability verdicts, error mapping and progress parsing.
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { assess, WEBLLM_MIN_LIMITS, type GpuFacts } from '../../src/lib/generation/webllm/capability';
import { buildCatalog } from '../../src/lib/generation/webllm/catalog';
import { mapWebLlmError } from '../../src/lib/generation/webllm/errors';
import { parseProgress } from '../../src/lib/generation/webllm/progress';

const catalog = buildCatalog(prebuiltAppConfig.model_list);
const qwen = catalog.find((m) => m.family === 'Qwen2.5-Coder-0.5B-Instruct')!;
const gpu = (over: Partial<NonNullable<GpuFacts['adapter']>> = {}): GpuFacts => ({
	secureContext: true,
	hasWebGpu: true,
	adapter: {
		isFallbackAdapter: false,
		features: ['shader-f16'],
		limits: { ...WEBLLM_MIN_LIMITS },
		description: 'test',
		...over,
	},
	storage: { quota: 10 * 2 ** 30, usage: 0 },
});

describe('model catalog', () => {
	it('has the curated code models from web-llm, each with both quantizations and its VRAM need', () => {
		expect(catalog.map((m) => m.family)).toEqual(
			expect.arrayContaining([
				'Qwen2.5-Coder-0.5B-Instruct',
				'Qwen2.5-Coder-7B-Instruct',
				'Qwen3-0.6B',
				'Llama-3.2-1B-Instruct',
				'SmolLM2-360M-Instruct',
				'Phi-3.5-mini-instruct',
			]),
		);
		expect(qwen.variants.q4f32_1).toMatchObject({
			id: 'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC',
			vramMB: 1060,
		});
		expect(qwen.variants.q4f16_1?.id).toBe('Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC');
		expect(catalog.filter((m) => !m.chat).map((m) => m.family)).toEqual(['phi-2']);
	});
});

describe('capability check', () => {
	it('a good GPU: ok, f16 variant', () => {
		expect(assess(gpu(), qwen)).toEqual({ ok: true, findings: [], quant: 'q4f16_1' });
	});
	it('not a secure context', () => {
		const a = assess({ ...gpu(), secureContext: false });
		expect(a.ok).toBe(false);
		expect(a.findings[0]!.action).toMatch(/https|localhost/);
	});
	it('no WebGPU at all, and no adapter (headless Chromium) — both offer the endpoint', () => {
		expect(assess({ ...gpu(), hasWebGpu: false }).findings[0]!.action).toMatch(/endpoint/i);
		const a = assess({ ...gpu(), adapter: null });
		expect(a.ok).toBe(false);
		expect(a.findings[0]!.message).toMatch(/No GPU adapter/);
		expect(a.findings[0]!.action).toMatch(/endpoint/i);
	});
	it('no shader-f16: q4f32_1 is chosen, with a note', () => {
		const a = assess(gpu({ features: [] }), qwen);
		expect(a).toMatchObject({ ok: true, quant: 'q4f32_1' });
		expect(a.findings[0]!.message).toMatch(/shader-f16/);
	});
	it('a software adapter works but is flagged as very slow', () => {
		const a = assess(gpu({ isFallbackAdapter: true, features: [] }), qwen);
		expect(a.ok).toBe(true);
		expect(a.findings.map((f) => f.message).join(' ')).toMatch(/software renderer.*very slowly/);
	});
	it("limits below web-llm's minimum are errors before any download", () => {
		const a = assess(gpu({ limits: { ...WEBLLM_MIN_LIMITS, maxStorageBuffersPerShaderStage: 8 } }), qwen);
		expect(a.ok).toBe(false);
		expect(a.findings[0]!.message).toMatch(/maxStorageBuffersPerShaderStage is 8; web-llm needs at least 10/);
	});
	it('not enough storage for the download', () => {
		const a = assess({ ...gpu(), storage: { quota: 200 * 2 ** 20, usage: 150 * 2 ** 20 } }, qwen);
		expect(a.ok).toBe(false);
		expect(a.findings[0]!.message).toMatch(/needs ≈ \d+ MB but the browser allows only 50 MB/);
	});
});

describe('web-llm errors and progress', () => {
	it.each([
		[
			'The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM).',
			'memory',
		],
		['QuotaExceededError: The quota has been exceeded.', 'quota'],
		[
			'Prompt tokens exceed context window size: number of prompt tokens: 5000; context window size: 4096',
			'context',
		],
		['This model requires WebGPU extension shader-f16, which is not enabled in this browser.', 'gpu'],
		['TypeError: Failed to fetch', 'network'],
		["TypeError: Failed to execute 'add' on 'Cache': Request failed", 'network'],
		['SyntaxError: Unexpected token \'<\', "<!doctype "... is not valid JSON', 'network'],
		['Cannot fetch http://127.0.0.1/models/x/resolve/main/mlc-chat-config.json, status 404', 'network'],
		['something odd', 'other'],
	])('%s → %s', (message, kind) => {
		const e = mapWebLlmError(new Error(message));
		expect(e.kind).toBe(kind);
		expect(e.action.length).toBeGreaterThan(10);
	});
	it('progress: phase, percent, MB and ETA', () => {
		expect(
			parseProgress({
				progress: 0.25,
				timeElapsed: 10,
				text: 'Fetching param cache[3/24]: 120MB fetched. 25% completed, 10 secs elapsed.',
			}),
		).toEqual({
			phase: 'download',
			percent: 25,
			mb: 120,
			etaSeconds: 30,
			text: 'Fetching param cache[3/24]: 120MB fetched. 25% completed, 10 secs elapsed.',
		});
		expect(
			parseProgress({ progress: 1, timeElapsed: 40, text: 'Finish loading on WebGPU - swiftshader' }).phase,
		).toBe('ready');
	});
});
