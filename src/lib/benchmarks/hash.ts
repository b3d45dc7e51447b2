// The dataset hash stamped on every run and export: sha256 over the problems as shipped, so two
// results with the same hash were scored against exactly the same tests.
import type { Problem } from './types';

export async function hashProblems(problems: readonly Problem[]): Promise<string> {
	const bytes = new TextEncoder().encode(JSON.stringify(problems));
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
