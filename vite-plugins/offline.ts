// The precache list for the service worker (src/sw.ts): every file of the build the app, the embed
// page and the runtimes need, with a content hash where the name has none. web-llm (12 MB of
// JavaScript), the Node runtime's helpers and ReCode's sets are left to be cached on first use.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Names chunks after the heavy package inside them, so the worker can tell them apart. */
export function chunkName(c: { name: string; moduleIds: readonly string[] }): string {
	if (c.moduleIds.some((id) => id.includes('/@mlc-ai/web-llm/'))) return 'webllm';
	if (c.moduleIds.some((id) => id.includes('/@wllama/'))) return 'wllama';
	if (c.moduleIds.some((id) => id.includes('/@webcontainer/') || id.includes('/sucrase/'))) return 'node';
	return c.name;
}

const PRECACHED = /\.(html|js|mjs|css|json|wasm|zip|png|svg)$/;
// ReCode's 31 sets (6.4 MB) are a robustness run's: cached when one is run.
const ON_USE = /^assets\/(webllm|wllama|node|driver)-|^driver\.html$|^sw\.js$|^benchmarks\/recode\//;

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
	);
}

export function precacheManifest(outDir: string): { url: string; revision: string | null }[] {
	return files(outDir)
		.map((f) => relative(outDir, f).split('\\').join('/'))
		.filter((url) => PRECACHED.test(url) && !ON_USE.test(url))
		.sort()
		.map((url) => ({
			url,
			// Files under assets/ carry a content hash in their name already.
			revision: url.startsWith('assets/')
				? null
				: createHash('sha256')
						.update(readFileSync(join(outDir, url)))
						.digest('hex')
						.slice(0, 16),
		}));
}
