// pass@k for every k from 1 to the smallest n over the problems: the curve the Results view plots.
import { passAtK } from './pass-at-k';
import type { Score } from './aggregate';

export function passAtKCurve(score: Pick<Score, 'perProblem'>): { k: number; passAtK: number }[] {
	const ps = score.perProblem;
	if (!ps.length) return [];
	const maxK = Math.min(...ps.map((p) => p.n));
	return Array.from({ length: maxK }, (_, i) => ({
		k: i + 1,
		passAtK: ps.reduce((s, p) => s + passAtK(p.n, p.c, i + 1), 0) / ps.length,
	}));
}
