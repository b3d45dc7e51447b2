// A Pyodide package index served locally, as the tests build it: a pyodide-lock.json naming pure-
// Python wheels written here and a compiled extension's wheel assembled here (the real index's
// wheels need the network), with the CORS header a cross-origin-isolated page needs to fetch from it.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strToU8, zipSync } from 'fflate';
import { EXTENSION_FILE, extensionWheel } from './extension-wheel';

/** A pure-Python wheel as a build backend writes one: the modules and their dist-info. */
export function wheel(name: string, files: Record<string, string>): Uint8Array {
	const info = `${name}-1.0.dist-info`;
	return zipSync({
		...Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])),
		[`${info}/METADATA`]: strToU8(`Metadata-Version: 2.1\nName: ${name}\nVersion: 1.0\n`),
		[`${info}/WHEEL`]: strToU8('Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n'),
		[`${info}/RECORD`]: strToU8(''),
	});
}

export const TINYDEP = wheel('tinydep', { 'tinydep/__init__.py': 'FACTOR = 2\n' });
export const TINYPKG = wheel('tinypkg', {
	'tinypkg/__init__.py': 'from tinydep import FACTOR\nstate = []\ndef double(x):\n    return FACTOR * x\n',
});

/** tinyext: a WebAssembly side module, as numpy's wheels carry (see extension-wheel.ts). */
export const TINYEXT = await extensionWheel();

const entry = (name: string, imports: string[], depends: string[], bytes: Uint8Array) => ({
	name,
	version: '1.0',
	file_name: name === 'tinyext' ? EXTENSION_FILE : `${name}-1.0-py3-none-any.whl`,
	install_dir: 'site',
	imports,
	depends,
	sha256: createHash('sha256').update(bytes).digest('hex'),
	package_type: 'package',
});

/** tinypkg (needs tinydep); tinyext; badsum (its hash is not its file's); gone (named, never
 * served). */
export const LOCK = {
	info: { python: '3.14.2' },
	packages: {
		tinypkg: entry('tinypkg', ['tinypkg'], ['tinydep'], TINYPKG),
		tinydep: entry('tinydep', ['tinydep'], [], TINYDEP),
		tinyext: entry('tinyext', ['tinyext'], [], TINYEXT),
		badsum: {
			...entry('badsum', ['badsum'], [], strToU8('other')),
			file_name: 'tinypkg-1.0-py3-none-any.whl',
		},
		gone: entry('gone', ['gone'], [], TINYPKG),
	},
};

const FILES: Record<string, Uint8Array | string> = {
	'/index/pyodide-lock.json': JSON.stringify(LOCK),
	'/index/tinypkg-1.0-py3-none-any.whl': TINYPKG,
	'/index/tinydep-1.0-py3-none-any.whl': TINYDEP,
	[`/index/${EXTENSION_FILE}`]: TINYEXT,
	'/bad/pyodide-lock.json': '{ not json',
};

export interface PackageIndex {
	/** The server's root; the index is at `${url}index/`. */
	url: string;
	/** Every path requested, in order. */
	hits: string[];
	close(): Promise<void>;
}

export async function startPackageIndex(): Promise<PackageIndex> {
	const hits: string[] = [];
	const server = createServer((req, res) => {
		hits.push(req.url!);
		const body = FILES[req.url!];
		res.setHeader('Access-Control-Allow-Origin', '*');
		if (body === undefined) res.writeHead(404).end();
		else res.end(body);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	return {
		url,
		hits,
		close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
	};
}
