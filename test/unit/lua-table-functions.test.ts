// runtimes/lua/table-functions.ts: wasmoon's per-state JavaScript functions go into the wasm table
// without a module compiled per function (in Chromium each compile also costs the browser process).
import { LuaFactory } from 'wasmoon';
import { describe, expect, it, vi } from 'vitest';
import { cacheFunctionWrappers } from '../../runtimes/lua/table-functions';

/** Ten fresh states, each running a chunk that calls back into JavaScript; modules compiled meanwhile. */
async function tenStates(cache: boolean) {
	const factory = new LuaFactory();
	const lua = await factory.getLuaModule();
	if (cache) cacheFunctionWrappers(lua.module as unknown as Parameters<typeof cacheFunctionWrappers>[0]);
	const compiled = vi.spyOn(WebAssembly, 'Module');
	const seen: number[] = [];
	for (let i = 0; i < 10; i++) {
		const engine = await factory.createEngine({ traceAllocations: true, enableProxy: false });
		engine.global.set('report', (x: number) => seen.push(x));
		engine.global.loadString(`report(${i} * 2)`);
		engine.global.runSync();
		engine.global.close();
	}
	const compiles = compiled.mock.calls.length;
	compiled.mockRestore();
	return { seen, compiles };
}

describe('Lua: table functions', () => {
	it('compiles each signature once, and the functions still call back', async () => {
		const plain = await tenStates(false);
		const cached = await tenStates(true);
		expect(cached.seen).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
		expect(plain.seen).toEqual(cached.seen);
		// wasmoon compiles several per state without the cache; with it, one per signature in all.
		expect(plain.compiles).toBeGreaterThanOrEqual(30);
		expect(cached.compiles).toBeLessThanOrEqual(4);
	});
});
