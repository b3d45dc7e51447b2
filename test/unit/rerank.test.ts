// Reranking by model-written tests: CodeT (both forms), B4, MaxPass and random on small pass matrices
// worked out by hand — including one where the rankers disagree — and the tie and round-robin rules
// of CodeT's official reranked pass@k. B4's log posteriors were computed from its strategy.py formula
// with Python's math.lgamma (scipy.special.betaln is lgamma(a) + lgamma(b) − lgamma(a + b)).
import { describe, expect, it } from 'vitest';
import {
	b4,
	codet,
	lnGamma,
	maxPass,
	rerankedPassAtK,
	topPicks,
	type PassMatrix,
} from '../../src/lib/scoring/rerank';
import { parseRunFile, toRunFile } from '../../src/lib/formats/run-file';
import { extractTests, testSet } from '../../src/lib/extraction/tests';
import type { RunMeta, SampleRecord, TestSetRecord } from '../../src/lib/run/spec';

const rows = (...layouts: string[]) => layouts.map((l) => [...l].map((c) => c === '1'));

// s0, s1 are correct and pass the three right tests t0–t2. s2–s4 are wrong and agree on the wrong
// test t3, which five of the model's generations wrote. s5 is wrong and passes nothing.
const M: PassMatrix = {
	rows: rows('1110', '1110', '1001', '1001', '1001', '0000'),
	weights: [1, 1, 1, 5],
};
const correctM = [true, true, false, false, false, false];

describe('rankers on a matrix where they disagree', () => {
	it('CodeT counts the repeated wrong test five times and picks the wrong consensus', () => {
		// {s0,s1}: 3 tests × √2 = 4.243; {s2,s3,s4}: (1 + 5) × √3 = 10.392; s5 passes nothing: no set
		const g = codet(M);
		expect(g.map((x) => x.members)).toEqual([
			[2, 3, 4],
			[0, 1],
		]);
		expect(g[0]!.score).toBeCloseTo(6 * Math.sqrt(3), 12);
		expect(g[1]!.score).toBeCloseTo(3 * Math.sqrt(2), 12);
		expect(rerankedPassAtK(g, correctM, 1)).toBe(0);
		// two sets, two picks: the right one is the second
		expect(rerankedPassAtK(g, correctM, 2)).toBe(1);
		expect(topPicks(g)).toEqual([2, 3, 4]);
	});

	it('B4 sees each test once and picks the right samples', () => {
		const g = b4(M);
		expect(g.map((x) => x.members)).toEqual([[0, 1], [2, 3, 4], [5]]);
		expect(g[0]!.score).toBeCloseTo(-88.21235457140475, 9);
		expect(g[1]!.score).toBeCloseTo(-93.42593090927645, 9);
		expect(g[2]!.score).toBeCloseTo(-167.81609887981267, 9);
		expect(rerankedPassAtK(g, correctM, 1)).toBe(1);
	});

	it('MaxPass picks the samples passing most tests; random is plain pass@k', () => {
		const g = maxPass(M);
		expect(g.map((x) => [x.score, x.members])).toEqual([
			[3, [0, 1]],
			[2, [2, 3, 4]],
			[0, [5]],
		]);
		expect(rerankedPassAtK(g, correctM, 1)).toBe(1);
		// with no groups a ranker knows nothing: 2 of 6 correct
		expect(rerankedPassAtK([], correctM, 1)).toBeCloseTo(2 / 6, 15);
	});

	it("CodeT's two forms disagree when a big set passes fewer tests", () => {
		// {s0,s1} pass 3 tests, {s2..s5} pass 2: code 3√2 = 4.24 > 2√4 = 4; paper 3 × 2 = 6 < 2 × 4 = 8
		const m: PassMatrix = {
			rows: rows('1110', '1110', '1001', '1001', '1001', '1001'),
			weights: [1, 1, 1, 1],
		};
		const correct = [true, true, false, false, false, false];
		expect(topPicks(codet(m, 'code'))).toEqual([0, 1]);
		expect(topPicks(codet(m, 'paper'))).toEqual([2, 3, 4, 5]);
		expect(rerankedPassAtK(codet(m, 'code'), correct, 1)).toBe(1);
		expect(rerankedPassAtK(codet(m, 'paper'), correct, 1)).toBe(0);
		// B4 on this one: the bigger group, log posterior −86.360 against −96.847
		expect(b4(m)[0]!.score).toBeCloseTo(-86.36002974136939, 9);
		expect(topPicks(b4(m))).toEqual([2, 3, 4, 5]);
	});
});

describe("CodeT's reranked pass@k rules", () => {
	it('groups of equal score merge: one pick among their samples', () => {
		// s0 (right) and s1 (wrong) each pass two different tests: 2 × √1 each
		const g = codet({ rows: rows('1100', '0011', '0000'), weights: [1, 1, 1, 1] });
		expect(g.map((x) => x.score)).toEqual([2, 2]);
		expect(rerankedPassAtK(g, [true, false, false], 1)).toBe(0.5);
		expect(topPicks(g)).toEqual([0, 1]);
	});

	it('fewer groups than k: the extra picks go round the groups from the top, with replacement', () => {
		// one group {s0 right, s1 wrong, s2 wrong}: k = 2 picks it twice — 1 − (2/3)²
		const g = [{ members: [0, 1, 2], score: 1 }];
		expect(rerankedPassAtK(g, [true, false, false], 2)).toBeCloseTo(1 - (2 / 3) ** 2, 15);
		// two groups, k = 3: the first twice, the second once
		const two = [
			{ members: [0, 1], score: 2 },
			{ members: [2], score: 1 },
		];
		expect(rerankedPassAtK(two, [true, false, false], 3)).toBeCloseTo(1 - 0.5 ** 2, 15);
	});
});

