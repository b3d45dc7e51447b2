// Locks a sandbox worker down once its engine is loaded, before any guest code runs. First SES's
// lockdown() freezes every JavaScript intrinsic (Object, Array.prototype, Promise.prototype, …) and
// makes the function constructors reachable through any value (`x.constructor.constructor`) throw:
// whatever JavaScript value a guest gets hold of, it cannot change what the worker's own code calls
// after the sample (Node's "primordials" idea, made total). Then the global scope is stripped to what
// the loaded runtimes still use, so a guest finds no network, storage, nested workers, postMessage
// or code generation. Neither depends on response headers: it holds on a static host with no CSP.
import 'ses';

/** Globals the runtimes use after loading. Everything else on the global scope goes. */
const KEEP = new Set<PropertyKey>([
	// ECMAScript
	'Object',
	'Function',
	'Array',
	'Number',
	'parseFloat',
	'parseInt',
	'Infinity',
	'NaN',
	'undefined',
	'Boolean',
	'String',
	'Symbol',
	'Date',
	'Promise',
	'RegExp',
	'Error',
	'AggregateError',
	'EvalError',
	'RangeError',
	'ReferenceError',
	'SyntaxError',
	'TypeError',
	'URIError',
	'globalThis',
	'JSON',
	'Math',
	'Intl',
	'ArrayBuffer',
	'SharedArrayBuffer',
	'Atomics',
	'Uint8Array',
	'Int8Array',
	'Uint16Array',
	'Int16Array',
	'Uint32Array',
	'Int32Array',
	'Float16Array',
	'Float32Array',
	'Float64Array',
	'Uint8ClampedArray',
	'BigUint64Array',
	'BigInt64Array',
	'DataView',
	'Map',
	'BigInt',
	'Set',
	'WeakMap',
	'WeakSet',
	'Proxy',
	'Reflect',
	'FinalizationRegistry',
	'WeakRef',
	'Iterator',
	'decodeURI',
	'decodeURIComponent',
	'encodeURI',
	'encodeURIComponent',
	'escape',
	'unescape',
	'eval',
	'isFinite',
	'isNaN',
	'WebAssembly',
	'DOMException',
	// Web APIs the engines call while running (timers for Pyodide's event loop, randomness, text)
	'self',
	'console',
	'performance',
	'crypto',
	'TextEncoder',
	'TextDecoder',
	'setTimeout',
	'clearTimeout',
	'setInterval',
	'clearInterval',
	'queueMicrotask',
	'structuredClone',
	'location',
	'Symbol.toStringTag',
	Symbol.toStringTag,
]);

function refuse(): never {
	throw new EvalError('code generation is disabled in the sandbox');
}

type SesLockdown = (options: Record<string, string>) => void;

export function lockdown(): void {
	const g = globalThis as unknown as Record<PropertyKey, unknown>;
	// Error stacks stay as V8 writes them (the engines read them); instances may still shadow a
	// frozen prototype's method by assignment, as Emscripten's glue does.
	(g.lockdown as SesLockdown)({
		errorTaming: 'unsafe',
		stackFiltering: 'verbose',
		overrideTaming: 'severe',
		consoleTaming: 'unsafe',
		localeTaming: 'unsafe',
		domainTaming: 'unsafe',
		evalTaming: 'unsafe-eval',
	});
	// Code generation through the global names (SES leaves these working in this, the start
	// compartment). `instanceof Function` keeps working because the fake shares the real prototype.
	const fake = function () {
		refuse();
	};
	Object.defineProperty(fake, 'prototype', { value: Function.prototype });
	g.Function = fake;
	g.eval = refuse;

	// The global object and its own prototypes (DedicatedWorkerGlobalScope, WorkerGlobalScope);
	// EventTarget.prototype is shared with MessagePort and stays.
	const scopes: object[] = [];
	for (let o: object | null = globalThis; o && o !== EventTarget.prototype; o = Object.getPrototypeOf(o)) {
		scopes.push(o);
	}
	for (const scope of scopes) {
		for (const key of Reflect.ownKeys(scope)) {
			if (KEEP.has(key) || key === 'constructor') continue;
			if (!Reflect.deleteProperty(scope, key)) {
				try {
					Object.defineProperty(scope, key, { value: undefined, writable: false });
				} catch {
					// Non-configurable and non-writable: nothing dangerous is defined that way.
				}
			}
		}
	}
	// What remains reachable through kept objects.
	for (const name of ['instantiateStreaming', 'compileStreaming'] as const) {
		Reflect.deleteProperty(WebAssembly, name);
	}
}

/** Names of dangerous globals, for tests that check they are gone. */
export const MUST_BE_GONE = [
	'fetch',
	'XMLHttpRequest',
	'WebSocket',
	'EventSource',
	'importScripts',
	'Worker',
	'SharedWorker',
	'indexedDB',
	'caches',
	'BroadcastChannel',
	'postMessage',
	'close',
	'navigator',
	'WebTransport',
	'FontFace',
	'fonts',
	'Request',
	'Response',
] as const;
