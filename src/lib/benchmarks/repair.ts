// MultiPL-E's HumanEval JavaScript prompts lose the `//` on every docstring line after the first
// (e.g. HumanEval_12_longest), so the prompt is not JavaScript. Put it back on each line of the
// leading comment block, up to the `function` line the model continues.

export function repairJsPrompt(prompt: string): string {
	const lines = prompt.split('\n');
	const fn = lines.findIndex((l) => /^(async\s+)?function\b/.test(l));
	if (fn <= 0 || !lines[0]!.startsWith('//')) return prompt;
	for (let i = 1; i < fn; i++) if (!lines[i]!.startsWith('//')) lines[i] = '// ' + lines[i];
	return lines.join('\n');
}
