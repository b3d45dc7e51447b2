// A small static file server for the built app. With `headers`, it sends what a configured host
// sends (cross-origin isolation, the sandbox workers' CSP) — the CLI uses that; without, it is a
// plain static host, which the tests use to prove nothing depends on those headers.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
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

export function serveStatic(root: string, { prefix = '/', headers = false } = {}): Promise<StaticServer> {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (!path.startsWith(prefix)) return void res.writeHead(404).end();
		let file = normalize(join(root, path.slice(prefix.length)));
		if (!file.startsWith(normalize(root))) return void res.writeHead(403).end();
		try {
			if (statSync(file).isDirectory()) file = join(file, 'index.html');
			statSync(file);
		} catch {
			return void res.writeHead(404).end();
		}
		res.writeHead(200, {
			'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
			...(headers && ISOLATION_HEADERS),
			...(headers && isSandboxScript(path) && { 'Content-Security-Policy': SANDBOX_CSP }),
		});
		createReadStream(file).pipe(res);
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => {
			const a = server.address();
			const port = typeof a === 'object' && a ? a.port : 0;
			resolve({
				url: `http://127.0.0.1:${port}${prefix}`,
				close: () => new Promise((r) => server.close(() => r())),
			});
		}),
	);
}
