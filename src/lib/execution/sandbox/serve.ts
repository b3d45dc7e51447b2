// The worker side of the protocol, shared by every runtime's worker entry: take one `init` with a
// private port, load the engine from the bytes the pool sent, lock the worker down, then answer
// requests on the port one at a time.
import { serializeError } from '../../core/errors';
import { failure } from '../../core/result';
import type { InitMessage, Request, Response } from '../protocol';
import type { Assets, Engine } from '../runtime';
import { installAssetShim } from './assets-shim';
import { lockdown } from './lockdown';

/** Where engines send stdout/stderr they cannot capture any other way (Emscripten's console). */
export interface ConsoleSink {
	out: (s: string) => void;
	err: (s: string) => void;
}

export interface SandboxContext {
	assets: Assets;
	/** Int32Array over a SharedArrayBuffer the pool writes 2 (SIGINT) into to stop a sample; or null. */
	interrupt: Int32Array | null;
	/** Where to start from instead of loading from scratch (see Engine.snapshot); or null. */
	snapshot: Uint8Array | null;
	sink: ConsoleSink;
}

export function serveSandbox(load: (ctx: SandboxContext) => Promise<Engine>): void {
	const sink: ConsoleSink = { out: () => {}, err: () => {} };
	// Engines bind console.log at load; route it to whichever sample is running, never the page.
	const route =
		(to: 'out' | 'err') =>
		(...a: unknown[]) =>
			sink[to](a.map(String).join(' '));
	(globalThis as unknown as { console: Partial<Console> }).console = {
		log: route('out'),
		info: route('out'),
		debug: route('out'),
		warn: route('err'),
		error: route('err'),
		trace: () => {},
		// SES's lockdown groups its warnings (e.g. intrinsics it removed).
		groupCollapsed: () => {},
		groupEnd: () => {},
	};

	self.onmessage = async (ev: MessageEvent<InitMessage>) => {
		self.onmessage = null;
		const { port, assets, interrupt, snapshot } = ev.data;
		const send = (m: Response) => port.postMessage(m);
		let engine: Engine;
		try {
			const closeShim = installAssetShim(assets);
			engine = await load({
				assets,
				interrupt: interrupt ? new Int32Array(interrupt) : null,
				snapshot: snapshot instanceof Uint8Array ? snapshot : null,
				sink,
			});
			closeShim();
			lockdown();
		} catch (e) {
			send({ type: 'load-error', error: serializeError(e) });
			return;
		}
		let queue = Promise.resolve();
		port.onmessage = (m: MessageEvent<Request>) => {
			const req = m.data;
			queue = queue.then(() => handle(engine, req, send));
		};
		// Sent before any job, so no guest code has run in the engine the snapshot was taken of.
		const made = engine.snapshot;
		const ready: Response = { type: 'ready', version: engine.version, ...(made && { snapshot: made }) };
		port.postMessage(ready, made ? [made.buffer] : []);
	};
}

async function handle(engine: Engine, req: Request, send: (m: Response) => void) {
	if (req.job.packages?.length && engine.prepare) {
		try {
			await engine.prepare(req.job);
		} catch (e) {
			// A wheel that cannot be installed: the sample is not run, and says which package it lacked.
			const names = req.job.packages.map((p) => p.name);
			const err = serializeError(e);
			const value = failure('runtime-unavailable', `could not install ${names.join(', ')}: ${err.message}`, {
				missingPackages: names,
			});
			send({ type: 'run', id: req.id, value, heapBytes: 0, tainted: true });
			return;
		}
	}
	const started = performance.now();
	let value;
	try {
		value = await engine.run(req.job, started + req.job.limits.timeMs);
	} catch (e) {
		// The engine itself failed on this sample (e.g. a fatal interpreter error): the pool replaces us.
		const err = serializeError(e);
		value = failure('crash', `${err.name}: ${err.message}`, { durationMs: performance.now() - started });
		send({ type: 'run', id: req.id, value, heapBytes: 0, tainted: true });
		return;
	}
	send({ type: 'run', id: req.id, value, heapBytes: engine.heapBytes(), tainted: engine.tainted() });
}
