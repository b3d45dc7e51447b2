// Server-sent events as OpenAI-compatible servers stream them: `data: {json}` lines, blank-line
// separated, ending with `data: [DONE]`. Servers differ in line endings and comments; read them all.

/** Splits a byte stream into the data payloads of its events. */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
	const reader = body.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	let data: string[] = [];
	try {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) break;
			buffer += decoder.decode(value, { stream: true });
			let nl: number;
			while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
				const line = buffer.slice(0, nl);
				buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
				if (line === '') {
					if (data.length) yield data.join('\n');
					data = [];
				} else if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
				// other fields (event:, id:, retry:) and comments (:) carry nothing we use
			}
		}
		if (buffer.startsWith('data:')) data.push(buffer.slice(buffer.startsWith('data: ') ? 6 : 5));
		if (data.length) yield data.join('\n');
	} finally {
		reader.releaseLock();
	}
}
