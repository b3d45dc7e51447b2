// Fetches a runtime's files once per page and compiles its wasm once; every worker (and every
// respawn) gets the same bytes and the same compiled module, so recovery skips the network and
// the compiler.
import { RuntimeLoadError } from '../core/errors';
import type { Assets, Runtime } from './runtime';

const cache = new Map<Runtime, Promise<Assets>>();

export function assetsFor(runtime: Runtime): Promise<Assets> {
	let p = cache.get(runtime);
	if (!p) {
		p = fetchAll(runtime);
		cache.set(runtime, p);
		p.catch(() => cache.delete(runtime));
	}
	return p;
}

async function fetchAll(runtime: Runtime): Promise<Assets> {
	const assets: Assets = { files: {}, modules: {}, urls: {} };
	await Promise.all(
		runtime.assets.map(async (spec) => {
			const url = new URL(spec.url, location.href).href;
			if (spec.script) {
				assets.urls[spec.name] = url;
				return;
			}
			const res = await fetch(url);
			if (!res.ok) {
				throw new RuntimeLoadError(
					`Could not load ${spec.name} for ${runtime.engine} (HTTP ${res.status} from ${url}). ` +
						'Reload the page; if it persists, the site was deployed without its runtime files.',
				);
			}
			if (spec.wasm) assets.modules[spec.name] = await compileWasm(res);
			else assets.files[spec.name] = await res.arrayBuffer();
		}),
	);
	return assets;
}

/** Streaming compilation where the server labels the file application/wasm: the browser then keeps
 * the compiled code with the cached response, and a later visit skips most of the compiling. */
async function compileWasm(res: Response): Promise<WebAssembly.Module> {
	try {
		return await WebAssembly.compileStreaming(res.clone());
	} catch {
		// another content type (some static hosts): compile the bytes
		return WebAssembly.compile(await res.arrayBuffer());
	}
}
