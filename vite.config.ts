import { svelte } from '@sveltejs/vite-plugin-svelte';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';
import { classicScripts } from './vite-plugins/classic.ts';
import { guestSource } from './vite-plugins/guest-source.ts';
import { SANDBOX_PREFIX, sandboxHeaders } from './vite-plugins/headers.ts';
import { chunkName } from './vite-plugins/offline.ts';

export default defineConfig({
	// Relative base: the built site works under any path on any static host.
	base: './',
	plugins: [
		svelte(),
		tailwindcss(),
		guestSource(),
		sandboxHeaders(),
		// The custom element and the service worker (offline use), built after the app.
		classicScripts({ element: 'src/embed/element.ts', serviceWorker: 'src/sw.ts' }),
	],
	resolve: { alias: { $lib: new URL('./src/lib', import.meta.url).pathname } },
	worker: {
		format: 'es',
		plugins: () => [guestSource()],
		rollupOptions: {
			output: {
				// Only the sandbox workers get the sandbox prefix (and with it their strict CSP);
				// web-llm's worker must reach the network to download a model.
				entryFileNames: (c) =>
					c.facadeModuleId?.includes('/runtimes/')
						? `assets/${SANDBOX_PREFIX}[name]-[hash].js`
						: `assets/${chunkName(c)}-[hash].js`,
				chunkFileNames: (c) => `assets/${chunkName(c)}-[hash].js`,
			},
		},
	},
	// Engines ship their own wasm loaders; pre-bundling them breaks their asset lookups.
	optimizeDeps: {
		exclude: ['pyodide', 'wasmoon', 'quickjs-emscripten-core', '@jitl/quickjs-wasmfile-release-sync'],
	},
	build: {
		target: 'es2022',
		rollupOptions: {
			input: { main: 'index.html', embed: 'embed/index.html', driver: 'driver.html' },
			output: { chunkFileNames: (c) => `assets/${chunkName(c)}-[hash].js` },
		},
	},
	server: { host: '127.0.0.1' },
	preview: { host: '127.0.0.1' },
});
