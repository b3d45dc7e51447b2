// Syntax highlighting with the design system's colours (theme.css .tok-*), one highlighter for
// CodeMirror's editors and for read-only code blocks (the program that ran, raw vs extracted).
// Loaded only with the code that needs it; the parsers are CodeMirror's own (lezer).
import { HighlightStyle, StreamLanguage, type Language as CmLanguage } from '@codemirror/language';
import { highlightCode, tags as t } from '@lezer/highlight';
import type { Language } from '../core/ids';

export const highlightStyle = HighlightStyle.define([
	{
		tag: [t.keyword, t.operatorKeyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword],
		class: 'tok-keyword',
	},
	{ tag: [t.string, t.special(t.string), t.regexp], class: 'tok-string' },
	{ tag: [t.number, t.bool, t.null, t.atom], class: 'tok-number' },
	{ tag: [t.comment, t.lineComment, t.blockComment, t.docString], class: 'tok-comment' },
	{
		tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))],
		class: 'tok-function',
	},
	{ tag: [t.className, t.typeName, t.self], class: 'tok-type' },
]);

export async function languageOf(language: Language): Promise<CmLanguage> {
	if (language === 'python') return (await import('@codemirror/lang-python')).pythonLanguage;
	if (language === 'javascript') return (await import('@codemirror/lang-javascript')).javascriptLanguage;
	return StreamLanguage.define((await import('@codemirror/legacy-modes/mode/lua')).lua);
}

/** Code as runs of text, each with the class of its token (empty for plain text). */
export async function highlight(code: string, language: Language): Promise<{ text: string; cls: string }[]> {
	const lang = await languageOf(language);
	const out: { text: string; cls: string }[] = [];
	highlightCode(
		code,
		lang.parser.parse(code),
		highlightStyle,
		(text, cls) => out.push({ text, cls }),
		() => out.push({ text: '\n', cls: '' }),
	);
	return out;
}
