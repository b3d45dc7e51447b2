// The app shell's weight: gzip size of the JavaScript the first page load needs (index.html's
// module script and its static imports), goal ≤ 150 KB. Runtimes, web-llm, the editor and charts
// load later, when used.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function initialJs(dist: string): { files: string[]; gzipBytes: number } {
	const html = readFileSync(join(dist, 'index.html'), 'utf8');
	const entry = [
		...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g),
		...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+\.js)"/g),
	].map((m) => m[1]!);
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		const code = readFileSync(join(dist, file), 'utf8');
		// static imports only: `import … from "./x.js"` and `import "./x.js"` (not import())
		for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g))
			visit(join(file, '..', m[1]!));
	};
	entry.forEach(visit);
	const gzipBytes = [...seen].reduce((s, f) => s + gzipSync(readFileSync(join(dist, f))).length, 0);
	return { files: [...seen], gzipBytes };
}

/** The CSS the first page load needs: the stylesheets index.html links, gzipped (goal ≤ 30 KB). */
export function initialCss(dist: string): { files: string[]; gzipBytes: number } {
	const html = readFileSync(join(dist, 'index.html'), 'utf8');
	const files = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\.?\/?([^"]+\.css)"/g)].map(
		(m) => m[1]!,
	);
	const gzipBytes = files.reduce((s, f) => s + gzipSync(readFileSync(join(dist, f))).length, 0);
	return { files, gzipBytes };
}

if (process.argv[1] === new URL(import.meta.url).pathname) console.log(initialJs('dist'), initialCss('dist'));
