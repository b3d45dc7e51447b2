// The service worker's precache list: what the app, the embed page and the runtimes need; web-llm,
// the Node helpers and the test driver page left for later; content hashes where names have none.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precacheManifest } from '../../vite-plugins/offline';

describe('precache manifest', () => {
	it('lists the app and runtimes, not what loads on use', () => {
		const dist = mkdtempSync(join(tmpdir(), 'benchtop-dist-'));
		mkdirSync(join(dist, 'assets'));
		mkdirSync(join(dist, 'embed'));
		const put = (path: string, text = path) => writeFileSync(join(dist, path), text);
		for (const f of [
			'index.html',
			'driver.html',
			'sw.js',
			'benchtop-eval.js',
			'embed/index.html',
			'assets/main-abc.js',
			'assets/pyodide.asm-abc.mjs',
			'assets/pyodide.asm-abc.wasm',
			'assets/python_stdlib-abc.zip',
			'assets/webllm-abc.js',
			'assets/wllama-abc.js',
			'assets/wllama-def.wasm',
			'assets/node-abc.js',
			'assets/driver-abc.js',
			'assets/notes.txt',
		])
			put(f);
		const m = precacheManifest(dist);
		expect(m.map((e) => e.url)).toEqual([
			'assets/main-abc.js',
			'assets/pyodide.asm-abc.mjs',
			'assets/pyodide.asm-abc.wasm',
			'assets/python_stdlib-abc.zip',
			'benchtop-eval.js',
			'embed/index.html',
			'index.html',
		]);
		expect(m.find((e) => e.url === 'assets/main-abc.js')!.revision).toBeNull();
		const rev = m.find((e) => e.url === 'index.html')!.revision;
		expect(rev).toMatch(/^[0-9a-f]{16}$/);
		put('index.html', 'changed');
		expect(precacheManifest(dist).find((e) => e.url === 'index.html')!.revision).not.toBe(rev);
	});
});
