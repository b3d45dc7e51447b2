// Prompt templates. Each has a name and a version that go into the run record, and builds the exact
// text (or chat messages) sent to the model — the UI shows it before anything is sent.
import type { Benchmark, Problem } from '../benchmarks/types';
import type { Language } from '../core/ids';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

/** What goes to the model for one problem. */
export type Prompt =
	| { mode: 'completion'; text: string; stop: string[] }
	| { mode: 'chat'; messages: ChatMessage[]; stop: string[]; /** prepended to the reply */ prefix?: string };

export interface Template {
	name: string;
	version: number;
	description: string;
	/** Which benchmarks it fits: a composition style, or any. */
	fits: (bench: Pick<Benchmark, 'composition'>) => boolean;
	build: (
		bench: Pick<Benchmark, 'composition' | 'language' | 'dialect' | 'stop'>,
		problem: Problem,
	) => Prompt;
}

const FENCES: Record<Language, string> = { python: 'python', javascript: 'javascript', lua: 'lua' };
const NAMES: Record<Language, string> = { python: 'Python', javascript: 'JavaScript', lua: 'Lua' };
type Lang = Pick<Benchmark, 'language' | 'dialect'>;
const FENCE = (b: Lang) => (b.dialect === 'typescript' ? 'typescript' : FENCES[b.language]);
const NAME = (b: Lang) => (b.dialect === 'typescript' ? 'TypeScript' : NAMES[b.language]);

/** A chat prompt of one user message. */
const ask = (content: string): Prompt => ({ mode: 'chat', stop: [], messages: [{ role: 'user', content }] });

/** The benchmark prompt as-is, cut at the benchmark's own stop sequences (base models). */
export const completion: Template = {
	name: 'completion',
	version: 1,
	description: "The benchmark prompt as-is; the model continues it. Stops at the benchmark's stop sequences.",
	fits: (b) =>
		b.composition === 'human-eval' || b.composition === 'multipl-e' || b.composition === 'evalplus',
	build: (b, p) => ({ mode: 'completion', text: p.prompt, stop: b.stop }),
};

/** Instruct models: complete the function, answer in one fenced block. */
export const instruct: Template = {
	name: 'instruct',
	version: 1,
	description: 'Asks an instruct model to complete the function and answer with one fenced code block.',
	fits: (b) =>
		b.composition === 'human-eval' || b.composition === 'multipl-e' || b.composition === 'evalplus',
	build: (b, p) =>
		ask(
			`Complete the following ${NAME(b)} function. Reply with the complete function ` +
				`in a single \`\`\`${FENCE(b)} code block.\n\n` +
				'```' +
				FENCE(b) +
				'\n' +
				p.prompt.trimEnd() +
				'\n```',
		),
};

/** MBPP's standard few-shot-free prompt (Austin et al. 2021): the task, its tests, then [BEGIN]. */
export const mbpp: Template = {
	name: 'mbpp',
	version: 1,
	description: "MBPP's standard prompt: the task and its tests, then [BEGIN]; stops at [DONE].",
	fits: (b) => b.composition === 'mbpp',
	build: (_b, p) => ({
		mode: 'completion',
		text:
			`You are an expert Python programmer, and here is your task: ${p.prompt} ` +
			`Your code should pass these tests:\n\n${p.tests.trim()}\n[BEGIN]\n`,
		stop: ['[DONE]'],
	}),
};

/** MBPP for instruct models: the task and its tests, answer in a fenced block. */
const mbppInstruct: Template = {
	name: 'mbpp-instruct',
	version: 1,
	description: 'MBPP for instruct models: the task and its tests; answer in one fenced code block.',
	fits: (b) => b.composition === 'mbpp',
	build: (b, p) =>
		ask(
			`${p.prompt}\nYour code should pass these tests:\n\n${p.tests.trim()}\n\n` +
				`Reply with the ${NAME(b)} code in a single \`\`\`${FENCE(b)} code block.`,
		),
};

/** CodeEval-Pro's instruction (eval/utils.py map_humaneval_pro_problem, the same for MBPP Pro). */
const selfInvokingInstruction = (p: Problem) =>
	'Write a solution of python file to the following problems, the solution of the second problem ' +
	'requires single or multiple calls to the first solution.\n```python\n' +
	`${p.prompt.trim()}\n${(p.followUp ?? '').trim()}\n\`\`\``;

/** HumanEval Pro / MBPP Pro as the paper prompts (eval/inference.py): its PROMPT_WRAPPER, the
 * response opened with the first problem's code; the completion is cut at the closing fence. */
