// Captured stdout/stderr for one sample: keeps `cap` characters of each and reports a flood (4×
// the cap in total) so the engine can stop the sample.
export class OutputBuffer {
	readonly #cap: number;
	#out = '';
	#err = '';
	#total = 0;
	#truncated = false;

	constructor(cap: number) {
		this.#cap = cap;
	}

	/** Returns false once the sample has written more than 4× the cap: stop it. */
	write(stream: 'stdout' | 'stderr', s: string): boolean {
		this.#total += s.length;
		const cur = stream === 'stdout' ? this.#out : this.#err;
		const room = this.#cap - cur.length;
		if (s.length > room) this.#truncated = true;
		if (room > 0) {
			if (stream === 'stdout') this.#out += s.slice(0, room);
			else this.#err += s.slice(0, room);
		}
		return this.#total <= 4 * this.#cap;
	}

	result() {
		return { stdout: this.#out, stderr: this.#err, truncated: this.#truncated };
	}
}
