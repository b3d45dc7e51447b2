// Real parsers for the shipped prompts and tests (acorn for JavaScript, luaparse for Lua): a prompt
// that does not parse would make every sample fail for a reason that is not the model's.
import { messageOf } from '../core/errors';
import { parse as parseJs } from 'acorn';
import { parse as parseLua } from 'luaparse';
import type { Language } from '../core/ids';

/** The parse error's message, or null if `code` parses. Python is not checked here. */
export function syntaxError(language: Language, code: string): string | null {
	try {
		if (language === 'javascript')
			parseJs(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });
		else if (language === 'lua') parseLua(code, { luaVersion: '5.3' });
		return null;
	} catch (e) {
		return messageOf(e);
	}
}

/** A prompt ends inside the function the model writes; close it to check the prompt alone. */
export function closeFunction(language: Language, prompt: string): string {
	return language === 'javascript'
		? prompt + '}\n'
		: language === 'lua'
			? prompt + 'end\n'
			: prompt + '    pass\n';
}
