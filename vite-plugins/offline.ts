// The service worker: after the first visit the app, the embed page and the three runtimes work
// with no network. web-llm (12 MB of JavaScript) and the Node runtime's helpers are cached the first
// time they are used instead of on every first visit; web-llm keeps model weights in its own cache.
import type { VitePWAOptions } from 'vite-plugin-pwa';

/** Names chunks after the heavy package inside them, so the worker can tell them apart. */
export function chunkName(c: { name: string; moduleIds: readonly string[] }): string {
	if (c.moduleIds.some((id) => id.includes('/@mlc-ai/web-llm/'))) return 'webllm';
	if (c.moduleIds.some((id) => id.includes('/@webcontainer/') || id.includes('/sucrase/'))) return 'node';
	return c.name;
}

const ON_USE = ['**/webllm-*', '**/node-*', 'harness.html', 'assets/harness-*'];

export const OFFLINE: Partial<VitePWAOptions> = {
	// Registered by the pages themselves (src/lib/ui/offline.ts), not the harness the tests drive.
	injectRegister: false,
	manifest: false,
	workbox: {
		globPatterns: ['**/*.{html,js,mjs,css,json,wasm,zip,png,svg}'],
		globIgnores: ON_USE,
		// Pyodide's wasm is 9.6 MB.
		maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
		// embed/?benchmark=… is the precached embed/index.html whatever its parameters.
		ignoreURLParametersMatching: [/.*/],
		cleanupOutdatedCaches: true,
		clientsClaim: true,
		skipWaiting: true,
		runtimeCaching: [
			{
				// Hashed names never change content: the cache is always right.
				urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/assets\/(webllm|node)-/.test(url.pathname),
				handler: 'CacheFirst',
				options: { cacheName: 'benchtop-on-use' },
			},
		],
	},
};
