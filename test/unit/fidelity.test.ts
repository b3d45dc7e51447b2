// The stored fidelity fixture is the set scripts/fidelity/mutants.ts makes from today's bundled
// benchmarks: a change to either means rerunning `npm run fidelity` (which needs python3, lua5.4).
import { describe, expect, it } from 'vitest';
import { fidelitySet, readFixture } from '../../scripts/fidelity/build';
import type { Language } from '../../src/lib/core/ids';

describe.each(['python', 'javascript', 'lua'] as Language[])('fidelity fixture: %s', (language) => {
	it('holds exactly the samples the generator makes, each with a native verdict', async () => {
		const rows = readFixture(language);
		expect(rows.every((r) => typeof r.native === 'string' && r.native.length > 0)).toBe(true);
		expect(rows.map(({ native: _, ...sample }) => sample)).toEqual(await fidelitySet(language));
		expect(rows.length).toBeGreaterThanOrEqual(300);
	});
});
