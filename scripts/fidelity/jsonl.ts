// The fidelity fixtures are JSON Lines: one row per sample, read by the tests and written by the
// scripts that run the references natively.
import { readFileSync, writeFileSync } from 'node:fs';

export function readJsonl<T>(path: string): T[] {
	return readFileSync(path, 'utf8')
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l) as T);
}

export function writeJsonl(path: string, rows: readonly unknown[]): void {
	writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
