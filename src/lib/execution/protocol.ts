// The typed protocol between the pool and a sandbox worker. The worker gets one `init` through
// postMessage, carrying a private MessagePort; after that every message goes through the port,
// so guest code that finds `postMessage` cannot forge anything the pool will read.
import type { SerializedError } from '../core/errors';
import type { ExecResult } from '../core/result';
import type { Assets, Job } from './runtime';

export interface InitMessage {
	type: 'init';
	port: MessagePort;
	assets: Assets;
	/** SharedArrayBuffer for interrupts when the page is cross-origin isolated, else null. */
	interrupt: SharedArrayBuffer | null;
	/** A snapshot an earlier worker of this runtime made right after loading, to start from. */
	snapshot: Uint8Array | null;
}

export type Request = { type: 'run'; id: number; job: Job };

/** Response value per request type; every response also says whether the worker needs replacing. */
export interface Responses {
	run: ExecResult;
}

export type Response =
	| { type: 'ready'; version: string; snapshot?: Uint8Array }
	| { type: 'load-error'; error: SerializedError }
	| {
			[K in keyof Responses]: {
				type: K;
				id: number;
				value: Responses[K];
				heapBytes: number;
				tainted: boolean;
			};
	  }[keyof Responses];

export function isResponse(x: unknown): x is Response {
	if (typeof x !== 'object' || x === null) return false;
	const t = (x as { type?: unknown }).type;
	return t === 'ready' || t === 'load-error' || t === 'run';
}
