// Packages on demand for Python: a sample that imports a package Pyodide distributes (numpy, …)
// gets it. The main thread reads the index's lock file, finds the wheels the program's imports need
// with their dependencies, fetches them (workers make no requests), checks each against the lock's
// SHA-256 and keeps it in Cache Storage, so a package used once works offline afterwards. What
// cannot be had is named, so the verdict can say the sandbox — not the sample — lacked it.
import { messageOf } from '../core/errors';
import { sha256Hex } from '../core/hash';
import { PYTHON_STDLIB } from '../core/python-stdlib';
import type { PackageFile } from './runtime';

/** One entry of pyodide-lock.json, as far as installing goes. */
interface LockPackage {
	name: string;
	file_name: string;
	install_dir: string;
	imports: string[];
	depends: string[];
	sha256: string;
}

interface Lock {
	packages: Record<string, LockPackage>;
}

export interface PackageOptions {
	/** The index: a folder with pyodide-lock.json and the wheels it names (Pyodide's CDN by default). */
	indexUrl: string;
	/** Where the index's lock file is, when not beside its wheels: the default index's is the one
	 * shipped with the runtime (the same release), so no request leaves the page to read it. */
	lockUrl?: string;
	/** The lock file shipped with the runtime, read when the index's own cannot be. */
	fallbackLockUrl?: string;
}

export interface Resolved {
	files: PackageFile[];
	/** Packages the program needs that could not be loaded, each with why. */
	missing: { name: string; reason: string }[];
}

const CACHE = 'benchtop-packages-v1';
const FETCH_MS = 60_000;

/** The top-level modules a program imports (`import a.b, c as d`, `from e.f import g`), in order;
 * relative imports are the program's own. Read by lines: an import inside a string counts too,
 * which costs at most a needless fetch. */
