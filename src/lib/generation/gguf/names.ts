// What a GGUF model is called before it is loaded, from its file name or URL, and whether that name
// says it is a chat model — one rule for Set up, the engine and `benchtop run --gguf`.

/** The last path segment, without `.gguf` and a split model's part suffix (…-00001-of-00003). */
export function ggufName(pathOrUrl: string): string {
	const last = pathOrUrl.split(/[?#]/)[0]!.split(/[/\\]/).pop() ?? '';
	let name = last;
	try {
		name = decodeURIComponent(last);
	} catch {
		// not percent-encoded: the name as written
	}
	return name.replace(/(-\d{5}-of-\d{5})?\.gguf$/i, '');
}

/** Instruct models say so in their names; used where the chat template cannot be read beforehand. */
export const namesChatModel = (name: string) => /instruct|chat|-it\b/i.test(name);

/** The parts of a split model in order; the first carries the header. */
export const inPartOrder = <T extends { name: string }>(files: readonly T[]): T[] =>
	[...files].sort((a, b) => a.name.localeCompare(b.name));
