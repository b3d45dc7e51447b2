// web-llm's errors cross the worker boundary as strings; this turns them into what happened and
// what to do about it.
import { messageOf } from '../../core/errors';
import { GenerationError } from '../types';

const RULES: [RegExp, GenerationError['kind'], string, string][] = [
	[
		/device (was )?lost|out of memory|\bOOM\b|allocation failed|createBuffer/i,
		'memory',
		'The GPU ran out of memory',
		'Pick a smaller model, lower max tokens, or close other GPU-heavy tabs.',
	],
	[
		/quota|QuotaExceeded|no space/i,
		'quota',
		'The browser has no room left to store the model',
		'Delete cached models (Models → delete) or free disk space, then try again.',
	],
	[
		/prompt tokens exceed|context window|context_window_size/i,
		'context',
		"The prompt does not fit the model's context window",
		'Pick fewer or shorter problems, lower max tokens, or a model with a longer context.',
	],
	[/shader-f16/i, 'gpu', 'This GPU cannot run f16 models', 'Pick the q4f32_1 variant of the model.'],
	[
		/webgpu|compatible GPU|GPU adapter|maxBufferSize|maxStorageBufferBindingSize|maxComputeWorkgroupStorageSize/i,
		'gpu',
		'This browser cannot run the model on its GPU',
		'Use an OpenAI-compatible endpoint or the reference solutions instead.',
	],
	[
		// A host that answers every unknown path with its index page (a single-page-app fallback).
		/Unexpected token '<'|<!doctype|<html/i,
		'network',
		'The model files are not at their URL (the server answered with a web page)',
		'Check the model URL: every file must be there; hosts with a page-for-every-path fallback hide missing files this way.',
	],
	[
		/failed to fetch|on 'Cache': Request failed|networkerror|network error|fetch.*fail|cannot fetch|status(: | code )?[45]\d\d|\b404\b|not found|load failed/i,
		'network',
		'Could not download the model files',
		'Check the connection (Hugging Face must be reachable) or, for a self-hosted model, that every file is at its URL.',
	],
];

export function mapWebLlmError(e: unknown): GenerationError {
	if (e instanceof GenerationError) return e;
	const text = typeof e === 'string' ? e : messageOf(e);
	for (const [re, kind, what, action] of RULES)
		if (re.test(text)) return new GenerationError(`${what}: ${text}`, action, kind);
	return new GenerationError(
		`web-llm failed: ${text}`,
		'Reload the page and try again; if it persists, pick another model.',
		'other',
	);
}
