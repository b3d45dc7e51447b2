// The stored fidelity fixture is the set scripts/fidelity/mutants.ts makes from today's bundled
// benchmarks: a change to either means rerunning `npm run fidelity` (which needs python3, lua5.4).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fidelitySet } from '../../scripts/fidelity/build';
import type { Language } from '../../src/lib/core/ids';

describe.each(['python', 'javascript', 'lua'] as Language[])('fidelity fixture: %s', (language) => {
	it('holds exactly the samples the generator makes, each with a native verdict', async () => {
		const rows = readFileSync(new URL(`../fixtures/fidelity/${language}.jsonl`, import.meta.url), 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as Record<string, string>);
		expect(rows.every((r) => typeof r.native === 'string' && r.native.length > 0)).toBe(true);
		expect(rows.map(({ native: _, ...sample }) => sample)).toEqual(await fidelitySet(language));
		expect(rows.length).toBeGreaterThanOrEqual(300);
	});
});
