// Builds the <benchtop-eval> custom element as one classic script at a fixed name beside the app
// (dist/benchtop-eval.js): a blog includes it with a plain <script src>, which, unlike a module
// script, needs no CORS headers from the host serving Benchtop.
import { resolve } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';

export function customElement(entry: string, fileName: string): Plugin {
	let config: ResolvedConfig;
	return {
		name: 'benchtop:custom-element',
		apply: 'build',
		configResolved: (c) => void (config = c),
		async closeBundle() {
			await build({
				configFile: false,
				logLevel: 'warn',
				build: {
					outDir: resolve(config.root, config.build.outDir),
					emptyOutDir: false,
					target: 'es2020',
					lib: {
						entry: resolve(config.root, entry),
						formats: ['iife'],
						name: 'BenchtopEval',
						fileName: () => fileName,
					},
				},
			});
		},
	};
}
