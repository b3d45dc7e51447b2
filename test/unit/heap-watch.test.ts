// The heap watch reads CPython's dicts, lists and sets straight from Pyodide's memory; these tests
// run the real Pyodide build in Node (the same wasm the worker loads) and pin that every kind of
// change is seen, that untouched objects are not, and that the harness's layout check accepts it.
import { readFileSync } from 'node:fs';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { beforeAll, describe, expect, it } from 'vitest';
import { heapWatch, type HeapWatch } from '../../runtimes/python/heap-watch';

let py: PyodideAPI;
let heap: () => Uint32Array;
let ns: PyProxy;

beforeAll(async () => {
	py = await loadPyodide({ stdout: () => {}, stderr: () => {} });
	const module = (py as unknown as { _module: { HEAPU32: Uint32Array } })._module;
	heap = () => module.HEAPU32;
	ns = py.globals.get('dict')() as PyProxy;
}, 60_000);

const python = (code: string) => py.runPython(code, { globals: ns }) as unknown;

/** Objects made in Python, watched from JavaScript. */
function watchObjects(setup: string, names: string[]): HeapWatch {
	python(setup);
	const w = heapWatch(heap);
	const ids = names.map((n) => python(`id(${n})`) as number);
	const kinds = names.map((n) => (python(`type(${n}).__name__`) as string)[0]!).join('');
	w.track(ids, kinds);
	return w;
}

describe('heap watch', () => {
	const setup = `
import types
o1, o2 = object(), object()
d = {'a': o1, 'b': o2}
g = {1: o1, (2, 3): o2}
l = [o1, o2]
s = {'x', 'y'}
m = types.ModuleType('m').__dict__
m.update(d)
`;
	const names = ['d', 'g', 'l', 's', 'm'];

	it.each([
		['a value replaced by another object', "d['a'] = o2", 0],
		['a key added', "d['c'] = o1", 0],
		['a key deleted', "del d['b']", 0],
		['a value replaced in a dict with non-str keys', 'g[1] = o2', 1],
		['a list item replaced', 'l[0] = o2', 2],
		['a list appended to', 'l.append(o1)', 2],
		['a list reordered in place', 'l.reverse()', 2],
		['a set added to', "s.add('z')", 3],
		['a set emptied', 's.clear()', 3],
		['a module attribute patched', "m['a'] = len", 4],
	])('sees %s, and only there', (_name, change, index) => {
		const w = watchObjects(setup, names);
		expect(w.changed()).toBe(0);
		python(change);
		expect(w.changed()).toBe(1);
		expect(w.flagged()).toEqual([index]);
		w.rebase();
		expect(w.changed()).toBe(0);
	});

	it('does not flag reads, lookups or a value put back as it was', () => {
		const w = watchObjects(setup, names);
		python("x = d['a']; y = g[(2, 3)]; z = list(l); 'x' in s; m.get('b')\nfor _ in range(100): d.get('a')");
		python("d['a'] = o2; d['a'] = o1");
		expect(w.changed()).toBe(0);
	});

	it('closes the layout reader once watching starts', () => {
		const w = watchObjects(setup, names);
		expect(() => w.read(python('id(d)') as number, 'dict')).toThrow(/layout check is over/);
	});
});

describe('the Python harness with the heap watch', () => {
	let harness: PyProxy & { watch?: unknown; run(...a: unknown[]): PyProxy };
	const run = (program: string) => {
		const r = harness.run(program, null, 1, 4096);
		const out = (r as unknown as { toJs(o: object): Record<string, unknown> }).toJs({
			dict_converter: Object.fromEntries,
		});
		r.destroy();
		return out;
	};

	beforeAll(() => {
		py.FS.writeFile(
			'/lib/python3.14/site-packages/benchtop_harness.py',
			readFileSync(new URL('../../runtimes/python/harness.py', import.meta.url), 'utf8'),
		);
		const make = (py.pyimport('benchtop_harness') as PyProxy & { Harness: (w: HeapWatch) => PyProxy })
			.Harness;
		harness = make(heapWatch(heap)) as typeof harness;
	});

	it("accepts this Pyodide's layout (else every restore takes the slow path)", () => {
		expect(harness.watch).toBeDefined();
	});

	it('puts back containers of every kind a sample changed', () => {
		const poison = run(`
import sys, re, keyword, string, copyreg, copy
sys.path.insert(0, '/poison')
copy._atomic_types.add(list)
keyword.kwlist.append('poison')
copyreg.dispatch_table[range] = len
sys.builtin_module_names
string.ascii_letters
re.sub('a', 'b', 'aaa')
`);
		expect(poison.status).toBe('passed');
		const victim = run(`
import sys, keyword, copyreg, copy
a = [[1]]
assert copy.deepcopy(a)[0] is not a[0]
assert '/poison' not in sys.path
assert 'poison' not in keyword.kwlist
assert range not in copyreg.dispatch_table
`);
		expect(victim.message ?? 'passed').toBe('passed');
		expect(victim.status).toBe('passed');
	});

	it('reports a patched module and restores it', () => {
		const poison = run('import math\nmath.floor = lambda x: 0');
		expect(poison).toMatchObject({ status: 'failed', kind: 'harness-tampered' });
		expect(poison.message).toContain('math.floor');
		expect(run('import math\nassert math.floor(2.5) == 2').status).toBe('passed');
	});
});
