// While a runtime loads, its own loader fetches files by URL. The main thread has already fetched
// them (and compiled the wasm once), so here `fetch` answers from those bytes and nothing leaves
// the worker — its CSP can then forbid every connection. Closed for good before guest code runs.
import type { Assets } from '../runtime';

const CONTENT_TYPES: Record<string, string> = {
	wasm: 'application/wasm',
	json: 'application/json',
	zip: 'application/zip',
};

const baseName = (url: string) => new URL(url, 'file:///').pathname.split('/').pop() ?? '';

export function installAssetShim(assets: Assets): () => void {
	let open = true;
	const responses = new WeakMap<Response, WebAssembly.Module>();
	const g = globalThis as unknown as Record<string, unknown>;
	const realInstantiate = WebAssembly.instantiateStreaming?.bind(WebAssembly);
	const realCompile = WebAssembly.compileStreaming?.bind(WebAssembly);

	g.fetch = async (input: RequestInfo | URL): Promise<Response> => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		const name = baseName(url);
		if (!open) throw new TypeError('network access is disabled in the sandbox');
		const module = assets.modules[name];
		const bytes = assets.files[name];
		if (!module && !bytes) throw new TypeError(`sandbox asset not provided: ${name}`);
		const type = CONTENT_TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
		const res = new Response(bytes ? bytes.slice(0) : new ArrayBuffer(0), {
			headers: { 'Content-Type': type },
		});
		if (module) responses.set(res, module);
		return res;
	};

	// Engines call instantiateStreaming(fetch(url), imports): hand them the precompiled module.
	const precompiled = async (source: Response | PromiseLike<Response>) => responses.get(await source);
	WebAssembly.instantiateStreaming = async (source, imports) => {
		const module = await precompiled(source);
		if (module) return { module, instance: await WebAssembly.instantiate(module, imports) };
		return realInstantiate(source, imports);
	};
	WebAssembly.compileStreaming = async (source) => (await precompiled(source)) ?? realCompile(source);

	return () => {
		open = false;
		if (realInstantiate) WebAssembly.instantiateStreaming = realInstantiate;
		if (realCompile) WebAssembly.compileStreaming = realCompile;
	};
}
