// The stored fidelity fixture is the set scripts/fidelity/mutants.ts makes from today's bundled
// benchmarks: a change to either means rerunning `npm run fidelity` (which needs python3, lua5.4;
// TypeScript uses the project's own tsc and node).
import { describe, expect, it } from 'vitest';
import { fidelitySet, readFixture, type FixtureLanguage } from '../../scripts/fidelity/build';

describe.each(['python', 'javascript', 'lua', 'typescript'] as FixtureLanguage[])(
	'fidelity fixture: %s',
	(language) => {
		it('holds exactly the samples the generator makes, each with a native verdict', async () => {
			const rows = readFixture(language);
			expect(rows.every((r) => typeof r.native === 'string' && r.native.length > 0)).toBe(true);
			expect(rows.map(({ native: _, ...sample }) => sample)).toEqual(await fidelitySet(language));
			expect(rows.length).toBeGreaterThanOrEqual(300);
		});
	},
);