export const selfInvoking: Template = {
	name: 'self-invoking',
	version: 1,
	description:
		"CodeEval-Pro's prompt: both problems in the instruction, the answer opened with the first; stops at ```.",
	fits: (b) => b.composition === 'self-invoking',
	build: (_b, p) => ({
		mode: 'completion',
		text:
			'You are an exceptionally intelligent coding assistant that consistently delivers accurate and ' +
			'reliable responses to user instructions.\n@@ Instruction\n' +
			selfInvokingInstruction(p) +
			'\n\n@@ Response\n```python\n' +
			p.prompt.trim() +
			'\n',
		stop: ['```'],
	}),
};

/** The same for chat models (eval/run_api.py asks with the instruction alone). */
const selfInvokingChat: Template = {
	name: 'self-invoking-chat',
	version: 1,
	description: "CodeEval-Pro's instruction for chat models: both problems; the answer's code block is run.",
	fits: (b) => b.composition === 'self-invoking',
	build: (_b, p) => ask(selfInvokingInstruction(p)),
};

/** CRUXEval's direct prompts (prompts.py make_direct_output_prompt / make_direct_input_prompt):
 * two worked examples, then the function; the answer ends at [/ANSWER]. */
const cruxOutputText = (p: Problem) =>
	'You are given a Python function and an assertion containing an input to the function. Complete the assertion with a literal (no unsimplified expressions, no function calls) containing the output when executing the provided code on the given input, even if the function is incorrect or incomplete. Do NOT output any extra information. Provide the full assertion with the correct output in [ANSWER] and [/ANSWER] tags, following the examples.\n\n' +
	'[PYTHON]\ndef f(n):\n    return n\nassert f(17) == ??\n[/PYTHON]\n[ANSWER]\nassert f(17) == 17\n[/ANSWER]\n\n' +
	'[PYTHON]\ndef f(s):\n    return s + "a"\nassert f("x9j") == ??\n[/PYTHON]\n[ANSWER]\nassert f("x9j") == "x9ja"\n[/ANSWER]\n\n' +
	`[PYTHON]\n${p.prompt}\nassert f(${p.cruxeval?.input ?? ''}) == ??\n[/PYTHON]\n[ANSWER]\n`;
const cruxInputText = (p: Problem) =>
	'You will be given a function f and an output in the form f(??) == output. Find any input such that executing f on the input leads to the given output. There may be multiple answers, but you should only output one. In [ANSWER] and [/ANSWER] tags, complete the assertion with one such input that will produce the output when executing the function.\n\n' +
	'[PYTHON]\ndef f(my_list):\n    count = 0\n    for i in my_list:\n        if len(i) % 2 == 0:\n            count += 1\n    return count\nassert f(??) == 3\n[/PYTHON]\n[ANSWER]\nassert f(["mq", "px", "zy"]) == 3\n[/ANSWER]\n\n' +
	'[PYTHON]\ndef f(s1, s2):\n    return s1 + s2\nassert f(??) == "banana"\n[/PYTHON]\n[ANSWER]\nassert f("ba", "nana") == "banana"\n[/ANSWER]\n\n' +
	`[PYTHON]\n${p.prompt}\nassert f(??) == ${p.cruxeval?.output ?? ''}\n[/PYTHON]\n[ANSWER]\n`;

const crux = (task: 'output' | 'input', chat: boolean): Template => {
	const text = task === 'output' ? cruxOutputText : cruxInputText;
	return {
		name: `cruxeval-${task}${chat ? '-chat' : ''}`,
		version: 1,
		description: chat
			? `CRUXEval's ${task}-prediction prompt as a chat message; the answer is read from its [ANSWER] tags.`
			: `CRUXEval's direct ${task}-prediction prompt (two examples); stops at [/ANSWER].`,
		fits: (b) => b.composition === `cruxeval-${task}`,
		build: (_b, p) => (chat ? ask(text(p)) : { mode: 'completion', text: text(p), stop: ['[/ANSWER]'] }),
	};
};
const CRUX = [crux('output', false), crux('output', true), crux('input', false), crux('input', true)];

/** ClassEval's holistic instruction (generation/inference_pipeline.py construct_prompt). */
const classevalInstruction = (p: Problem) =>
	`Please complete the class ${p.classeval?.className ?? ''} in the following code.\n${p.prompt}`;

/** ClassEval for instruct models as its pipeline prompts them: the instruction in its Alpaca-style
 * wrapper (inference_util.py generate_prompt, type 1); the code is read from the response. */
