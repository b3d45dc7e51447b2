// Stop sequences that are part of each benchmark's definition. MultiPL-E ships its own per
// language in the prompt files; these are the Python ones.

/** human-eval / Codex paper (Chen et al. 2021). */
export const HUMAN_EVAL_STOP = ['\nclass', '\ndef', '\n#', '\nif', '\nprint'];

/** MBPP as bigcode-evaluation-harness runs it. */
export const MBPP_STOP = ['\nclass', '\nassert', '\n"""', '\nprint', '\nif', '\n<|/', '\n```'];

/** MultiPL-E's, for the languages Benchtop runs (as in its prompt files). */
export const MULTIPLE_STOP = {
	javascript: ['\nfunction ', '\n/*', '\n//', '\nconsole.log'],
	lua: ['\nlocal', '\nfunction', '\n--', '\n\n'],
};

/** EvalPlus's stops for direct completion (evalplus/provider/utility.py: EOS + the dataset's extra). */
export const EVALPLUS_STOP = {
	humaneval: [
		'\ndef ',
		'\nclass ',
		'\nimport ',
		'\nfrom ',
		'\nassert ',
		'\nif __name__',
		'\ndef main(',
		'\nprint(',
	],
	mbpp: ['\n"""', '\nassert', '\nif __name__', '\ndef main(', '\nprint('],
};
