// How a chat prompt reaches a GGUF model: through the chat template the model file carries
// (tokenizer.chat_template, applied by llama.cpp's own Jinja engine), or — when the file has none
// or llama.cpp cannot parse it — through ChatML written here, the format most small open models
// were tuned on. The choice is recorded with the run.
import type { ChatMessage } from '../../prompts/templates';

export type ChatFormat = { kind: 'model-template' } | { kind: 'fallback'; name: 'chatml'; why: string };

/** Which way the model's chats are formatted, from the template its file carries. */
export function chatFormat(template: string | null | undefined, parsedByEngine = true): ChatFormat {
	if (!template?.trim())
		return { kind: 'fallback', name: 'chatml', why: 'the model file has no chat template' };
	if (!parsedByEngine)
		return { kind: 'fallback', name: 'chatml', why: "llama.cpp could not use the file's chat template" };
	return { kind: 'model-template' };
}

/** ChatML: `<|im_start|>role\ncontent<|im_end|>\n` per message, then the assistant's turn (and the
 * start of its reply, if the template asks for one). */
export function chatml(messages: readonly ChatMessage[], prefix = ''): string {
	return (
		messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join('') +
		`<|im_start|>assistant\n${prefix}`
	);
}

/** Where ChatML's turn ends: generation stops there. */
export const CHATML_STOP = ['<|im_end|>', '<|im_start|>'];
