import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { SANDBOX_PREFIX, sandboxHeaders } from './vite-plugins/headers.ts';

export default defineConfig({
	// Relative base: the built site works under any path on any static host.
	base: './',
	plugins: [svelte(), sandboxHeaders()],
	resolve: { alias: { $lib: new URL('./src/lib', import.meta.url).pathname } },
	worker: {
		format: 'es',
		rollupOptions: { output: { entryFileNames: `assets/${SANDBOX_PREFIX}[name]-[hash].js` } },
	},
	// Engines ship their own wasm loaders; pre-bundling them breaks their asset lookups.
	optimizeDeps: {
		exclude: ['pyodide', 'wasmoon', 'quickjs-emscripten-core', '@jitl/quickjs-wasmfile-release-sync'],
	},
	build: {
		target: 'es2022',
		rollupOptions: { input: { main: 'index.html', harness: 'harness.html' } },
	},
	server: { host: '127.0.0.1' },
	preview: { host: '127.0.0.1' },
});
