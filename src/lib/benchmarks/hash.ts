// The dataset hash stamped on every run and export: sha256 over the problems as shipped, so two
// results with the same hash were scored against exactly the same tests.
import { sha256Hex } from '../core/hash';
import type { Problem } from './types';

export const hashProblems = (problems: readonly Problem[]): Promise<string> =>
	sha256Hex(new TextEncoder().encode(JSON.stringify(problems)));
