// Writes a GGUF file (version 3) of the llama architecture with deterministic random weights and a
// small SentencePiece-style vocabulary — a real model file that llama.cpp (wllama) loads and runs,
// made here because no weights can be downloaded. Used by the tests and the bench.
import { openSync, writeSync, closeSync } from 'node:fs';
import { mulberry32 } from '../../src/lib/scoring/bootstrap';

export interface TinyModel {
	name: string;
	layers: number;
	embd: number;
	ff: number;
	heads: number;
	headsKv: number;
	/** Vocabulary size: the specials, 256 byte tokens, printable pieces, then filler tokens. */
	vocab: number;
	context: number;
	seed: number;
	/** A jinja chat template to store as tokenizer.chat_template; none when absent. */
	chatTemplate?: string;
	/** F32 everywhere, or the big matrices in Q8_0 (llama.cpp's 8-bit blocks of 32). */
	type: 'f32' | 'q8_0';
}

/** The shape of the tests' model: tiny and fast. */
export const TINY: TinyModel = {
	name: 'benchtop-tiny-llama',
	layers: 2,
	embd: 64,
	ff: 128,
	heads: 4,
	headsKv: 2,
	vocab: 512,
	context: 2048,
	seed: 1234,
	type: 'f32',
	chatTemplate:
		"{% for m in messages %}{{ '<|im_start|>' + m['role'] + '\\n' + m['content'] + '<|im_end|>\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}",
};

/** SmolLM2-135M's shape (layers, width, heads, vocabulary), for speed measurements. */
export const SMOLLM2_135M_SHAPE: TinyModel = {
	name: 'benchtop-smollm2-135m-shape',
	layers: 30,
	embd: 576,
	ff: 1536,
	heads: 9,
	headsKv: 3,
	vocab: 49152,
	context: 2048,
	seed: 135,
	type: 'q8_0',
};

const T = { UINT32: 4, INT32: 5, FLOAT32: 6, STRING: 8, ARRAY: 9 } as const;
const GGML = { F32: 0, Q8_0: 8 } as const;
const ALIGN = 32;

type Value =
	| { t: 'u32'; v: number }
	| { t: 'f32'; v: number }
	| { t: 'str'; v: string }
	| { t: 'strs'; v: string[] }
	| { t: 'f32s'; v: number[] }
	| { t: 'i32s'; v: number[] };

class Bytes {
	parts: Buffer[] = [];
	size = 0;
	push(b: Buffer) {
		this.parts.push(b);
		this.size += b.length;
	}
	u32(n: number) {
		const b = Buffer.alloc(4);
		b.writeUInt32LE(n);
		this.push(b);
	}
	i32(n: number) {
		const b = Buffer.alloc(4);
		b.writeInt32LE(n);
		this.push(b);
	}
	u64(n: number) {
		const b = Buffer.alloc(8);
		b.writeBigUInt64LE(BigInt(n));
		this.push(b);
	}
	f32(n: number) {
		const b = Buffer.alloc(4);
		b.writeFloatLE(n);
		this.push(b);
	}
	str(s: string) {
		const b = Buffer.from(s, 'utf8');
		this.u64(b.length);
		this.push(b);
	}
	array(type: number, n: number) {
		this.u32(T.ARRAY);
		this.u32(type);
		this.u64(n);
	}
	value(x: Value) {
		switch (x.t) {
			case 'u32':
				this.u32(T.UINT32);
				return this.u32(x.v);
			case 'f32':
				this.u32(T.FLOAT32);
				return this.f32(x.v);
			case 'str':
				this.u32(T.STRING);
				return this.str(x.v);
			case 'strs':
				this.array(T.STRING, x.v.length);
				return x.v.forEach((s) => this.str(s));
			case 'f32s':
				this.array(T.FLOAT32, x.v.length);
				return x.v.forEach((n) => this.f32(n));
			case 'i32s':
				this.array(T.INT32, x.v.length);
				return x.v.forEach((n) => this.i32(n));
		}
	}
}

