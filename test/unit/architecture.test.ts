// The layout STYLE.md asks for, checked: no two folders (pipeline stages, runtimes, the CLI, the
// embed) import each other, directly or around a loop. A cycle between stages means a stage boundary
// is in the wrong place, so it fails here rather than in a reviewer's head.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = ['src', 'runtimes', 'cli'];

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) return files(p);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
	});
}

/** The folder a file belongs to as a unit: src/lib/<stage>, src/embed, runtimes/<language>, cli. */
export function unitOf(file: string): string {
	const parts = relative(ROOT, file).split('/');
	if (parts[0] === 'src' && parts[1] === 'lib') return parts.slice(0, 3).join('/');
	if (parts[0] === 'runtimes') return parts.slice(0, 2).join('/');
	return parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0]!;
}

function imports(file: string): string[] {
	let text = readFileSync(file, 'utf8');
	if (file.endsWith('.svelte'))
		text = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
	return ts
		.preProcessFile(text, true, true)
		.importedFiles.map((f) => f.fileName)
		.filter((f) => f.startsWith('.'))
		.map((f) => resolve(dirname(file), f));
}

/** unit → the units it imports from. */
function graph(): Map<string, Set<string>> {
	const g = new Map<string, Set<string>>();
	for (const f of SOURCES.flatMap((d) => files(join(ROOT, d)))) {
		const from = unitOf(f);
		const edges = g.get(from) ?? new Set<string>();
		g.set(from, edges);
		for (const target of imports(f)) {
			const to = unitOf(target);
			if (to !== from && !relative(ROOT, target).startsWith('..')) edges.add(to);
		}
	}
	return g;
}

/** Every cycle, each as the path that closes it (Tarjan's strongly connected components). */
function cycles(g: Map<string, Set<string>>): string[][] {
	let index = 0;
	const idx = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const on = new Set<string>();
	const out: string[][] = [];
	const visit = (v: string) => {
		idx.set(v, index);
		low.set(v, index++);
		stack.push(v);
		on.add(v);
		for (const w of g.get(v) ?? []) {
			if (!idx.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
		}
		if (low.get(v) === idx.get(v)) {
			const scc: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				on.delete(w);
				scc.push(w);
			} while (w !== v);
			if (scc.length > 1) out.push(scc.sort());
		}
	};
	for (const v of g.keys()) if (!idx.has(v)) visit(v);
	return out;
}

describe('architecture', () => {
	it('has no import cycle between folders', () => {
		const g = graph();
		expect(g.size).toBeGreaterThan(10);
		expect(cycles(g)).toEqual([]);
	});

	it('finds a cycle when there is one (the check can fail)', () => {
		const g = new Map([
			['a', new Set(['b'])],
			['b', new Set(['c'])],
			['c', new Set(['a'])],
			['d', new Set(['a'])],
		]);
		expect(cycles(g)).toEqual([['a', 'b', 'c']]);
	});
});
