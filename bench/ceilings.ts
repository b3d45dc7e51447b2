// The bare ceilings of the JavaScript and Lua runtimes, measured in Node on one core as the Python one
// is (bench/isolation.ts): the same engine running the same programs in a loop with nothing of
// Benchtop's around it — a fresh QuickJS runtime and context, or a fresh wasmoon lua_State, per
// program (what "fresh globals" means for these engines), with the least each program needs to run:
// for JavaScript a require('node:assert') whose deepEqual compares JSON, for Lua LuaUnit preloaded
// and os.exit ending the chunk. No time or memory limit, no hook, no output kept, no worker, no page.
import { readFileSync } from 'node:fs';
import RELEASE_SYNC from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import { LuaFactory } from 'wasmoon';

const ROOT = new URL('..', import.meta.url).pathname;

const BARE_JS_REQUIRE = `globalThis.require = () => ({
	deepEqual(a, b) { if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('not equal'); },
	equal(a, b) { if (a != b) throw new Error('not equal'); },
});`;

/** Programs a second through QuickJS, bare, on one core (the median of three passes). */
export async function jsBareRate(programs: string[]): Promise<number> {
	const qjs = await newQuickJSWASMModuleFromVariant(RELEASE_SYNC);
	const one = (program: string) => {
		const rt = qjs.newRuntime();
		const vm = rt.newContext();
		for (const code of [BARE_JS_REQUIRE, program]) {
			const r = vm.evalCode(code, 'program.js');
			(r.error ?? r.value).dispose();
		}
		vm.dispose();
		rt.dispose();
	};
	return medianRate(programs, one);
}

/** Programs a second through wasmoon's Lua 5.4, bare, on one core (the median of three passes). */
export async function luaBareRate(programs: string[]): Promise<number> {
	const luaunit = readFileSync(`${ROOT}runtimes/lua/luaunit.lua`, 'utf8');
	const factory = new LuaFactory();
	await factory.getLuaModule();
	const one = async (program: string) => {
		const engine = await factory.createEngine({ enableProxy: false });
		const g = engine.global;
		try {
			g.loadString(`package.preload['luaunit'] = function() return load(${JSON.stringify(luaunit)}, '@luaunit.lua')() end
				print = function() end
				io.write = function() end
				os.exit = function() error('exit', 0) end`);
			g.runSync();
			g.loadString(program, '@program.lua');
			g.runSync();
		} catch {
			// os.exit lands here, as a failing program would
		} finally {
			g.close();
		}
	};
	return medianRate(programs, one);
}

async function medianRate(programs: string[], one: (p: string) => unknown): Promise<number> {
	const rates: number[] = [];
	for (let pass = 0; pass < 3; pass++) {
		const t = performance.now();
		for (const p of programs) await one(p);
		rates.push(programs.length / ((performance.now() - t) / 1000));
	}
	return rates.sort((a, b) => a - b)[1]!;
}
