// The run summary above Run: the amount of work and an honest time estimate.
import { describe, expect, it } from 'vitest';
import { runSummary } from '../../src/lib/ui/summary';

describe('run summary', () => {
	it('counts programs and estimates execution-only runs', () => {
		expect(runSummary({ problems: 10, n: 1, maxTokens: 512, reference: true })).toBe(
			'10 problems × 1 sample = 10 programs · about 6 s on this machine',
		);
	});

	it("estimates a model's run from its speed, and says when it cannot", () => {
		expect(runSummary({ problems: 10, n: 3, maxTokens: 256, tokensPerSecond: 8, reference: false })).toBe(
			'10 problems × 3 samples = 30 programs · up to about 16 min on this machine (at most 256 tokens each)',
		);
		expect(runSummary({ problems: 1, n: 1, maxTokens: 512, reference: false })).toBe(
			'1 problem × 1 sample = 1 program · the time depends on how fast the model writes (up to 512 tokens each)',
		);
	});
});
