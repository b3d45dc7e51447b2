// Lua sandbox worker: wasmoon (Lua 5.4). A fresh lua_State per sample; a count hook enforces the
// deadline and makes os.exit unwind through any pcall; luaunit.lua reports privately what ran.
import { messageOf } from '../../src/lib/core/errors';
import { LuaFactory, type LuaEngine } from 'wasmoon';
import type { ExecResult } from '../../src/lib/core/result';
import type { Engine, Job } from '../../src/lib/execution/runtime';
import { OutputBuffer } from '../../src/lib/execution/sandbox/output';
import { serveSandbox, type SandboxContext } from '../../src/lib/execution/sandbox/serve';
import luaunit from './luaunit.lua?raw';
import { cacheFunctionWrappers } from './table-functions';
import { luaVerdict, luaunitSides, testsUseLuaUnit, type LuaRun } from './verdict';

const HOOK_COUNT = 1000;
const LUA_MASKCOUNT = 1 << 3;

async function load(ctx: SandboxContext): Promise<Engine> {
	const factory = new LuaFactory('glue.wasm');
	const lua = await factory.getLuaModule();
	cacheFunctionWrappers(lua.module as unknown as Parameters<typeof cacheFunctionWrappers>[0]);
	return {
		version: 'Lua 5.4 (wasmoon)',
		heapBytes: () => lua.module.HEAPU8.buffer.byteLength,
		tainted: () => false,
		run: async (job, deadline) =>
			runOne(await factory.createEngine({ traceAllocations: true, enableProxy: false }), job, deadline, ctx),
	};
}

function runOne(engine: LuaEngine, job: Job, deadline: number, ctx: SandboxContext): ExecResult {
	const started = performance.now();
	const out = new OutputBuffer(job.limits.outputBytes);
	const run: LuaRun = { usesLuaUnit: testsUseLuaUnit(job.program, job.testsLine) };
	const g = engine.global;
	const lua = g.lua;
	ctx.sink.out = (s) => out.write('stdout', s + '\n');
	ctx.sink.err = (s) => out.write('stderr', s + '\n');
	// Raise an error from the hook while a stop is pending: pcall cannot swallow it for long.
	// Called every HOOK_COUNT VM instructions: the calls count the work done (efficiency).
	let work = 0;
	const hook = lua.module.addFunction((L: number) => {
		work++;
		if (!run.stop && performance.now() > deadline) run.stop = 'timeout';
		if (run.stop) {
			lua.lua_pushstring(L, `benchtop: ${run.stop}`);
			lua.lua_error(L);
		}
	}, 'vii');
	try {
		g.setMemoryMax(job.limits.memoryBytes);
		g.set('__bt_exit', (code: unknown) => {
			if (run.stop !== 'exit') {
				run.exitCode = code === undefined || code === true ? 0 : code === false ? 1 : Number(code) | 0;
				run.exitBeforeReport = !run.report;
			}
			run.stop ??= 'exit';
			throw new Error('benchtop: exit');
		});
		g.set(
			'__bt_report',
			(tests: number, failures: number, errors: number, assertions: number, intact: boolean) => {
				run.report = { tests, failures, errors, assertions, intact };
			},
		);
		g.loadString(`package.preload['luaunit'] = function() return load(${JSON.stringify(luaunit)}, '@luaunit.lua')() end
			local exit = __bt_exit
			__bt_exit = nil
			require('luaunit')
			os.exit = function(code) exit(code) end
			-- What reaches into other functions' upvalues and locals (LuaUnit's counters, its private
			-- reporter, the frame of LuaUnit.run) or the registry goes; tracebacks and getinfo stay.
			debug = { traceback = debug.traceback, getinfo = debug.getinfo }
			package.loaded.debug = debug`);
		g.runSync();
		lua.lua_sethook(g.address, hook, LUA_MASKCOUNT, HOOK_COUNT);
		try {
			g.loadString(job.program, '@program.lua');
		} catch (e) {
			run.syntax = messageOf(e);
		}
		if (!run.syntax) {
			try {
				g.runSync();
			} catch (e) {
				run.error = messageOf(e);
			}
		}
		(lua.module as unknown as { _fflush?: (fd: number) => void })._fflush?.(0);
	} finally {
		lua.lua_sethook(g.address, null, 0, 0);
		lua.module.removeFunction(hook);
		g.close();
		ctx.sink.out = ctx.sink.err = () => {};
	}
	const verdict = luaVerdict(run);
	const output = out.result();
	const sides = verdict.kind === 'assertion' ? luaunitSides(output.stdout) : undefined;
	return {
		...verdict,
		...(sides && { assertion: sides }),
		...output,
		durationMs: performance.now() - started,
		work,
	};
}

serveSandbox(load);
