// Named errors with messages that say what to do. They cross worker boundaries as plain
// { name, message, stack } and are rebuilt on the other side by `reviveError`.

export class BenchtopError extends Error {
	override name = 'BenchtopError';
}

/** A runtime (Pyodide, QuickJS, wasmoon) failed to load in its worker. */
export class RuntimeLoadError extends BenchtopError {
	override name = 'RuntimeLoadError';
}

/** The pool was disposed while work was queued. */
export class PoolDisposedError extends BenchtopError {
	override name = 'PoolDisposedError';
}

/** What to tell a person about anything thrown: an Error's message, or the thrown value itself. */
export function messageOf(e: unknown): string {
	if (e instanceof Error) return e.message;
	// errors from another realm or a wasm runtime: Error-shaped, not Error instances
	if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string')
		return e.message;
	return String(e);
}

export interface SerializedError {
	name: string;
	message: string;
	stack?: string;
}

export function serializeError(e: unknown): SerializedError {
	if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
	return { name: 'Error', message: String(e) };
}

const KNOWN: Record<string, new (message: string) => BenchtopError> = {
	RuntimeLoadError,
	PoolDisposedError,
};

export function reviveError(s: SerializedError): Error {
	const Ctor = KNOWN[s.name];
	const e = Ctor ? new Ctor(s.message) : new BenchtopError(s.message);
	if (!Ctor) e.name = s.name;
	if (s.stack) e.stack = s.stack;
	return e;
}

/** A file a user gave us is wrong somewhere: says which file, line (1-based) and field. */
export class InputError extends BenchtopError {
	override name = 'InputError';
	constructor(
		readonly file: string,
		readonly line: number | undefined,
		readonly field: string | undefined,
		readonly problem: string,
	) {
		super(`${file}${line !== undefined ? `:${line}` : ''}${field ? ` (field "${field}")` : ''}: ${problem}`);
	}
}
