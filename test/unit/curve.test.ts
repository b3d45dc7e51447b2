import { describe, expect, it } from 'vitest';
import { passAtKCurve } from '../../src/lib/scoring/curve';

describe('pass@k curve', () => {
	it('runs k from 1 to the smallest n, averaging the unbiased estimator over problems', () => {
		const curve = passAtKCurve({
			perProblem: [
				{ taskId: 'a', n: 3, c: 1, passAtK: {} },
				{ taskId: 'b', n: 4, c: 0, passAtK: {} },
			],
		});
		expect(curve.map((p) => p.k)).toEqual([1, 2, 3]);
		expect(curve[0]!.passAtK).toBeCloseTo((1 / 3 + 0) / 2, 12);
		expect(curve[1]!.passAtK).toBeCloseTo((2 / 3 + 0) / 2, 12);
		expect(curve[2]!.passAtK).toBeCloseTo(0.5, 12);
		expect(passAtKCurve({ perProblem: [] })).toEqual([]);
	});
});
