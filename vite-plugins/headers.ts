// Response headers for the dev and preview servers: cross-origin isolation for the page (so
// SharedArrayBuffer exists), and a CSP of their own for the sandbox workers' scripts. Containment
// does not depend on these (a static host may send none); they are an extra layer.
import type { Connect, Plugin } from 'vite';

export const ISOLATION_HEADERS = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp',
	'Cross-Origin-Resource-Policy': 'same-origin',
};

/** No connections, no eval beyond wasm, no nested workers, nothing but same-origin scripts. */
export const SANDBOX_CSP =
	"default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'";

/** Built sandbox workers are emitted under this prefix (see vite.config.ts). */
export const SANDBOX_PREFIX = 'sandbox-';

export function isSandboxScript(url: string): boolean {
	const path = url.split('?')[0] ?? '';
	return (
		path.includes(`/assets/${SANDBOX_PREFIX}`) ||
		(/\/runtimes\/[a-z]+\/worker\.ts$/.test(path) && url.includes('worker_file'))
	);
}

const middleware: Connect.NextHandleFunction = (req, res, next) => {
	for (const [k, v] of Object.entries(ISOLATION_HEADERS)) res.setHeader(k, v);
	if (isSandboxScript(req.url ?? '')) res.setHeader('Content-Security-Policy', SANDBOX_CSP);
	next();
};

export function sandboxHeaders(): Plugin {
	return {
		name: 'benchtop:sandbox-headers',
		configureServer: (server) => void server.middlewares.use(middleware),
		configurePreviewServer: (server) => void server.middlewares.use(middleware),
	};
}
