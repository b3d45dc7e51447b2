// Reads a GGUF file's header in the page before anything is loaded: is it a GGUF at all, which
// architecture and quantisation, how big, and the chat template it carries. Only the header's
// bytes are read (a few MB at most), so a multi-GB file is checked in milliseconds.
import { BenchtopError } from '../../core/errors';

export class GgufError extends BenchtopError {
	override name = 'GgufError';
}

export interface GgufInfo {
	version: number;
	tensors: number;
	architecture: string;
	name?: string;
	/** llama.cpp's file type (the dominant quantisation), as its name (e.g. Q4_K_M). */
	fileType?: string;
	contextLength?: number;
	layers?: number;
	embedding?: number;
	chatTemplate?: string;
	/** split.count: the model is in several files (each under 2 GB). */
	splitCount?: number;
	metadata: Record<string, string | number | boolean>;
}

/** llama.cpp's LLAMA_FTYPE names, by number. */
const FILE_TYPES: Record<number, string> = {
	0: 'F32',
	1: 'F16',
	2: 'Q4_0',
	3: 'Q4_1',
	7: 'Q8_0',
	8: 'Q5_0',
	9: 'Q5_1',
	10: 'Q2_K',
	11: 'Q3_K_S',
	12: 'Q3_K_M',
	13: 'Q3_K_L',
	14: 'Q4_K_S',
	15: 'Q4_K_M',
	16: 'Q5_K_S',
	17: 'Q5_K_M',
	18: 'Q6_K',
	19: 'IQ2_XXS',
	20: 'IQ2_XS',
	24: 'IQ1_S',
	25: 'IQ4_NL',
	26: 'IQ3_S',
	29: 'IQ2_M',
	30: 'IQ4_XS',
	32: 'BF16',
	36: 'TQ1_0',
	37: 'TQ2_0',
	38: 'MXFP4',
};

/** Large arrays (the vocabulary) are skipped, not kept: only scalars and strings are returned. */
class Reader {
	pos = 0;
	readonly #view: DataView;
	readonly #text = new TextDecoder('utf-8', { fatal: false });
	constructor(readonly bytes: Uint8Array) {
		this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	}
	#need(n: number) {
		if (this.pos + n > this.bytes.length) throw new RangeError('header longer than what was read');
	}
	u32() {
		this.#need(4);
		return ((this.pos += 4), this.#view.getUint32(this.pos - 4, true));
	}
	u64() {
		this.#need(8);
		const v = this.#view.getBigUint64(this.pos, true);
		this.pos += 8;
		if (v > BigInt(Number.MAX_SAFE_INTEGER))
			throw new GgufError('a length in the header is impossibly large');
		return Number(v);
	}
	str() {
		const n = this.u64();
		this.#need(n);
		return ((this.pos += n), this.#text.decode(this.bytes.subarray(this.pos - n, this.pos)));
	}
	/** A value of GGUF type `t`; arrays are skipped (undefined). */
	value(t: number): string | number | boolean | undefined {
		const sizes: Record<number, number> = {
			0: 1,
			1: 1,
			2: 2,
			3: 2,
			4: 4,
			5: 4,
			6: 4,
			7: 1,
			10: 8,
			11: 8,
			12: 8,
		};
		if (t === 8) return this.str();
		if (t === 9) {
			const et = this.u32();
			const n = this.u64();
			if (et === 8) for (let i = 0; i < n; i++) this.str();
			else if (sizes[et] !== undefined) {
				this.#need(n * sizes[et]);
				this.pos += n * sizes[et];
			} else throw new GgufError(`unknown array element type ${et} in the header`);
			return undefined;
		}
		const size = sizes[t];
		if (size === undefined) throw new GgufError(`unknown value type ${t} in the header`);
		this.#need(size);
		const at = this.pos;
		this.pos += size;
		const v = this.#view;
		switch (t) {
			case 0:
				return v.getUint8(at);
			case 1:
				return v.getInt8(at);
			case 2:
				return v.getUint16(at, true);
			case 3:
				return v.getInt16(at, true);
			case 4:
				return v.getUint32(at, true);
			case 5:
				return v.getInt32(at, true);
			case 6:
				return v.getFloat32(at, true);
			case 7:
				return v.getUint8(at) !== 0;
			case 10:
				return Number(v.getBigUint64(at, true));
			case 11:
				return Number(v.getBigInt64(at, true));
			default:
				return v.getFloat64(at, true);
		}
	}
}

/** The header from the file's first bytes; `more` reads a longer prefix when they were not enough. */
export function parseGgufHeader(bytes: Uint8Array, file = 'the model file'): GgufInfo {
	const magic = String.fromCharCode(...bytes.subarray(0, 4));
	if (magic !== 'GGUF')
		throw new GgufError(
			`${file} is not a GGUF file (it starts with ${JSON.stringify(magic)}, not "GGUF"). Models for the page must be in GGUF, the format llama.cpp uses: pick the .gguf file, not a .safetensors, .bin or .zip.`,
		);
	const r = new Reader(bytes);
	r.pos = 4;
	const version = r.u32();
	if (version < 2 || version > 3)
		throw new GgufError(`${file} is GGUF version ${version}; this engine reads versions 2 and 3`);
	const tensors = r.u64();
	const count = r.u64();
	const metadata: GgufInfo['metadata'] = {};
	for (let i = 0; i < count; i++) {
		const key = r.str();
		const v = r.value(r.u32());
		if (v !== undefined) metadata[key] = v;
	}
	const arch = String(metadata['general.architecture'] ?? '');
	if (!arch) throw new GgufError(`${file} has no general.architecture: it is not a language model GGUF`);
	const num = (k: string) => (typeof metadata[k] === 'number' ? (metadata[k] as number) : undefined);
	const ft = num('general.file_type');
	return {
		version,
		tensors,
		architecture: arch,
		...(typeof metadata['general.name'] === 'string' && { name: metadata['general.name'] }),
		...(ft !== undefined && { fileType: FILE_TYPES[ft] ?? `type ${ft}` }),
		...(num(`${arch}.context_length`) !== undefined && { contextLength: num(`${arch}.context_length`) }),
		...(num(`${arch}.block_count`) !== undefined && { layers: num(`${arch}.block_count`) }),
		...(num(`${arch}.embedding_length`) !== undefined && { embedding: num(`${arch}.embedding_length`) }),
		...(typeof metadata['tokenizer.chat_template'] === 'string' && {
			chatTemplate: metadata['tokenizer.chat_template'],
		}),
		...(num('split.count') !== undefined && { splitCount: num('split.count') }),
		metadata,
	};
}

/** Reads the header of a file (or any Blob), fetching a longer prefix while the header runs past it. */
export async function readGgufHeader(blob: Blob, file = 'the model file'): Promise<GgufInfo> {
	for (let size = 1 << 20; ; size *= 4) {
		const bytes = new Uint8Array(await blob.slice(0, size).arrayBuffer());
		try {
			return parseGgufHeader(bytes, file);
		} catch (e) {
			if (!(e instanceof RangeError)) throw e;
			if (size >= blob.size)
				throw new GgufError(`${file} ends inside its header: the file is cut short (a partial download?)`);
		}
	}
}