const classeval: Template = {
	name: 'classeval',
	version: 1,
	description:
		"ClassEval's holistic prompt: complete the class in the skeleton, in its instruction wrapper; the code is read from the response.",
	fits: (b) => b.composition === 'classeval',
	build: (_b, p) => ({
		mode: 'completion',
		text:
			'Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n' +
			`### Instruction:\n${classevalInstruction(p)}\n\n### Response:`,
		stop: [],
	}),
};

/** The same instruction as a chat message (its API path asks with the instruction alone). */
const classevalChat: Template = {
	name: 'classeval-chat',
	version: 1,
	description: "ClassEval's holistic instruction as a chat message; the reply's code block is run.",
	fits: (b) => b.composition === 'classeval',
	build: (_b, p) => ask(classevalInstruction(p)),
};

const TEMPLATES: readonly Template[] = [
	completion,
	instruct,
	mbpp,
	mbppInstruct,
	selfInvoking,
	selfInvokingChat,
	...CRUX,
	classeval,
	classevalChat,
];

/** The built-in templates' names: what a form, an embed parameter or `--template` may name. */
export const TEMPLATE_NAMES = [
	'completion',
	'instruct',
	'mbpp',
	'mbpp-instruct',
	'self-invoking',
	'self-invoking-chat',
	'cruxeval-output',
	'cruxeval-output-chat',
	'cruxeval-input',
	'cruxeval-input-chat',
	'classeval',
	'classeval-chat',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export const isTemplateName = (s: string): s is TemplateName =>
	(TEMPLATE_NAMES as readonly string[]).includes(s);

/** How a model takes its prompt: reference solutions need none, base models continue the prompt,
 * chat models are asked. */
export type PromptedAs = 'reference' | 'completion' | 'chat';

/** A user's own template: text with {prompt}, {tests} and {language} filled in per problem. */
export interface CustomTemplate {
	name: string;
	mode: 'completion' | 'chat';
	text: string;
	/** Chat: the start of the model's reply (e.g. "```python\n"). */
	prefix?: string;
	/** Completion: stop sequences; the benchmark's own when absent. */
	stop?: string[];
}

export function customTemplate(c: CustomTemplate): Template {
	const fill = (b: Lang, p: Problem) =>
		c.text.replaceAll('{prompt}', p.prompt).replaceAll('{tests}', p.tests).replaceAll('{language}', NAME(b));
	return {
		name: c.name,
		version: 1,
		description: 'Written by the user.',
		fits: () => true,
		build: (b, p) =>
			c.mode === 'completion'
				? { mode: 'completion', text: fill(b, p), stop: c.stop ?? b.stop }
				: {
						mode: 'chat',
						messages: [{ role: 'user', content: fill(b, p) }],
						stop: c.stop ?? [],
						...(c.prefix ? { prefix: c.prefix } : {}),
					},
	};
}

export function template(name: string): Template {
	const t = TEMPLATES.find((x) => x.name === name);
	if (!t) throw new Error(`unknown template "${name}" (known: ${TEMPLATES.map((x) => x.name).join(', ')})`);
	return t;
}

/** The one rule for a run's template: the one named (`auto` or none: not named), else the default for
 * the benchmark and how the model is prompted — chat models get the instruct forms, reference
 * solutions and base models the benchmark's own prompt. A named template must fit the benchmark. */
export function chooseTemplate(
	bench: Pick<Benchmark, 'id' | 'composition'>,
	model: PromptedAs,
	named?: string,
): Template {
	if (named && named !== 'auto') {
		const t = template(named);
		if (!t.fits(bench))
			throw new Error(`template "${t.name}" does not fit ${bench.id} (${bench.composition})`);
		return t;
	}
	const chat = model === 'chat';
	if (bench.composition === 'mbpp') return chat ? mbppInstruct : mbpp;
	if (bench.composition === 'self-invoking') return chat ? selfInvokingChat : selfInvoking;
	if (bench.composition === 'cruxeval-output') return CRUX[chat ? 1 : 0]!;
	if (bench.composition === 'cruxeval-input') return CRUX[chat ? 3 : 2]!;
	if (bench.composition === 'classeval') return chat ? classevalChat : classeval;
	return chat ? instruct : completion;
}

/** The exact text sent, for display: the prompt, or the chat messages one after another. */
export function promptText(p: Prompt): string {
	if (p.mode === 'completion') return p.text;
	return (
		p.messages.map((m) => `[${m.role}]\n${m.content}`).join('\n\n') +
		(p.prefix ? `\n\n[assistant]\n${p.prefix}` : '')
	);
}
