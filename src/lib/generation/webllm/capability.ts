// Before any download: can this browser run a web-llm model, and which variant? Plain words for each
// problem and what to do. `assess` is pure (facts in, verdict out); `probe` gathers the facts.
import { estimatedDownloadMB, type CatalogModel, type Quant } from './catalog';

export interface GpuFacts {
	secureContext: boolean;
	hasWebGpu: boolean;
	adapter: null | {
		isFallbackAdapter: boolean;
		features: string[];
		limits: Record<string, number>;
		description: string;
	};
	/** navigator.storage.estimate(), when available. */
	storage?: { quota: number; usage: number };
}

export interface Finding {
	level: 'error' | 'warning';
	message: string;
	action: string;
}

export interface Assessment {
	ok: boolean;
	findings: Finding[];
	/** The quantization to load: q4f32_1 when shader-f16 is missing. */
	quant: Quant;
}

/** web-llm's own minimums (detectGPUDevice), checked before downloading instead of after. */
export const WEBLLM_MIN_LIMITS: Record<string, number> = {
	maxBufferSize: 256 * 2 ** 20,
	maxStorageBufferBindingSize: 128 * 2 ** 20,
	maxComputeWorkgroupStorageSize: 32 * 2 ** 10,
	maxStorageBuffersPerShaderStage: 10,
};

const USE_ENDPOINT =
	'Use an OpenAI-compatible endpoint (e.g. Ollama on this computer) or the reference solutions instead.';

export function assess(facts: GpuFacts, model?: CatalogModel): Assessment {
	const findings: Finding[] = [];
	const error = (message: string, action: string) => findings.push({ level: 'error', message, action });
	const warn = (message: string, action: string) => findings.push({ level: 'warning', message, action });
	let quant: Quant = 'q4f16_1';
	if (!facts.secureContext)
		error(
			'This page is not a secure context, so the browser hides WebGPU.',
			'Open it over https:// or from localhost.',
		);
	else if (!facts.hasWebGpu)
		error(
			'This browser has no WebGPU.',
			`Use a recent Chrome, Edge or Safari 26+, or ${USE_ENDPOINT[0]!.toLowerCase()}${USE_ENDPOINT.slice(1)}`,
		);
	else if (!facts.adapter)
		error(
			'No GPU adapter: WebGPU is present but the browser offers no GPU (no GPU, a blocked driver, or headless mode).',
			`Check chrome://gpu, update the GPU driver, or ${USE_ENDPOINT[0]!.toLowerCase()}${USE_ENDPOINT.slice(1)}`,
		);
	const a = facts.adapter;
	if (a) {
		for (const [name, min] of Object.entries(WEBLLM_MIN_LIMITS)) {
			const have = a.limits[name] ?? 0;
			if (have < min) error(`The GPU's ${name} is ${have}; web-llm needs at least ${min}.`, USE_ENDPOINT);
		}
		if (!a.features.includes('shader-f16')) {
			quant = 'q4f32_1';
			warn(
				'The GPU lacks shader-f16: the q4f32_1 variant is used (larger, a little slower).',
				'Nothing to do; it is chosen for you.',
			);
		}
		if (a.isFallbackAdapter)
			warn(
				'The only adapter is a software renderer (no real GPU): a model will run very slowly.',
				`For real runs, ${USE_ENDPOINT[0]!.toLowerCase()}${USE_ENDPOINT.slice(1)}`,
			);
	}
	if (model && facts.storage) {
		const need = estimatedDownloadMB(model.params) * 2 ** 20;
		const free = facts.storage.quota - facts.storage.usage;
		if (free < need)
			error(
				`The model needs ≈ ${Math.round(need / 2 ** 20)} MB but the browser allows only ${Math.round(free / 2 ** 20)} MB more storage.`,
				'Delete cached models or old runs, pick a smaller model, or free disk space.',
			);
	}
	if (model && !model.variants[quant]) error(`${model.label} has no ${quant} build.`, 'Pick another model.');
	return { ok: !findings.some((f) => f.level === 'error'), findings, quant };
}

// The slice of the WebGPU API used here (lib.dom does not type navigator.gpu yet).
interface Adapter {
	features: Iterable<string>;
	limits: object;
	isFallbackAdapter?: boolean;
	info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
}
interface Gpu {
	requestAdapter(o?: { powerPreference?: string }): Promise<Adapter | null>;
}

/** Gathers the facts in this browser (main thread or worker). */
export async function probe(): Promise<GpuFacts> {
	const nav = globalThis.navigator as Navigator & { gpu?: Gpu };
	const facts: GpuFacts = {
		secureContext: globalThis.isSecureContext === true,
		hasWebGpu: !!nav?.gpu,
		adapter: null,
	};
	if (nav?.storage?.estimate) {
		const e = await nav.storage.estimate().catch(() => undefined);
		if (e?.quota !== undefined) facts.storage = { quota: e.quota, usage: e.usage ?? 0 };
	}
	if (!nav?.gpu) return facts;
	const adapter = await nav.gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null);
	if (!adapter) return facts;
	const limits: Record<string, number> = {};
	for (const name of Object.keys(WEBLLM_MIN_LIMITS))
		limits[name] = Number((adapter.limits as Record<string, number>)[name] ?? 0);
	const info = adapter.info;
	facts.adapter = {
		// Chromium reports a software adapter through info.isFallbackAdapter (newer) or the adapter.
		isFallbackAdapter:
			adapter.isFallbackAdapter === true ||
			info?.isFallbackAdapter === true ||
			/swiftshader/i.test(`${info?.vendor} ${info?.architecture} ${info?.description}`),
		features: [...adapter.features],
		limits,
		description:
			[info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ') || 'unknown GPU',
	};
	return facts;
}
