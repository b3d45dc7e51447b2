// A small static file server for the built app. With `headers`, it sends what a configured host
// sends (cross-origin isolation, the sandbox workers' CSP) — the CLI uses that; without, it is a
// plain static host, which the tests use to prove nothing depends on those headers.
import { createReadStream, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { extname, join, normalize } from 'node:path';
import { ISOLATION_HEADERS, isSandboxScript, SANDBOX_CSP } from '../vite-plugins/headers';

const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.zip': 'application/zip',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
};

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** Forwards a request to `target` (the page then reaches a model server as same-origin: no CORS). */
function forward(req: IncomingMessage, res: ServerResponse, target: string) {
	const url = new URL(target);
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
	// The model server sees a plain local client, not the page's origin.
	const headers = { ...req.headers };
	for (const h of ['host', 'origin', 'referer']) delete headers[h];
	const out = send(url, { method: req.method, headers }, (up) => {
		res.writeHead(up.statusCode ?? 502, up.headers);
		up.pipe(res);
	});
	out.on('error', (e) => {
		if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ error: { message: `could not reach ${url.origin}: ${e.message}` } }));
	});
	req.pipe(out);
}

export interface ServeOptions {
	prefix?: string;
	headers?: boolean;
	/** Requests under `path` go to `target` + the rest of the path. */
	proxy?: { path: string; target: string };
	/** Files under `path` come from the folder `dir` (a model file beside the app, for --gguf). */
	mount?: { path: string; dir: string };
	/** A fixed port (the page's origin, and with it its stored state, stays the same); rejects when
	 * it is taken. Default: any free port. */
	port?: number;
}

export function serveStatic(
	root: string,
	{ prefix = '/', headers = false, proxy, mount, port = 0 }: ServeOptions = {},
): Promise<StaticServer> {
	const server = createServer((req, res) => {
		if (proxy && req.url?.startsWith(proxy.path))
			return forward(req, res, proxy.target.replace(/\/$/, '') + '/' + req.url.slice(proxy.path.length));
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const [base, rest] =
			mount && path.startsWith(mount.path)
				? [mount.dir, path.slice(mount.path.length)]
				: [root, path.slice(prefix.length)];
		if (base === root && !path.startsWith(prefix)) return void res.writeHead(404).end();
		let file = normalize(join(base, rest));
		if (!file.startsWith(normalize(base))) return void res.writeHead(403).end();
		let size: number;
		try {
			if (statSync(file).isDirectory()) file = join(file, 'index.html');
			size = statSync(file).size;
		} catch {
			return void res.writeHead(404).end();
		}
		res.writeHead(200, {
			'Content-Length': size,
			'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
			...(headers && ISOLATION_HEADERS),
			...(headers && isSandboxScript(path) && { 'Content-Security-Policy': SANDBOX_CSP }),
		});
		createReadStream(file).pipe(res);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			const a = server.address();
			const at = typeof a === 'object' && a ? a.port : 0;
			resolve({
				url: `http://127.0.0.1:${at}${prefix}`,
				close: () => new Promise((r) => server.close(() => r())),
			});
		});
	});
}
