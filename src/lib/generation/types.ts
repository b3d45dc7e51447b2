// One interface for every way a sample's text comes to be: a model in the page (web-llm), a server
// (OpenAI-compatible), a file (replay) or the benchmark's own solutions (reference).
import { BenchtopError } from '../core/errors';
import type { Prompt } from '../prompts/templates';

/** Always explicit: models' own defaults differ, and the run record must say what was used. */
export interface Sampling {
	temperature: number;
	topP: number;
	maxTokens: number;
	seed: number;
	/** Fixed at web-llm's neutral values; recorded. */
	repetitionPenalty: 1;
	presencePenalty: 0;
	frequencyPenalty: 0;
}

export const GREEDY: Sampling = {
	temperature: 0,
	topP: 1,
	maxTokens: 512,
	seed: 0,
	repetitionPenalty: 1,
	presencePenalty: 0,
	frequencyPenalty: 0,
};

export type FinishReason = 'stop' | 'length' | 'interrupted' | 'replayed';

export interface Generated {
	text: string;
	tokens: number;
	finishReason: FinishReason;
	/** Wall time from request to the last token. */
	ms: number;
	/** Prompt processing and decoding speeds, where the engine measures them (llama.cpp does). */
	speed?: Speed;
}

export interface Speed {
	promptTokensPerSecond: number;
	decodeTokensPerSecond: number;
}

export interface GenerateRequest {
	prompt: Prompt;
	sampling: Sampling;
	/** Which sample of the problem this is: sample i uses seed + i. */
	index: number;
	/** Identifies the problem for generators that look samples up (replay, reference). */
	taskId: string;
	/** Each piece of text as it arrives. */
	onText?: (delta: string) => void;
}

export interface Generator {
	/** Shown in the UI and recorded in the run (model id, quantization, engine version, endpoint). */
	readonly describe: {
		kind: 'webllm' | 'gguf' | 'endpoint' | 'replay' | 'reference';
		model: string;
		engine: string;
	};
	/** Chat models get the instruct templates. */
	readonly chat: boolean;
	generate(req: GenerateRequest): Promise<Generated>;
	/** Stops the generation in progress; it resolves with finishReason 'interrupted'. */
	interrupt(): void;
	dispose(): Promise<void>;
}

/** A generation failure with a message a user can act on. */
export class GenerationError extends BenchtopError {
	override name = 'GenerationError';
	constructor(
		message: string,
		/** What to do about it. */
		readonly action: string,
		readonly kind:
			'network' | 'cors' | 'auth' | 'model' | 'timeout' | 'context' | 'memory' | 'quota' | 'gpu' | 'other',
	) {
		super(message);
	}
}
