// What went wrong loading or running a GGUF model with wllama, in words, with what to do next.
// wllama reports llama.cpp's own messages (and the browser's, for downloads); these rules sort them.
import { messageOf } from '../../core/errors';
import { GenerationError } from '../types';
import { GgufError } from './header';

const SMALLER = 'Pick a smaller model or a smaller quantisation (Q4_K_M), and close other heavy tabs.';

const RULES: [RegExp, GenerationError['kind'], string, string][] = [
	[
		/unknown (model )?architecture|unsupported (model )?architecture/i,
		'model',
		"llama.cpp in the page does not support this model's architecture",
		'Pick a model from the catalog, or a GGUF of a supported architecture (llama, qwen2, qwen3, starcoder2, …).',
	],
	[
		/invalid ggml type|unknown type|unsupported (tensor )?type|tensor .* has (wrong|invalid) type/i,
		'model',
		"llama.cpp in the page cannot read this file's quantisation",
		'Use a common quantisation (Q4_K_M, Q8_0, F16) of the model.',
	],
	[
		/Array buffer allocation failed|Invalid typed array length|ArrayBuffer|too large|exceeds.*2 ?GB/i,
		'memory',
		'The file is too big for one browser buffer',
		'Use a model split into files under 2 GB (llama-gguf-split --split-max-size 1G) and pick all of its parts.',
	],
	[
		/out of memory|\bOOM\b|Cannot enlarge memory|Aborted\(\)|memory access out of bounds|failed to allocate|bad_alloc/i,
		'memory',
		'The page ran out of memory loading or running the model',
		SMALLER,
	],
	[
		/quota|QuotaExceeded|no space/i,
		'quota',
		'The browser has no room left to store the model',
		'Delete cached models (Models → delete) or free disk space, then try again.',
	],
	[
		/context (size|length|window)|exceeds the available context|kv_cache_full|n_ctx/i,
		'context',
		"The prompt does not fit the model's context window",
		'Pick shorter problems or lower max tokens.',
	],
	[
		/failed to fetch|networkerror|cors|access-control/i,
		'cors',
		'The model URL could not be fetched from this page',
		"The server must allow this page's origin (CORS) — Hugging Face resolve links do. Check the link, or download the file and pick it from disk.",
	],
	[
		/download|status(: | code )?[45]\d\d|\b40[34]\b|not found|aborted|incomplete|Content-Length/i,
		'network',
		'The model download failed or stopped part-way',
		'Try again: finished parts are kept in the browser cache, so the download resumes where it stopped.',
	],
];

export function mapWllamaError(e: unknown): GenerationError {
	if (e instanceof GenerationError) return e;
	if (e instanceof GgufError)
		return new GenerationError(e.message, 'Pick a .gguf model file (llama.cpp format).', 'model');
	const text = messageOf(e);
	for (const [re, kind, what, action] of RULES)
		if (re.test(text)) return new GenerationError(`${what}: ${text}`, action, kind);
	return new GenerationError(
		`the GGUF engine (wllama) failed: ${text}`,
		'Reload the page and try again; if it persists, pick another model.',
		'other',
	);
}
