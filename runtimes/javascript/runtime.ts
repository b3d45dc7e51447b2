// JavaScript on QuickJS (quickjs-emscripten's small, fast sync release build): the main-thread half.
import type { Runtime } from '../../src/lib/execution/runtime';
import wasmUrl from '@jitl/quickjs-wasmfile-release-sync/wasm?url';
import { version } from '@jitl/quickjs-wasmfile-release-sync/package.json';

export const javascript: Runtime = {
	language: 'javascript',
	engine: `QuickJS (quickjs-emscripten ${version})`,
	assets: [{ name: 'emscripten-module.wasm', url: wasmUrl, wasm: true }],
	spawn: () =>
		new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'benchtop-javascript' }),
};