/** A SentencePiece-like vocabulary: <unk> <s> </s>, byte fallback tokens, pieces, fillers. */
function vocabulary(size: number): { tokens: string[]; scores: number[]; types: number[] } {
	const tokens = ['<unk>', '<s>', '</s>'];
	const types = [2, 3, 3];
	// Byte fallback covers any input; bytes past ASCII are control tokens, which print as nothing when
	// generated — random weights would otherwise stream invalid UTF-8 (a lone continuation byte), which
	// a real model's output never is.
	for (let b = 0; b < 256; b++) {
		tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
		types.push(b < 0x80 ? 6 : 3);
	}
	const pieces = [
		'▁',
		...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789()[]{}:,.=+-*/<>_"\'#'.split(''),
		...[
			'def',
			'return',
			'if',
			'else',
			'for',
			'in',
			'range',
			'len',
			'x',
			'n',
			'print',
			'True',
			'False',
		].flatMap((w) => [w, `▁${w}`]),
		'```',
		'python',
		'▁▁▁▁',
	];
	const add = (t: string) => {
		tokens.push(t);
		types.push(1);
	};
	for (const p of pieces) if (tokens.length < size && !tokens.includes(p)) add(p);
	for (let i = 0; tokens.length < size; i++) add(`▁tok${i}`);
	// Longer pieces merge first in SentencePiece's BPE: score by length.
	const scores = tokens.map((t, i) => (types[i] === 1 ? t.length - i / size : 0));
	return { tokens: tokens.slice(0, size), scores: scores.slice(0, size), types: types.slice(0, size) };
}

interface Tensor {
	name: string;
	dims: number[];
	kind: 'norm' | 'matrix';
}

function tensors(m: TinyModel): Tensor[] {
	const kv = (m.embd / m.heads) * m.headsKv;
	const list: Tensor[] = [
		{ name: 'token_embd.weight', dims: [m.embd, m.vocab], kind: 'matrix' },
		{ name: 'output_norm.weight', dims: [m.embd], kind: 'norm' },
	];
	for (let i = 0; i < m.layers; i++)
		list.push(
			{ name: `blk.${i}.attn_norm.weight`, dims: [m.embd], kind: 'norm' },
			{ name: `blk.${i}.attn_q.weight`, dims: [m.embd, m.embd], kind: 'matrix' },
			{ name: `blk.${i}.attn_k.weight`, dims: [m.embd, kv], kind: 'matrix' },
			{ name: `blk.${i}.attn_v.weight`, dims: [m.embd, kv], kind: 'matrix' },
			{ name: `blk.${i}.attn_output.weight`, dims: [m.embd, m.embd], kind: 'matrix' },
			{ name: `blk.${i}.ffn_norm.weight`, dims: [m.embd], kind: 'norm' },
			{ name: `blk.${i}.ffn_gate.weight`, dims: [m.embd, m.ff], kind: 'matrix' },
			{ name: `blk.${i}.ffn_up.weight`, dims: [m.embd, m.ff], kind: 'matrix' },
			{ name: `blk.${i}.ffn_down.weight`, dims: [m.ff, m.embd], kind: 'matrix' },
		);
	return list;
}

const count = (dims: number[]) => dims.reduce((a, b) => a * b, 1);
const typeOf = (m: TinyModel, t: Tensor) => (m.type === 'q8_0' && t.kind === 'matrix' ? GGML.Q8_0 : GGML.F32);
/** Q8_0: blocks of 32 values as one f16 scale and 32 int8s (34 bytes). */
const bytesOf = (type: number, n: number) => (type === GGML.Q8_0 ? (n / 32) * 34 : n * 4);

