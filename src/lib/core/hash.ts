// SHA-256 as lowercase hex (Web Crypto: the page, workers and Node alike): the dataset hash, a
// wheel checked against its lock file, a solution's outputs compared by their hash.
export async function sha256Hex(bytes: BufferSource): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
