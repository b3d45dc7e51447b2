// JavaScript sandbox worker: a fresh QuickJS runtime and context per sample (nothing survives), with
// an interrupt deadline, memory and stack limits. The program runs inside Node's CommonJS wrapper
// with prelude.js providing require('node:assert'), console and process, so verdicts match `node`.
import RELEASE_SYNC from '@jitl/quickjs-wasmfile-release-sync';
import {
	newQuickJSWASMModuleFromVariant,
	newVariant,
	Scope,
	type QuickJSContext,
	type QuickJSHandle,
	type QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import {
	assertionSides,
	failure,
	type ExecResult,
	type ExecVerdict,
	type FailureKind,
	type ShownSides,
} from '../../src/lib/core/result';
import type { Engine, Job } from '../../src/lib/execution/runtime';
import { serveSandbox, type SandboxContext } from '../../src/lib/execution/sandbox/serve';
import { OutputBuffer } from '../../src/lib/execution/sandbox/output';
import { classifyJsError, lineIn, testsRequireAssert } from './verdict';
import { intlCall } from './intl';
import prelude from './prelude.js?guest';
import nodeShims from './node-shims.js?guest';
import type * as TypeScript from './typescript';

const FILE = 'program.js';

async function load(ctx: SandboxContext): Promise<Engine> {
	const wasmModule = ctx.assets.modules['emscripten-module.wasm'];
	const variant = newVariant(RELEASE_SYNC, { wasmModule });
	const qjs = await newQuickJSWASMModuleFromVariant(variant);
	const state = { tainted: false };
	return {
		version: 'QuickJS (quickjs-emscripten)',
		heapBytes: () => 0,
		tainted: () => state.tainted,
		run: (job, deadline) =>
			job.dialect === 'typescript'
				? runTypeScript(qjs, job, state)
				: runOne(qjs, job, deadline, state, testsRequireAssert(job)),
	};
}

let compiler: Promise<typeof TypeScript> | undefined;

/** tsc first, as MultiPL-E does (its own time, Job.compileMs); the emitted JavaScript then gets the
 * sample's whole time limit. Its error lines are the emitted file's, so none is reported. */
async function runTypeScript(qjs: QuickJSWASMModule, job: Job, state: { tainted: boolean }) {
	const started = performance.now();
	const compiled = (await (compiler ??= import('./typescript'))).compile(job.program);
	const took = { durationMs: performance.now() - started };
	if ('unavailable' in compiled) return failure('runtime-unavailable', compiled.unavailable, took);
	if ('error' in compiled) {
		const { message, line } = compiled.error;
		return failure('syntax', message, {
			...took,
			errorType: 'SyntaxError',
			...(line !== undefined && { line }),
		});
	}
	const ran = runOne(
		qjs,
		{ ...job, program: compiled.js },
		performance.now() + job.limits.timeMs,
		state,
		testsRequireAssert(job),
	);
	delete ran.line;
	return ran;
}

function runOne(
	qjs: QuickJSWASMModule,
	job: Job,
	deadline: number,
	state: { tainted: boolean },
	requireAssert: boolean,
): ExecResult {
	const started = performance.now();
	const out = new OutputBuffer(job.limits.outputBytes);
	let exitCode: number | undefined;
	let stop: FailureKind | undefined;
	// Every handle, the context and the runtime are disposed together, newest first, however the
	// sample ends.
	const scope = new Scope();
	const keep = scope.manage;
	const rt = keep(qjs.newRuntime());
	rt.setMemoryLimit(job.limits.memoryBytes);
	rt.setMaxStackSize(job.limits.stackBytes);
	// QuickJS asks after a fixed count of its own steps: the calls count the work done (efficiency).
	let work = 0;
	rt.setInterruptHandler(() => {
		work++;
		if (stop) return true;
		if (performance.now() > deadline) stop = 'timeout';
		return stop !== undefined;
	});
	const vm = keep(rt.newContext());
	const done = (r: ExecVerdict): ExecResult => ({
		...r,
		...out.result(),
		...(exitCode !== undefined && { exitCode }),
		durationMs: performance.now() - started,
		work,
	});
	try {
		const host = keep(vm.newObject());
		vm.setProp(
			host,
			'write',
			keep(
				vm.newFunction('write', (stream, text) => {
					out.write(vm.getNumber(stream) === 2 ? 'stderr' : 'stdout', vm.getString(text));
				}),
			),
		);
		vm.setProp(
			host,
			'exit',
			keep(
				vm.newFunction('exit', (code) => {
					exitCode = vm.getNumber(code);
					stop = 'early-exit'; // unwinds through any try/catch: the interrupt cannot be caught
				}),
			),
		);
		vm.setProp(
			host,
			'intl',
			keep(
				vm.newFunction('intl', (...args) => {
					const [kind, locales, options] = args.slice(0, 3).map((h) => vm.getString(h));
					const [x, y] = args.slice(3, 5).map((h) => vm.dump(h) as unknown);
					const r = intlCall(kind!, locales!, options!, x, y);
					return typeof r === 'number' ? vm.newNumber(r) : vm.newString(r);
				}),
			),
		);
		vm.setProp(host, 'nodeSource', keep(vm.newString(nodeShims)));
		vm.setProp(vm.global, '__bt_host', host);
		const harness = keep(vm.unwrapResult(vm.evalCode(prelude, 'prelude.js')));
		vm.setProp(vm.global, '__bt_host', vm.undefined);

		// Node's CommonJS wrapper, on the program's first line so line numbers stay the same.
		const wrapped = `(function (exports, require, module, __filename, __dirname) {${job.program}\n})`;
		const compiled = vm.evalCode(wrapped, FILE);
		if (compiled.error) return done(jsError(vm, keep(compiled.error), stop, exitCode));
		const fn = keep(compiled.value);
		const call = (name: string, ...args: QuickJSHandle[]) => {
			const method = keep(vm.getProp(harness, name));
			return vm.callFunction(method, harness, ...args);
		};
		const ran = call('run', fn);
		if (ran.error) return done(jsError(vm, keep(ran.error), stop, exitCode));
		keep(ran.value);
		// Pending promise jobs, then timers in order, as Node's event loop would.
		for (;;) {
			const jobs = rt.executePendingJobs();
			if (jobs.error) return done(jsError(vm, keep(jobs.error), stop, exitCode));
			const budget = job.limits.timeMs - (performance.now() - started);
			const t = call('nextTimer', keep(vm.newNumber(budget)));
			if (t.error) return done(jsError(vm, keep(t.error), stop, exitCode));
			const next = vm.dump(keep(t.value)) as boolean | number;
			if (typeof next === 'number')
				return done({
					status: 'timeout',
					kind: 'timeout',
					message: `a timer due ${Math.round(next)} ms after the start outlasts the ${job.limits.timeMs} ms time limit`,
				});
			if (!next) break;
		}
		const thrown = keep(vm.unwrapResult(call('uncaught')));
		if (vm.typeof(thrown) !== 'undefined') return done(jsError(vm, thrown, stop, exitCode));
		const asserts = vm.getNumber(keep(vm.unwrapResult(call('assertions'))));
		if (requireAssert && asserts === 0) {
			return done({
				status: 'failed',
				kind: 'harness-tampered',
				message: 'test harness replaced (no assertion from the assert module ran)',
			});
		}
		const code = vm.dump(keep(vm.unwrapResult(vm.evalCode('process.exitCode'))));
		if (typeof code === 'number' && code !== 0) {
			exitCode = code;
			return done({ status: 'failed', kind: 'exception', message: `process exited with code ${code}` });
		}
		// An exit or flood the program caught still ends it, as it would under node.
		if (stop) return done(classifyJsError({}, stop, exitCode, undefined));
		return done({ status: 'passed' });
	} catch (e) {
		// Deep recursion can exhaust the worker's own stack before QuickJS's limit trips; the module
		// may be left inconsistent, so the worker is replaced. Other host-side failures likewise.
		state.tainted = true;
		if (e instanceof RangeError && /call stack/.test(e.message)) {
			return done({
				status: 'failed',
				kind: 'stack',
				errorType: 'RangeError',
				message: 'Maximum call stack size exceeded',
			});
		}
		const { status, kind, message } = failure(stop ?? 'crash', String(e));
		return done({ status, kind, message });
	} finally {
		try {
			scope.dispose();
		} catch {
			// QuickJS can leak objects after a stack overflow and then aborts on free: the module is
			// unusable, so this worker is replaced. The sample keeps its verdict.
			state.tainted = true;
		}
	}
}

/** Turns a thrown guest value into a verdict; interrupts we caused take precedence. */
function jsError(
	vm: QuickJSContext,
	err: QuickJSHandle,
	stop: FailureKind | undefined,
	exitCode: number | undefined,
) {
	const dumped = vm.dump(err) as unknown;
	const e = (typeof dumped === 'object' && dumped !== null ? dumped : { message: String(dumped) }) as {
		name?: string;
		message?: string;
		stack?: string;
	};
	const verdict = classifyJsError(e, stop, exitCode, lineIn(e.stack, FILE));
	if (verdict.kind !== 'assertion') return verdict;
	// The prelude's AssertionError printed both sides when it was made. An object of the sample's own
	// named AssertionError could answer anything here: it only changes this description.
	const handle = vm.getProp(err, 'shown');
	const shown = vm.dump(handle) as unknown;
	handle.dispose();
	if (!Array.isArray(shown) || shown.length !== 4 || !shown.every((x) => typeof x === 'string'))
		return verdict;
	return { ...verdict, assertion: assertionSides(shown as unknown as ShownSides) };
}

serveSandbox(load);