describe('ln Γ', () => {
	it("matches Python's math.lgamma", () => {
		for (const [x, v] of [
			[0.5, 0.5723649429247004],
			[1, 0],
			[10, 12.801827480081467],
			[1003, 5925.946686549123],
			[10004.5, 82141.16481551129],
		] as const)
			expect(Math.abs(lnGamma(x) - v)).toBeLessThan(1e-9 * Math.max(1, Math.abs(v)));
	});
});

describe('a reranking run in a run file', () => {
	const meta = {
		id: 'r',
		name: 'n',
		created: 0,
		status: 'done',
		spec: { benchmark: { id: 'b', hash: 'h' }, taskIds: ['T/1'], n: 1, ks: [1] },
	} as unknown as RunMeta;
	const sample = {
		taskId: 'T/1',
		index: 0,
		code: 'x',
		raw: 'x',
		result: { status: 'passed' },
		testRow: [true],
	};
	const set = {
		runId: 'r',
		taskId: 'T/1',
		index: 0,
		answers: [],
		tests: [{ text: 'assert f(1) == 1', weight: 2 }],
		reference: [true],
	} as unknown as TestSetRecord;

	it('carries the generated tests beside the samples', () => {
		const back = parseRunFile(toRunFile(meta, [sample as unknown as SampleRecord], [set]), 'run.json');
		expect(back.tests).toEqual([set]);
		expect(back.samples[0]!.testRow).toEqual([true]);
	});

	it('names the file and field of a malformed test set', () => {
		const doc = JSON.parse(toRunFile(meta, [], [set]));
		doc.tests[0].tests = [{ text: 1 }];
		expect(() => parseRunFile(JSON.stringify(doc), 'run.json')).toThrow(/run\.json.*tests\[0\]\.tests/);
		doc.tests[0].taskId = 'T/9';
		expect(() => parseRunFile(JSON.stringify(doc), 'run.json')).toThrow(
			/tests\[0\]\.taskId.*"T\/9" is not one of the run's problems/,
		);
	});
});

describe("tests taken from a model's answer", () => {
	// Expected lists are what CodeT's own postprocess.py (PostProcessor.test_case_extract) returns for
	// the same texts, run with Python 3.11 on a copy of its file.
	it("Python as CodeT's postprocess: split at assert, keep those naming the function, cut at its stops", () => {
		const a =
			'3) == "Fizz"\nassert fizzbuzz(5) == "Buzz"\n# more\nassert fizzbuzz(15) == "FizzBuzz"\nassert other(1) == 2\n' +
			'def helper():\n    pass\nassert fizzbuzz(7) == "7"\nassert fizzbuzz(9) == "Fizz"\nassert fizzbuzz(10) == "Buzz"\nassert fizzbuzz(';
		expect(extractTests('python', a, 'fizzbuzz', 'assert ')).toEqual([
			'assert fizzbuzz(5) == "Buzz"',
			'assert fizzbuzz(15) == "FizzBuzz"',
			'assert fizzbuzz(7) == "7"',
			'assert fizzbuzz(9) == "Fizz"',
			'assert fizzbuzz(10) == "Buzz"',
		]);
		const b =
			'fizzbuzz(1) == "1"\nif True:\n    assert fizzbuzz(2) == "2"\nprint(fizzbuzz(3))\nassert fizzbuzz(\n    6) == "Fizz"';
		expect(extractTests('python', b, 'fizzbuzz', 'assert ')).toEqual([
			'assert fizzbuzz(1) == "1"',
			'assert fizzbuzz(2) == "2"',
			'assert fizzbuzz(\n    6) == "Fizz"',
		]);
	});

	it('chat answers: the code blocks; JavaScript and Lua: the assertion lines that call the function', () => {
		expect(
			extractTests('python', 'Tests:\n```python\nassert f(1) == 2\nassert g(1) == 1\n```\nDone.', 'f'),
		).toEqual(['assert f(1) == 2']);
		expect(
			extractTests(
				'javascript',
				'```js\nassert.deepEqual(f(1), 2);\nconsole.log(f(1));\nassert(f(2) === 3);\n```',
				'f',
			),
		).toEqual(['assert.deepEqual(f(1), 2);', 'assert(f(2) === 3);']);
		// a line that does not parse is dropped before the first five are taken
		const js = [
			'assert.deepEqual(f(',
			...[1, 2, 3, 4, 5].map((i) => `assert.deepEqual(f(${i}), ${i});`),
		].join('\n');
		expect(extractTests('javascript', js, 'f')).toEqual(
			[1, 2, 3, 4, 5].map((i) => `assert.deepEqual(f(${i}), ${i});`),
		);
		expect(
			extractTests(
				'lua',
				'{1, 2}), 3)\nlu.assertEquals(f([2]), 2)\nlu.assertEquals(f({2}), 2)',
				'f',
				'lu.assertEquals(f(',
			),
		).toEqual(['lu.assertEquals(f({1, 2}), 3)', 'lu.assertEquals(f({2}), 2)']);
	});

	it('each distinct test once, weighted by how many answers wrote it, in the order first written', () => {
		expect(testSet([['a', 'b'], ['b'], ['c', 'a', 'a']])).toEqual([
			{ text: 'a', weight: 3 },
			{ text: 'b', weight: 2 },
			{ text: 'c', weight: 1 },
		]);
	});
});