export function pythonImports(program: string): string[] {
	const out = new Set<string>();
	for (const m of program.matchAll(/^[ \t]*(?:import[ \t]+([^#\n;]+)|from[ \t]+([A-Za-z_]\w*))/gm)) {
		if (m[2]) out.add(m[2]);
		else
			for (const part of m[1]!.split(','))
				out.add(
					part
						.trim()
						.split(/[\s.]/)[0]!
						.replace(/[()\\]/g, ''),
				);
	}
	out.delete('');
	return [...out];
}

/** Imports that may name a package: neither the standard library nor our own namespace. */
export const packageCandidates = (program: string): string[] =>
	pythonImports(program).filter((n) => !PYTHON_STDLIB.has(n) && /^[A-Za-z_]\w*$/.test(n));

/** The lock's packages providing `imports`, dependencies first; imports no package provides are
 * left out (a typo, or a module that exists nowhere: the sample meets its ModuleNotFoundError). */
export function packagesFor(lock: Lock, imports: readonly string[]): LockPackage[] {
	const byImport = new Map<string, LockPackage>();
	for (const p of Object.values(lock.packages)) for (const i of p.imports) byImport.set(i, p);
	const order: LockPackage[] = [];
	const seen = new Set<string>();
	const visit = (p: LockPackage | undefined) => {
		if (!p || seen.has(p.name)) return;
		seen.add(p.name);
		for (const d of p.depends) visit(lock.packages[d] ?? lock.packages[d.toLowerCase()]);
		order.push(p);
	};
	for (const i of imports) visit(byImport.get(i));
	return order;
}

const cacheOpen = async (): Promise<Cache | null> => {
	try {
		return typeof caches === 'undefined' ? null : await caches.open(CACHE);
	} catch {
		return null; // storage refused (private mode, an opaque origin): fetch every time
	}
};

export class PackageSource {
	readonly #opts: PackageOptions;
	#lock: Promise<Lock> | null = null;
	readonly #wheels = new Map<string, Promise<Uint8Array>>();

	constructor(opts: PackageOptions) {
		this.#opts = { ...opts, indexUrl: opts.indexUrl.endsWith('/') ? opts.indexUrl : `${opts.indexUrl}/` };
	}

	/** What a program needs beyond the standard library; nothing at all for most programs. */
	async resolve(program: string): Promise<Resolved> {
		const wanted = packageCandidates(program);
		if (!wanted.length) return { files: [], missing: [] };
		let lock: Lock;
		try {
			lock = await this.#lockFile();
		} catch (e) {
			return { files: [], missing: wanted.map((name) => ({ name, reason: messageOf(e) })) };
		}
		const files: PackageFile[] = [];
		const missing: Resolved['missing'] = [];
		for (const p of packagesFor(lock, wanted)) {
			try {
				const bytes = await this.#wheel(p);
				files.push({ name: p.name, file: p.file_name, installDir: p.install_dir, imports: p.imports, bytes });
			} catch (e) {
				missing.push({ name: p.name, reason: messageOf(e) });
			}
		}
		// A package whose dependency is missing cannot be installed either.
		return missing.length ? { files: [], missing } : { files, missing };
	}

	/** The index's lock file — from the network, else as last fetched (offline) — or the runtime's
	 * own when the index was never reached. */
	#lockFile(): Promise<Lock> {
		this.#lock ??= (async () => {
			const url = this.#opts.lockUrl ?? `${this.#opts.indexUrl}pyodide-lock.json`;
			const cache = await cacheOpen();
			try {
				const bytes = await fetchChecked(url);
				const lock = parseLock(bytes, url);
				await cache?.put(url, new Response(bytes)).catch(() => {});
				return lock;
			} catch (e) {
				const kept = await cache?.match(url);
				if (kept) return parseLock(new Uint8Array(await kept.arrayBuffer()), url);
				if (!this.#opts.fallbackLockUrl) throw e;
				return parseLock(await fetchChecked(this.#opts.fallbackLockUrl), this.#opts.fallbackLockUrl);
			}
		})();
		// A failure is tried again by the next sample (the network may be back).
		this.#lock.catch(() => (this.#lock = null));
		return this.#lock;
	}

	/** A wheel from Cache Storage or the index, checked against the lock's hash either way. */
	#wheel(p: LockPackage): Promise<Uint8Array> {
		const url = new URL(p.file_name, this.#opts.indexUrl).href;
		let got = this.#wheels.get(url);
		if (!got) {
			got = (async () => {
				const cache = await cacheOpen();
				const hit = await cache?.match(url);
				if (hit) {
					const bytes = new Uint8Array(await hit.arrayBuffer());
					if ((await sha256Hex(bytes)) === p.sha256) return bytes;
					await cache?.delete(url);
				}
				const bytes = await fetchChecked(url);
				if ((await sha256Hex(bytes)) !== p.sha256)
					throw new Error(
						`${p.file_name} from ${this.#opts.indexUrl} does not match the lock file's SHA-256`,
					);
				await cache?.put(url, new Response(bytes.slice())).catch(() => {});
				return bytes;
			})();
			this.#wheels.set(url, got);
			got.catch(() => this.#wheels.delete(url));
		}
		return got;
	}
}

async function fetchChecked(url: string): Promise<Uint8Array<ArrayBuffer>> {
	let res: Response;
	try {
		res = await fetch(url, { signal: AbortSignal.timeout(FETCH_MS) });
	} catch (e) {
		throw new Error(`could not reach ${url} (${messageOf(e)})`);
	}
	if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
	return new Uint8Array(await res.arrayBuffer());
}

function parseLock(bytes: Uint8Array, url: string): Lock {
	let lock: Lock;
	try {
		lock = JSON.parse(new TextDecoder().decode(bytes)) as Lock;
	} catch (e) {
		throw new Error(`${url}: not JSON (${messageOf(e)})`);
	}
	if (typeof lock?.packages !== 'object' || lock.packages === null)
		throw new Error(`${url}: not a Pyodide lock file (no "packages")`);
	return lock;
}
