// Node's globals and modules that programs reach for and QuickJS lacks, evaluated in each fresh
// context before prelude.js (which installs them and serves require()). None of this decides a
// verdict, so unlike prelude.js it does not guard its intrinsics. `out(stream, text)` writes to the
// sample's stdout (1) or stderr (2); `inspect` is the prelude's. The last expression is the handle.
(function () {
	'use strict';

	// ---- TextEncoder / TextDecoder (UTF-8, as Node's) ----
	class TextEncoder {
		get encoding() {
			return 'utf-8';
		}
		encode(input = '') {
			const s = String(input);
			const bytes = [];
			for (let i = 0; i < s.length; i++) {
				let c = s.codePointAt(i);
				if (c > 0xffff) i++;
				else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate
				if (c < 0x80) bytes.push(c);
				else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
				else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
				else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
			}
			return new Uint8Array(bytes);
		}
	}
	class TextDecoder {
		get encoding() {
			return 'utf-8';
		}
		decode(input) {
			if (input === undefined) return '';
			const b =
				input instanceof ArrayBuffer
					? new Uint8Array(input)
					: new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
			// The Encoding Standard's UTF-8 decoder: one U+FFFD per maximal invalid subpart.
			let out = '';
			let [needed, seen, cp, lower, upper] = [0, 0, 0, 0x80, 0xbf];
			for (let i = 0; i < b.length; i++) {
				const x = b[i];
				if (needed === 0) {
					if (x <= 0x7f) out += String.fromCharCode(x);
					else if (x >= 0xc2 && x <= 0xdf) [needed, cp] = [1, x & 0x1f];
					else if (x >= 0xe0 && x <= 0xef) {
						if (x === 0xe0) lower = 0xa0;
						if (x === 0xed) upper = 0x9f;
						[needed, cp] = [2, x & 0xf];
					} else if (x >= 0xf0 && x <= 0xf4) {
						if (x === 0xf0) lower = 0x90;
						if (x === 0xf4) upper = 0x8f;
						[needed, cp] = [3, x & 7];
					} else out += '\ufffd';
					continue;
				}
				if (x < lower || x > upper) {
					[needed, seen, cp, lower, upper] = [0, 0, 0, 0x80, 0xbf];
					out += '\ufffd';
					i--; // this byte starts afresh
					continue;
				}
				[lower, upper] = [0x80, 0xbf];
				cp = (cp << 6) | (x & 0x3f);
				if (++seen === needed) {
					out += String.fromCodePoint(cp);
					[needed, seen, cp] = [0, 0, 0];
				}
			}
			if (needed) out += '\ufffd';
			return out;
		}
	}

	// ---- Buffer: Node's bytes type for the common calls (from, alloc, concat, toString) ----
	const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	const encodingOf = (e) => {
		const name = String(e || 'utf8').toLowerCase();
		const known = {
			'utf-8': 'utf8',
			binary: 'latin1',
			'ucs-2': 'utf16le',
			ucs2: 'utf16le',
			'utf-16le': 'utf16le',
		};
		const out = known[name] || name;
		if (!['utf8', 'hex', 'base64', 'base64url', 'ascii', 'latin1', 'utf16le'].includes(out)) {
			const err = new TypeError(`Unknown encoding: ${e}`);
			err.code = 'ERR_UNKNOWN_ENCODING';
			throw err;
		}
		return out;
	};
	function bytesOf(str, encoding) {
		switch (encodingOf(encoding)) {
			case 'utf8':
				return Array.from(new TextEncoder().encode(str));
			case 'hex': {
				const out = [];
				for (let i = 0; i + 1 < str.length; i += 2) {
					const byte = parseInt(str.slice(i, i + 2), 16);
					if (Number.isNaN(byte)) break;
					out.push(byte);
				}
				return out;
			}
			case 'base64':
			case 'base64url': {
				const out = [];
				let bits = 0;
				let acc = 0;
				for (const ch of str.replace(/-/g, '+').replace(/_/g, '/')) {
					const v = B64.indexOf(ch);
					if (v < 0) continue; // padding, whitespace
					acc = (acc << 6) | v;
					bits += 6;
					if (bits >= 8) {
						bits -= 8;
						out.push((acc >> bits) & 255);
					}
				}
				return out;
			}
			case 'utf16le': {
				const out = [];
				for (let i = 0; i < str.length; i++) out.push(str.charCodeAt(i) & 255, str.charCodeAt(i) >> 8);
				return out;
			}
			default: // ascii, latin1
				return Array.from(str, (c) => c.charCodeAt(0) & 255);
		}
	}
	const fromBytes = (bytes) => {
		const b = new Buffer(bytes.length);
		b.set(bytes);
		return b;
	};
	class Buffer extends Uint8Array {
		static from(value, encoding, length) {
			if (typeof value === 'string') return fromBytes(bytesOf(value, encoding));
			if (value instanceof ArrayBuffer) return new Buffer(value, encoding || 0, length);
			if (value && (ArrayBuffer.isView(value) || Array.isArray(value)))
				return fromBytes(Array.from(value, (x) => Number(x) & 255));
			throw new TypeError(
				'The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object.',
			);
		}
		static alloc(size, fill = 0) {
			return new Buffer(size).fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill);
		}
		static allocUnsafe(size) {
			return new Buffer(size);
		}
		static isBuffer(x) {
			return x instanceof Buffer;
		}
		static byteLength(str, encoding) {
			return typeof str === 'string' ? bytesOf(str, encoding).length : str.byteLength;
		}
		static concat(list, total) {
			const length = total ?? list.reduce((n, b) => n + b.length, 0);
			const out = Buffer.alloc(length);
			let at = 0;
			for (const b of list) {
				out.set(b.subarray(0, Math.max(0, length - at)), at);
				at += b.length;
				if (at >= length) break;
			}
			return out;
		}
		toString(encoding, start = 0, end = this.length) {
			const b = Array.from(this.subarray(start, end));
			switch (encodingOf(encoding)) {
				case 'utf8':
					return new TextDecoder().decode(Uint8Array.from(b));
				case 'hex':
					return b.map((x) => x.toString(16).padStart(2, '0')).join('');
				case 'base64':
				case 'base64url': {
					const url = encodingOf(encoding) === 'base64url';
					let out = '';
					for (let i = 0; i < b.length; i += 3) {
						const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
						const chars = [18, 12, 6, 0].map((s) => B64[(n >> s) & 63]);
						const keep = i + 1 >= b.length ? 2 : i + 2 >= b.length ? 3 : 4;
						out += chars.slice(0, keep).join('') + (url ? '' : '='.repeat(4 - keep));
					}
					return url ? out.replace(/\+/g, '-').replace(/\//g, '_') : out;
				}
				case 'utf16le': {
					let out = '';
					for (let i = 0; i + 1 < b.length; i += 2) out += String.fromCharCode(b[i] | (b[i + 1] << 8));
					return out;
				}
				case 'ascii':
					return b.map((x) => String.fromCharCode(x & 127)).join('');
				default:
					return b.map((x) => String.fromCharCode(x)).join('');
			}
		}
		equals(other) {
			return this.length === other.length && this.every((x, i) => x === other[i]);
		}
		toJSON() {
			return { type: 'Buffer', data: Array.from(this) };
		}
	}

	// ---- structuredClone (the HTML algorithm's common cases, as Node's global) ----
	function structuredClone(value) {
		const seen = new Map();
		const fail = (v) => {
			const e = new Error(`${typeof v === 'function' ? String(v) : String(v)} could not be cloned.`);
			e.name = 'DataCloneError';
			throw e;
		};
		const clone = (v) => {
			if (typeof v === 'function' || typeof v === 'symbol') fail(v);
			if (v === null || typeof v !== 'object') return v;
			if (seen.has(v)) return seen.get(v);
			let out;
			if (Array.isArray(v)) {
				out = new Array(v.length);
				seen.set(v, out);
				for (const k of Object.keys(v)) out[k] = clone(v[k]);
				return out;
			}
			if (v instanceof Date) out = new Date(v.getTime());
			else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
			else if (v instanceof Map) {
				out = new Map();
				seen.set(v, out);
				for (const [k, x] of v) out.set(clone(k), clone(x));
				return out;
			} else if (v instanceof Set) {
				out = new Set();
				seen.set(v, out);
				for (const x of v) out.add(clone(x));
				return out;
			} else if (v instanceof ArrayBuffer) out = v.slice(0);
			else if (ArrayBuffer.isView(v)) out = new v.constructor(v);
			else if (v instanceof Error) {
				out = new (globalThis[v.name] instanceof Function ? globalThis[v.name] : Error)(v.message);
			} else if (v instanceof WeakMap || v instanceof WeakSet || v instanceof Promise) fail(v);
			else {
				out = {};
				seen.set(v, out);
				for (const k of Object.keys(v)) out[k] = clone(v[k]);
				return out;
			}
			seen.set(v, out);
			return out;
		};
		return clone(value);
	}

	// ---- fs: an empty file system in memory, for this sample only ----
	const files = new Map();
	const enoent = (syscall, path) => {
		const e = new Error(`ENOENT: no such file or directory, ${syscall} '${path}'`);
		Object.assign(e, { errno: -2, code: 'ENOENT', syscall, path });
		return e;
	};
	const text = (data) => (typeof data === 'string' ? data : new TextDecoder().decode(data));
	const fs = {
		existsSync: (p) => files.has(String(p)),
		readFileSync(p, options) {
			const key = String(p);
			if (!files.has(key)) throw enoent('open', key);
			const data = files.get(key);
			const encoding = typeof options === 'string' ? options : options && options.encoding;
			return encoding ? data : Buffer.from(data);
		},
		writeFileSync: (p, data) => void files.set(String(p), text(data)),
		appendFileSync: (p, data) => void files.set(String(p), (files.get(String(p)) ?? '') + text(data)),
		unlinkSync(p) {
			if (!files.delete(String(p))) throw enoent('unlink', String(p));
		},
		mkdirSync: () => undefined,
		readdirSync: (dir) => {
			const prefix = String(dir).replace(/\/?$/, '/');
			return [...files.keys()]
				.filter((k) => k.startsWith(prefix) || (dir === '.' && !k.includes('/')))
				.map((k) => (dir === '.' ? k : k.slice(prefix.length)))
				.sort();
		},
	};

	return { TextEncoder, TextDecoder, structuredClone, fs, Buffer };
})();
