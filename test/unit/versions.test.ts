// The runtime versions a run records and Results shows: the Python named is the one inside the
// pinned Pyodide, and a run made elsewhere is described by its own record.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PYTHON_VERSION, RUNTIME_VERSIONS, runtimeLabel } from '../../src/lib/execution/versions';

describe('runtime versions', () => {
	it("name the Python that Pyodide's lock file says it ships", () => {
		const lock = JSON.parse(readFileSync('node_modules/pyodide/pyodide-lock.json', 'utf8')) as {
			info: { python: string };
		};
		expect(PYTHON_VERSION).toBe(lock.info.python);
		expect(RUNTIME_VERSIONS.python).toBe(lock.info.python);
	});

	it('describe each language by the versions given, this build’s by default', () => {
		expect(runtimeLabel('python')).toContain(
			`Python ${PYTHON_VERSION} (Pyodide ${RUNTIME_VERSIONS.pyodide})`,
		);
		expect(runtimeLabel('python', { python: '3.13.1', pyodide: '0.28.0' })).toMatch(
			/^Python 3\.13\.1 \(Pyodide 0\.28\.0\) with 3\.11's rules/,
		);
		expect(runtimeLabel('typescript')).toBe(runtimeLabel('javascript'));
		expect(runtimeLabel('lua', { wasmoon: '1.0.0' })).toBe('Lua 5.4 (wasmoon 1.0.0) with LuaUnit');
	});
});
