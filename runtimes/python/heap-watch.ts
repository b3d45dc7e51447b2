// Tells the harness which of the containers it restores a sample has touched, by comparing their
// memory in Pyodide's heap with a copy taken at baseline. Checking ~470 dicts, lists and sets in
// Python (identity of ~17,000 keys and values) took 2–3 ms a sample; comparing their ~33,000 words
// here takes ~0.1 ms, and is just as exact: equal words mean the same key and value objects.
//
// It reads CPython 3.14's object layout on wasm32. The harness checks that layout on objects it
// knows (`read`) before relying on it, and compares everything the slow way when it does not match.

export type WatchKind = 'dict' | 'list' | 'set';
const DICT = 0;
const LIST = 1;
const SET = 2;

/** Header words kept per object (unused ones stay 0), then where its contents are. */
const HEADER = 5;
const START = HEADER;
const LENGTH = HEADER + 1;
const MAX_WORDS = 1 << 24;

/**
 * Reads an object's shape into `out`: header words, then the word index and length of its
 * contents (length -1 when they can't be compared: a split dict keeps its values elsewhere).
 *   dict: ma_used +8, ma_keys +24, ma_values +28; in the keys object: log2 sizes and kind +4,
 *         usable +12, nentries +16, indices from +20, then the entries ([hash,] key, value).
 *         dk_version (+8) is left out: the specializer sets it on reads.
 *   list: ob_size +8, ob_item +12.     set: fill +8, used +12, mask +16, table +20 (key, hash).
 */
function shape(h: Uint32Array, addr: number, kind: number, out: Float64Array): void {
	const a = addr >>> 2;
	out.fill(0);
	if (kind === LIST) {
		const size = h[a + 2]!;
		const items = h[a + 3]!;
		out[0] = size;
		out[1] = items;
		out[START] = items >>> 2;
		out[LENGTH] = size;
	} else if (kind === SET) {
		const mask = h[a + 4]!;
		const table = h[a + 5]!;
		out[0] = h[a + 2]!;
		out[1] = h[a + 3]!;
		out[2] = mask;
		out[3] = table;
		out[START] = table >>> 2;
		out[LENGTH] = 2 * (mask + 1);
	} else {
		const keys = h[a + 6]!;
		const values = h[a + 7]!;
		out[0] = h[a + 2]!;
		out[1] = keys;
		if (values !== 0 || keys === 0) {
			out[2] = values;
			out[LENGTH] = -1;
			return;
		}
		const k = keys >>> 2;
		const sizes = h[k + 1]!;
		const entries = h[k + 4]!;
		out[2] = sizes;
		out[3] = h[k + 3]!;
		out[4] = entries;
		out[START] = k + 5 + ((1 << ((sizes >>> 8) & 0xff)) >>> 2);
		out[LENGTH] = entries * (((sizes >>> 16) & 0xff) === 0 ? 3 : 2);
	}
}

const fits = (h: Uint32Array, s: Float64Array) =>
	s[LENGTH]! >= 0 && s[LENGTH]! <= MAX_WORDS && s[START]! + s[LENGTH]! <= h.length;

/** The object the harness gets; its state is private, so guest code that finds it learns nothing. */
export interface HeapWatch {
	/** Key/value (dict), item (list) or key (set) addresses, for the harness's layout check. */
	read(addr: number, kind: WatchKind): number[];
	/** Start watching these objects (kinds: one letter each, d/l/s). Once; `read` closes then. */
	track(addrs: ArrayLike<number>, kinds: string): void;
	/** How many tracked objects differ in memory from the last copy (a number: an array costs
	 * Python ~15 µs to receive, and it is empty after almost every sample). */
	changed(): number;
	/** Their indices, ascending. */
	flagged(): number[];
	/** Copy again the objects the last `changed()` reported (the harness has put them back). */
	rebase(): void;
}

export function heapWatch(heap: () => Uint32Array): HeapWatch {
	const s = new Float64Array(HEADER + 2);
	let addrs: Uint32Array = new Uint32Array(0);
	let kinds: Uint8Array = new Uint8Array(0);
	let headers: Float64Array = new Float64Array(0);
	let contents: (Uint32Array | null)[] = [];
	let flagged: number[] = [];
	let tracking = false;

	const copy = (h: Uint32Array, i: number) => {
		shape(h, addrs[i]!, kinds[i]!, s);
		headers.set(s.subarray(0, HEADER), i * HEADER);
		contents[i] = fits(h, s) ? h.slice(s[START]!, s[START]! + s[LENGTH]!) : null;
	};
	const same = (h: Uint32Array, i: number) => {
		const saved = contents[i];
		if (!saved) return false;
		shape(h, addrs[i]!, kinds[i]!, s);
		for (let j = 0; j < HEADER; j++) if (headers[i * HEADER + j] !== s[j]) return false;
		const start = s[START]!;
		const n = s[LENGTH]!;
		if (n !== saved.length || start + n > h.length) return false;
		for (let j = 0; j < n; j++) if (h[start + j] !== saved[j]) return false;
		return true;
	};

	return {
		read(addr, kind) {
			if (tracking) throw new Error('heap watch: the layout check is over');
			const h = heap();
			const k = kind === 'dict' ? DICT : kind === 'list' ? LIST : SET;
			shape(h, addr, k, s);
			if (!fits(h, s)) return [];
			const words = Array.from(h.subarray(s[START]!, s[START]! + s[LENGTH]!));
			if (k === LIST) return words;
			// dict entries: [hash,] key, value; set entries: key, hash. Empty slots hold 0.
			const stride = k === SET ? 2 : s[4] ? words.length / s[4] : 2;
			const out: number[] = [];
			for (let i = 0; i < words.length; i += stride) {
				const entry = k === SET ? [words[i]!] : words.slice(i + stride - 2, i + stride);
				if (entry[entry.length - 1] !== 0) out.push(...entry);
			}
			return out;
		},
		track(a, k) {
			if (tracking) return;
			tracking = true;
			addrs = Uint32Array.from(a);
			kinds = Uint8Array.from(k, (c) => (c === 'd' ? DICT : c === 'l' ? LIST : SET));
			headers = new Float64Array(addrs.length * HEADER);
			contents = new Array<Uint32Array | null>(addrs.length).fill(null);
			const h = heap();
			for (let i = 0; i < addrs.length; i++) copy(h, i);
		},
		changed() {
			const h = heap();
			flagged = [];
			for (let i = 0; i < addrs.length; i++) if (!same(h, i)) flagged.push(i);
			return flagged.length;
		},
		flagged: () => flagged,
		rebase() {
			const h = heap();
			for (const i of flagged) copy(h, i);
			flagged = [];
		},
	};
}