function tensorData(type: number, n: number, scale: number, next: () => number, norm: boolean): Buffer {
	const out = Buffer.alloc(bytesOf(type, n));
	if (type === GGML.F32) {
		for (let i = 0; i < n; i++) out.writeFloatLE(norm ? 1 : (next() * 2 - 1) * scale, i * 4);
		return out;
	}
	// every block gets the same f16 scale (scale / 127) and random int8s
	const f16 = Buffer.alloc(4);
	f16.writeFloatLE(scale / 127);
	const bits = f16.readUInt32LE();
	const half = ((bits >>> 16) & 0x8000) | ((((bits >>> 23) & 0xff) - 112) << 10) | ((bits >>> 13) & 0x3ff);
	for (let b = 0; b < n / 32; b++) {
		out.writeUInt16LE(half, b * 34);
		for (let i = 0; i < 32; i++) out.writeInt8(Math.round((next() * 2 - 1) * 127), b * 34 + 2 + i);
	}
	return out;
}

/** Writes the model to `path`; returns its size in bytes. */
export function writeGguf(path: string, m: TinyModel): number {
	const { tokens, scores, types } = vocabulary(m.vocab);
	const meta: [string, Value][] = [
		['general.architecture', { t: 'str', v: 'llama' }],
		['general.name', { t: 'str', v: m.name }],
		['general.alignment', { t: 'u32', v: ALIGN }],
		['llama.context_length', { t: 'u32', v: m.context }],
		['llama.embedding_length', { t: 'u32', v: m.embd }],
		['llama.block_count', { t: 'u32', v: m.layers }],
		['llama.feed_forward_length', { t: 'u32', v: m.ff }],
		['llama.attention.head_count', { t: 'u32', v: m.heads }],
		['llama.attention.head_count_kv', { t: 'u32', v: m.headsKv }],
		['llama.rope.dimension_count', { t: 'u32', v: m.embd / m.heads }],
		['llama.attention.layer_norm_rms_epsilon', { t: 'f32', v: 1e-5 }],
		['tokenizer.ggml.model', { t: 'str', v: 'llama' }],
		['tokenizer.ggml.tokens', { t: 'strs', v: tokens }],
		['tokenizer.ggml.scores', { t: 'f32s', v: scores }],
		['tokenizer.ggml.token_type', { t: 'i32s', v: types }],
		['tokenizer.ggml.bos_token_id', { t: 'u32', v: 1 }],
		['tokenizer.ggml.eos_token_id', { t: 'u32', v: 2 }],
		['tokenizer.ggml.unknown_token_id', { t: 'u32', v: 0 }],
		...(m.chatTemplate
			? [['tokenizer.chat_template', { t: 'str', v: m.chatTemplate }] as [string, Value]]
			: []),
	];
	const list = tensors(m);
	const head = new Bytes();
	head.push(Buffer.from('GGUF'));
	head.u32(3);
	head.u64(list.length);
	head.u64(meta.length);
	for (const [k, v] of meta) {
		head.str(k);
		head.value(v);
	}
	let offset = 0;
	const offsets: number[] = [];
	for (const t of list) {
		head.str(t.name);
		head.u32(t.dims.length);
		t.dims.forEach((d) => head.u64(d));
		const type = typeOf(m, t);
		head.u32(type);
		head.u64(offset);
		offsets.push(offset);
		offset += Math.ceil(bytesOf(type, count(t.dims)) / ALIGN) * ALIGN;
	}
	head.push(Buffer.alloc((ALIGN - (head.size % ALIGN)) % ALIGN));
	const fd = openSync(path, 'w');
	try {
		for (const p of head.parts) writeSync(fd, p);
		// the bootstrap's seeded PRNG: the same weights for the same seed, on any machine
		const next = mulberry32(m.seed);
		let written = 0;
		for (const [i, t] of list.entries()) {
			const n = count(t.dims);
			const data = tensorData(typeOf(m, t), n, 1 / Math.sqrt(t.dims[0]!), next, t.kind === 'norm');
			writeSync(fd, Buffer.alloc(offsets[i]! - written));
			writeSync(fd, data);
			written = offsets[i]! + data.length;
		}
		writeSync(fd, Buffer.alloc(offset - written));
		return head.size + offset;
	} finally {
		closeSync(fd);
	}
}
