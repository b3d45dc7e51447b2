// A program's shape with its spelling taken away: comments, docstrings, layout, quote styles and
// the names it chose itself are gone; keywords, library names (len, .append, math.sqrt), literals'
// values and the nesting of blocks stay. Two samples with the same shape are one solution written
// two ways. A small lexer per language: the grouping needs tokens, not a full parse.
import type { Language } from '../../core/ids';

const PY_KEYWORDS =
	'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case';
const JS_KEYWORDS =
	'break case catch class const continue debugger default delete do else export extends false finally for function if import in instanceof let new null of return static super switch this throw true try typeof undefined var void while with yield async await';
const LUA_KEYWORDS =
	'and break do else elseif end false for function goto if in local nil not or repeat return then true until while';
/** Names a language (or its usual library) gives: kept, since calling len or sorted is a choice. */
const PY_BUILTINS =
	'abs all any bin bool chr dict divmod enumerate filter float format frozenset hex int isinstance iter len list map max min next oct ord pow print range reversed round set sorted str sum tuple zip self';
const JS_BUILTINS =
	'Array Object String Number Math JSON Map Set BigInt Boolean parseInt parseFloat isNaN Infinity NaN console require module exports';
const LUA_BUILTINS = 'string table math ipairs pairs tostring tonumber type print select unpack error assert';

const words = (s: string) => new Set(s.split(' '));
const KEEP: Record<string, Set<string>> = {
	python: words(`${PY_KEYWORDS} ${PY_BUILTINS}`),
	javascript: words(`${JS_KEYWORDS} ${JS_BUILTINS}`),
	lua: words(`${LUA_KEYWORDS} ${LUA_BUILTINS}`),
};

/** Declarations that mean the same thing for a solution's shape. */
const SAME: Record<string, string> = { let: 'var', const: 'var' };

const LEXERS: Record<string, RegExp> = {
	python:
		/(#[^\n]*)|((?:[rRbBuUfF]{0,2})(?:'''[\s\S]*?'''|"""[\s\S]*?"""|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"))|(\d[\w.]*(?:[eE][+-]?\d+)?|\.\d+)|([A-Za-z_]\w*)|(\n[ \t]*)|([ \t\f\r]+|\\\n)|(\*\*=?|\/\/=?|[<>=!]=|->|:=|<<|>>|[-+*/%&|^@]=|.)/g,
	javascript:
		/(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`)|(\d[\w.]*(?:[eE][+-]?\d+)?|\.\d+)|([A-Za-z_$][\w$]*)|(\n[ \t]*)|(\s+)|(===|!==|\*\*=?|=>|\.\.\.|[<>=!]=|&&|\|\||\?\?|[-+*/%&|^]=|\+\+|--|.)/g,
	lua: /(--\[(=*)\[[\s\S]*?\]\2\]|--[^\n]*)|(\[(=*)\[[\s\S]*?\]\4\]|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")|(\d[\w.]*(?:[eE][+-]?\d+)?|\.\d+)|([A-Za-z_]\w*)|(\n[ \t]*)|(\s+)|(\.\.\.|\.\.|==|~=|<=|>=|\/\/|::|.)/g,
};

interface Tok {
	kind: 'comment' | 'string' | 'number' | 'name' | 'newline' | 'space' | 'op';
	text: string;
}

function lex(code: string, language: Language): Tok[] {
	const re = new RegExp(LEXERS[language] ?? LEXERS.javascript!);
	const lua = language === 'lua';
	const toks: Tok[] = [];
	for (const m of code.matchAll(re)) {
		// Lua's regex has two extra groups (the long brackets' levels): map them away.
		const g = lua ? [m[1], m[3], m[5], m[6], m[7], m[8], m[9]] : m.slice(1, 8);
		const kinds = ['comment', 'string', 'number', 'name', 'newline', 'space', 'op'] as const;
		const i = g.findIndex((x) => x !== undefined);
		if (i >= 0) toks.push({ kind: kinds[i]!, text: g[i]! });
	}
	return toks;
}

/** A string literal's value, whatever its quotes. */
function valueOf(text: string): string {
	const body = text.replace(/^[rRbBuUfF]{0,2}/, '');
	for (const q of ['"""', "'''", '[[', '"', "'", '`'])
		if (body.startsWith(q)) return body.slice(q.length, body.length - (q === '[[' ? 2 : q.length));
	return body;
}

/** The shape: one string, equal for two samples that differ only in spelling. */
export function shapeOf(code: string, language: Language): string {
	const keep = KEEP[language] ?? KEEP.javascript!;
	const names = new Map<string, string>();
	const out: string[] = [];
	const indents = [0];
	let depth = 0;
	let lineStart = true;
	// A leading newline makes the first line's indentation a level like any other's.
	const toks = lex(language === 'python' ? `\n${code}` : code, language);
	for (let i = 0; i < toks.length; i++) {
		const t = toks[i]!;
		if (t.kind === 'comment' || t.kind === 'space') continue;
		if (t.kind === 'newline') {
			if (language !== 'python' || depth > 0) continue;
			// Python's blocks are its indentation: levels become INDENT / DEDENT, blank lines nothing.
			const next = toks.slice(i + 1).find((x) => x.kind !== 'space');
			if (!next || next.kind === 'newline' || next.kind === 'comment') continue;
			const width = t.text.length - 1;
			if (!lineStart) out.push('NL');
			if (width > indents.at(-1)!) {
				indents.push(width);
				out.push('INDENT');
			}
			while (width < indents.at(-1)!) {
				indents.pop();
				out.push('DEDENT');
			}
			lineStart = true;
			continue;
		}
		const prev = out.at(-1);
		if (t.kind === 'string') {
			// A string standing alone as a statement is a docstring (Python) or a directive: no shape.
			const after = toks.slice(i + 1).find((x) => x.kind !== 'space' && x.kind !== 'comment');
			if (language === 'python' && lineStart && (!after || after.kind === 'newline')) continue;
			out.push(`S${JSON.stringify(valueOf(t.text))}`);
		} else if (t.kind === 'number') {
			const v = Number(t.text.replace(/_/g, ''));
			out.push(`N${Number.isNaN(v) ? t.text : v}`);
		} else if (t.kind === 'name') {
			// An attribute (x.append, math.sqrt) is the library's name, not the sample's.
			if (keep.has(t.text) || prev === '.' || (language === 'lua' && prev === ':'))
				out.push(SAME[t.text] ?? t.text);
			else {
				if (!names.has(t.text)) names.set(t.text, `v${names.size}`);
				out.push(names.get(t.text)!);
			}
		} else {
			if ('([{'.includes(t.text)) depth++;
			else if (')]}'.includes(t.text)) depth = Math.max(0, depth - 1);
			// Semicolons are optional in JavaScript and Lua; a trailing comma changes nothing.
			if (t.text === ';' && language !== 'python') continue;
			if (t.text === ',' && i + 1 < toks.length && /^[)\]}]$/.test(nextOp(toks, i) ?? '')) continue;
			out.push(t.text);
		}
		lineStart = false;
	}
	for (let i = 1; i < indents.length; i++) out.push('DEDENT');
	return out.join(' ');
}

const nextOp = (toks: Tok[], i: number) =>
	toks.slice(i + 1).find((x) => x.kind !== 'space' && x.kind !== 'newline' && x.kind !== 'comment')?.text;
