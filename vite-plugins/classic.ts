// Scripts that must be classic scripts at fixed names beside the app, built after the app itself:
// the <benchtop-eval> custom element (a blog includes it with a plain <script src>, which unlike a
// module script needs no CORS headers from the host) and the service worker, whose precache list
// is the finished build's file list.
import { resolve } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { precacheManifest } from './offline.ts';

function classic(config: ResolvedConfig, entry: string, fileName: string, define?: Record<string, string>) {
	return build({
		configFile: false,
		logLevel: 'warn',
		define,
		build: {
			outDir: resolve(config.root, config.build.outDir),
			emptyOutDir: false,
			target: 'es2020',
			lib: {
				entry: resolve(config.root, entry),
				formats: ['iife'],
				name: 'Benchtop',
				fileName: () => fileName,
			},
		},
	});
}

export function classicScripts(o: { element: string; serviceWorker: string }): Plugin {
	let config: ResolvedConfig;
	return {
		name: 'benchtop:classic-scripts',
		apply: 'build',
		configResolved: (c) => void (config = c),
		async closeBundle() {
			await classic(config, o.element, 'benchtop-eval.js');
			const manifest = precacheManifest(resolve(config.root, config.build.outDir));
			await classic(config, o.serviceWorker, 'sw.js', {
				'self.__WB_MANIFEST': JSON.stringify(manifest),
				// Workbox's production build: no development logging.
				'process.env.NODE_ENV': JSON.stringify('production'),
			});
		},
	};
}
