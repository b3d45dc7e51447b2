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
			return encoding ? data : new TextEncoder().encode(data);
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

	return { TextEncoder, TextDecoder, structuredClone, fs };
})();
