// What each bundled benchmark measures, in one line, for Set up's benchmark cards. By family: a
// translated set (MultiPL-E) says so after its family's line.
const FAMILY: [prefix: string, blurb: string][] = [
	[
		'cruxeval-o',
		'Read a short function and predict its output on an input: code reasoning, no writing (Meta, 2024).',
	],
	['cruxeval-i', 'Read a short function and find an input that gives the output shown (Meta, 2024).'],
	[
		'humaneval-pro',
		'Self-invoking code: solve a HumanEval problem, then a harder one that must call it (2024).',
	],
	['mbpp-pro', 'Self-invoking code: solve an MBPP task, then a harder one that must call it (2024).'],
	[
		'humaneval+',
		"HumanEval with ~80× more test inputs each: EvalPlus's stricter score, beside the base one (2023).",
	],
	['mbpp+', "MBPP's hand-checked tasks with ~35× more test inputs: EvalPlus's stricter score (2023)."],
	['humaneval', 'Write a function from its signature and docstring; hidden unit tests (OpenAI, 2021).'],
	['mbpp-sanitized', 'Short entry-level tasks from a description, the hand-checked subset (Google, 2021).'],
	['mbpp', 'Short entry-level tasks from a one-line description and three asserts (Google, 2021).'],
	['classroom', 'Warm-ups for a class: FizzBuzz to simple recursion and strings, each with a worked answer.'],
];

export function blurbOf(id: string, language: string): string {
	const family = FAMILY.find(([p]) => id === p || id.startsWith(`${p}-`))?.[1] ?? '';
	const variant = id.endsWith('-mini')
		? ' Mini: a small input set chosen to keep the verdicts.'
		: id.endsWith('-noextreme')
			? ' Without the extreme inputs.'
			: '';
	const translated = language !== 'python' && !id.startsWith('classroom');
	const typeChecked =
		language === 'typescript' ? ' Type-checked with tsc first: a type error fails the sample.' : '';
	return translated ? `${family} Translated to ${language} by MultiPL-E.${typeChecked}` : family + variant;
}
