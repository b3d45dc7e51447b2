// Inline problems written in a page's HTML as <benchtop-problem> elements, read as text (never as
// markup or script) for the custom element.

/** Code written inside HTML is indented with the markup. The prompt's indentation is taken off every
 * part of the problem, so a reference body keeps its indentation relative to the prompt. */
export function dedent(text: string, indent: string): string {
	const lines = text
		.replace(/^[ \t]*\n/, '')
		.replace(/\s+$/, '')
		.split('\n');
	return lines.map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart())).join('\n') + '\n';
}

/** The whitespace every non-blank line of `text` starts with. */
export function commonIndent(text: string): string {
	const indents = text
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => /^[ \t]*/.exec(l)![0]);
	let common = indents[0] ?? '';
	for (const i of indents) while (!i.startsWith(common)) common = common.slice(0, -1);
	return common;
}

export function problemsOf(el: Element): string | undefined {
	const list = [...el.querySelectorAll('benchtop-problem')].map((p) => {
		const text = (name: string) => p.querySelector(`script[data-part="${name}"]`)?.textContent ?? undefined;
		const indent = commonIndent(text('prompt') ?? '');
		const part = (name: string) => {
			const t = text(name);
			return t === undefined ? undefined : dedent(t, indent);
		};
		return {
			name: p.getAttribute('name') ?? '',
			prompt: part('prompt'),
			tests: part('tests'),
			reference: part('reference'),
		};
	});
	return list.length ? JSON.stringify(list) : undefined;
}
