// Lua 5.4 on wasmoon: the main-thread half. The wasm comes from the npm package, never a CDN.
import type { Runtime } from '../../src/lib/execution/runtime';
import wasmUrl from 'wasmoon/dist/glue.wasm?url';
import { version } from 'wasmoon/package.json';

export const lua: Runtime = {
	language: 'lua',
	engine: `Lua 5.4 (wasmoon ${version})`,
	assets: [{ name: 'glue.wasm', url: wasmUrl, wasm: true }],
	spawn: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'benchtop-lua' }),
};
