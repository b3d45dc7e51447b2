// From model text to the code that runs. Completion mode: cut at the first stop sequence. Chat mode:
// drop <think> blocks, take the fenced block(s) in the benchmark's language (or the code among the
// prose), and if the model re-wrote the whole function, run its function instead of the prompt's —
// never both. The raw text is always kept beside the result.
import type { Language } from '../core/ids';
import { syntaxError } from '../benchmarks/syntax';
import type { Prompt } from '../prompts/templates';

export interface Extracted {
	code: string;
	/** True when `code` is a whole solution (it defines the function), so the prompt is not prepended. */
	full: boolean;
	/** How the code was found, for the drill-down view. */
	how: string;
}

export interface ExtractContext {
	language: Language;
	prompt: Prompt;
	/** The benchmark prompt (the start of the function, for continuing styles). */
	problemPrompt: string;
	/** The function the tests call, if known. */
	entryPoint?: string;
	/** MBPP-style: the code is the whole program anyway. */
	wholeProgram: boolean;
}

const ALIASES: Record<Language, string[]> = {
	python: ['python', 'py', 'python3', 'py3'],
	// TypeScript's names too: MultiPL-E's TypeScript benchmark is JavaScript after a type check.
	javascript: ['javascript', 'js', 'node', 'nodejs', 'jsx', 'mjs', 'cjs', 'typescript', 'ts', 'tsx'],
	lua: ['lua'],
};

/** Cuts at the earliest stop sequence (as the OpenAI API and the reference harnesses do). */
export function truncateAtStop(text: string, stop: readonly string[]): string {
	let end = text.length;
	for (const s of stop) {
		const i = s ? text.indexOf(s) : -1;
		if (i >= 0 && i < end) end = i;
	}
	return text.slice(0, end);
}

/** Removes reasoning: closed <think> blocks, and an unclosed one up to the end. */
export function stripThinking(text: string): string {
	return text.replace(/<think>[\s\S]*?(<\/think>|$)/g, '').replace(/^[\s\S]*?<\/think>/, '');
}

interface Block {
	lang: string;
	code: string;
}

/** Fenced blocks, including a last one the token limit cut before its closing fence. */
export function fencedBlocks(text: string): Block[] {
	const out: Block[] = [];
	const re = /(^|\n)[ \t]*(`{3,}|~{3,})[ \t]*([\w+#.-]*)[^\n]*\n([\s\S]*?)(?:\n[ \t]*\2[ \t]*(?=\n|$)|$)/g;
	for (let m = re.exec(text); m; m = re.exec(text)) out.push({ lang: m[3]!.toLowerCase(), code: m[4]! });
	return out;
}

const ANY_DEFINITION: Record<Language, RegExp> = {
	python: /^[ \t]*(async[ \t]+)?(def|class)[ \t]/m,
	javascript: /function[\s*]|(const|let|var)\s+[\w$]+\s*=\s*(\(|function|[\w$]+\s*=>)/,
	lua: /function[\s(]/,
};

/** Does `code` define the named function (so it is a whole solution)? */
function definesFunction(language: Language, code: string, name: string): boolean {
	const n = name.replace(/[$]/g, '\\$');
	const re =
		language === 'python'
			? new RegExp(`^[ \\t]*(async[ \\t]+)?def[ \\t]+${n}[ \\t]*\\(`, 'm')
			: language === 'javascript'
				? new RegExp(`(function\\*?\\s+${n}\\s*\\(|(const|let|var)\\s+${n}\\s*=)`)
				: new RegExp(`function\\s+${n}\\s*\\(|(^|\\n)\\s*(local\\s+)?${n}\\s*=\\s*function`);
	return re.test(code);
}

/** The function a prompt opens (the tests' candidate) when the benchmark does not name it. */
export function openedFunction(language: Language, prompt: string): string | undefined {
	const re =
		language === 'python'
			? /^[ \t]*def[ \t]+(\w+)[ \t]*\(/gm
			: language === 'javascript'
				? /function\s+([\w$]+)\s*\(/g
				: /function\s+([\w.:]+)\s*\(/g;
	let last: string | undefined;
	for (let m = re.exec(prompt); m; m = re.exec(prompt)) last = m[1];
	return last;
}

/** Where code starts in unfenced prose: the first line that looks like a definition or import. */
function codeInProse(language: Language, text: string): string | undefined {
	const start =
		language === 'python'
			? /^(from\s+\S+\s+import|import\s|def\s|class\s|@)/m
			: language === 'javascript'
				? /^(function[\s*]|const\s|let\s|var\s|class\s|\/\/)/m
				: /^(local\s|function\s|--)/m;
	const m = start.exec(text);
	return m ? text.slice(m.index) : undefined;
}

/** The prompt before the function definition: imports and helper functions the solution may need. */
function promptHeader(language: Language, prompt: string, entry: string): string {
	const lines = prompt.split('\n');
	const at = lines.findIndex((l) => definesFunction(language, l, entry));
	return at > 0 ? lines.slice(0, at).join('\n') + '\n' : '';
}

/** A body written without the prompt's indentation (Python) or without the closing brace / end. */
function fitBody(ctx: ExtractContext, body: string): string {
	if (ctx.language === 'python') {
		const first = body.split('\n').find((l) => l.trim());
		return first && !/^[ \t]/.test(first) ? body.replace(/^(?=.)/gm, '    ') : body;
	}
	const closer = ctx.language === 'javascript' ? '}' : 'end';
	if (
		syntaxError(ctx.language, ctx.problemPrompt + body) &&
		!syntaxError(ctx.language, `${ctx.problemPrompt}${body}\n${closer}`)
	)
		return `${body}\n${closer}\n`;
	return body;
}

export function extract(raw: string, ctx: ExtractContext): Extracted {
	const stop = ctx.prompt.stop;
	if (ctx.prompt.mode === 'completion') {
		const code = truncateAtStop(raw, stop);
		return { code, full: false, how: code.length < raw.length ? 'cut at a stop sequence' : 'as generated' };
	}
	const text = stripThinking((ctx.prompt.prefix ?? '') + raw);
	const blocks = fencedBlocks(text);
	const mine = blocks.filter((b) => ALIASES[ctx.language].includes(b.lang));
	const candidates = mine.length ? mine : blocks.filter((b) => !b.lang);
	const entry = ctx.entryPoint ?? openedFunction(ctx.language, ctx.problemPrompt);
	let code: string;
	let how: string;
	if (candidates.length) {
		// With the function in one block, keep the blocks that define things (helpers) and drop usage
		// examples; otherwise the blocks are parts of one answer.
		const defining = entry && candidates.some((b) => definesFunction(ctx.language, b.code, entry));
		const used = defining ? candidates.filter((b) => ANY_DEFINITION[ctx.language].test(b.code)) : candidates;
		code = used.map((b) => b.code).join('\n\n');
		how =
			candidates.length === 1
				? 'one fenced block'
				: `${used.length} of ${candidates.length} fenced blocks${defining ? ' (definitions only)' : ''}`;
	} else {
		code = codeInProse(ctx.language, text) ?? text.trim();
		how = 'no fenced block: the code in the text';
	}
	if (!code.endsWith('\n')) code += '\n';
	if (ctx.wholeProgram) return { code, full: true, how };
	if (entry && definesFunction(ctx.language, code, entry))
		return {
			code: promptHeader(ctx.language, ctx.problemPrompt, entry) + code,
			full: true,
			how: `${how}; whole function`,
		};
	return { code: fitBody(ctx, code), full: false, how: `${how}; function body` };
}
