// The sample drawer's marks: which parts of a raw reply extraction kept and which it removed.
import { describe, expect, it } from 'vitest';
import { extractionRuns, removedLines } from '../../src/lib/ui/extraction';

describe('extractionRuns', () => {
	it('keeps a fenced block and marks the prose and fences around it as removed', () => {
		const raw = 'Here is the fix:\n```python\ndef f(x):\n    return x + 1\n```\nHope it helps!';
		const code = 'def f(x):\n    return x + 1\n';
		const runs = extractionRuns(raw, code);
		expect(runs).toEqual([
			{ text: 'Here is the fix:\n```python\n', kept: false },
			{ text: code, kept: true },
			{ text: '```\nHope it helps!', kept: false },
		]);
		expect(runs.map((r) => r.text).join('')).toBe(raw);
		expect(removedLines(runs)).toBe(4);
	});

	it('keeps everything when nothing was removed', () => {
		expect(extractionRuns('    return 1\n', '    return 1\n')).toEqual([
			{ text: '    return 1\n', kept: true },
		]);
	});

	it('matches lines in order when the code was rewritten (trailing spaces, a changed line)', () => {
		const raw = 'Sure.\ndef f(x):   \n    y = x\n    return y\nprint(f(1))\nDone.';
		const code = 'def f(x):\n    y = x\n    return y';
		const runs = extractionRuns(raw, code);
		expect(runs.map((r) => r.text).join('')).toBe(raw);
		expect(
			runs
				.filter((r) => r.kept)
				.map((r) => r.text)
				.join(''),
		).toBe('def f(x):   \n    y = x\n    return y\n');
		expect(removedLines(runs)).toBe(3);
	});

	it('marks all of a reply removed when nothing was extracted', () => {
		expect(extractionRuns('I cannot help with that.', '')).toEqual([
			{ text: 'I cannot help with that.', kept: false },
		]);
	});
});
