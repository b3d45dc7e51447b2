// The README stays true to the code: it opens with the two commands, and documents every option
// the CLI accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUN_USAGE } from '../../cli/run';
import { SCORE_USAGE } from '../../cli/score';
import { EMBED_PARAMS } from '../../src/lib/embed/config';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
	it('starts with the set-up-and-start command and the test command', () => {
		const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
		expect(firstBlock).toMatch(/^npm install && npm run dev/m);
		expect(firstBlock).toMatch(/^npm test/m);
	});

	it.each([
		['score', SCORE_USAGE],
		['run', RUN_USAGE],
	])('documents every option of benchtop %s', (command, usage) => {
		expect(readme).toContain(`## \`benchtop ${command}\``);
		for (const option of new Set(usage.match(/--[a-z][a-z-]*/g)))
			expect(readme, `${option} of benchtop ${command}`).toMatch(new RegExp(`${option}(?![a-z-])`));
	});

	it('documents every embed parameter', () => {
		const table = readme.slice(
			readme.indexOf('## Embed it in a page'),
			readme.indexOf('## Share results by link'),
		);
		for (const p of EMBED_PARAMS) expect(table, p).toContain(`\`${p}\``);
	});
});
