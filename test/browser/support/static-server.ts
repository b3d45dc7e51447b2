// A plain static file server with no custom headers, like a basic static host: proves that
// nothing (containment included) depends on COOP/COEP or CSP headers.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

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

export function serveStatic(root: string, prefix = '/'): Promise<StaticServer> {
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
		res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
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
