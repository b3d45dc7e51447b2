// Evaluated in every fresh QuickJS context before the sample: the bits of Node that MultiPL-E's
// JavaScript tests use — require('node:assert') with Node's comparison rules, console, process,
// timers — and the CommonJS wrapper the program runs in. Host functions arrive on
// globalThis.__bt_host and are taken off it at once. The last expression is the harness handle.
(function (host) {
	'use strict';
	const objectToString = (v) => Object.prototype.toString.call(v);
	const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
	const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
	let assertions = 0;

	// ---- a small util.inspect, for console.log and assertion messages ----
	function inspect(v, depth, seen) {
		depth = depth || 0;
		seen = seen || [];
		if (typeof v === 'string') return depth ? `'${v.replace(/'/g, "\\'")}'` : v;
		if (typeof v === 'bigint') return `${v}n`;
		if (typeof v === 'symbol') return v.toString();
		if (typeof v === 'function') return `[Function: ${v.name || '(anonymous)'}]`;
		if (v === null || typeof v !== 'object') return Object.is(v, -0) ? '-0' : String(v);
		if (seen.includes(v)) return '[Circular *1]';
		if (depth > 3) return Array.isArray(v) ? '[Array]' : '[Object]';
		const next = (x) => inspect(x, depth + 1, seen.concat([v]));
		if (Array.isArray(v)) return v.length ? `[ ${v.map(next).join(', ')} ]` : '[]';
		if (v instanceof Error) return v.stack || `${v.name}: ${v.message}`;
		if (v instanceof Map)
			return `Map(${v.size}) { ${[...v].map(([k, x]) => `${next(k)} => ${next(x)}`).join(', ')} }`;
		if (v instanceof Set) return `Set(${v.size}) { ${[...v].map(next).join(', ')} }`;
		if (v instanceof Date) return v.toISOString();
		if (v instanceof RegExp) return String(v);
		const keys = Object.keys(v);
		return keys.length
			? `{ ${keys.map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${next(v[k])}`).join(', ')} }`
			: '{}';
	}

	// ---- Node's deep equality (lib/internal/util/comparisons.js), loose and strict ----
	const LOOSE = 0;
	const STRICT = 1;
	const isBoxed = (v) =>
		['[object Number]', '[object String]', '[object Boolean]', '[object BigInt]', '[object Symbol]'].includes(
			objectToString(v),
		) && typeof v === 'object';
	const isView = (v) => ArrayBuffer.isView(v) && !(v instanceof DataView);
	const special = (v) =>
		Array.isArray(v) ||
		isView(v) ||
		v instanceof Set ||
		v instanceof Map ||
		v instanceof Date ||
		v instanceof RegExp ||
		v instanceof ArrayBuffer ||
		isBoxed(v) ||
		v instanceof Error;

	function innerDeepEqual(a, b, mode, memos) {
		if (a === b) return a !== 0 || Object.is(a, b) || mode === LOOSE;
		if (mode === STRICT) {
			if (typeof a === 'number') return Number.isNaN(a) && Number.isNaN(b);
			if (typeof b !== 'object' || typeof a !== 'object' || a === null || b === null) return false;
			if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
		} else {
			if (a === null || typeof a !== 'object') {
				if (b === null || typeof b !== 'object') return a == b || (Number.isNaN(a) && Number.isNaN(b));
				return false;
			}
			if (b === null || typeof b !== 'object') return false;
		}
		return objectEqual(a, b, mode, memos);
	}

	function objectEqual(a, b, mode, memos) {
		if (objectToString(a) !== objectToString(b)) return false;
		if (Array.isArray(a)) {
			if (!Array.isArray(b) || a.length !== b.length) return false;
			const extra = (o) => Object.keys(o).filter((k) => !(String(k >>> 0) === k && k >>> 0 !== 4294967295));
			const ka = extra(a);
			if (ka.length !== extra(b).length) return false;
			return keyCheck(a, b, mode, memos, 'array', ka);
		}
		if (objectToString(a) === '[object Object]' && !special(a)) {
			if (special(b)) return false;
			return keyCheck(a, b, mode, memos, 'none');
		}
		if (a instanceof Date) {
			if (!(b instanceof Date) || a.getTime() !== b.getTime()) return false;
		} else if (a instanceof RegExp) {
			if (
				!(b instanceof RegExp) ||
				a.source !== b.source ||
				a.flags !== b.flags ||
				a.lastIndex !== b.lastIndex
			)
				return false;
		} else if (a instanceof Error) {
			if (!(b instanceof Error) || a.message !== b.message || a.name !== b.name) return false;
		} else if (isView(a)) {
			if (!isView(b) || a.length !== b.length) return false;
			for (let i = 0; i < a.length; i++) {
				if (
					mode === LOOSE
						? a[i] != b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))
						: !Object.is(a[i], b[i])
				)
					return false;
			}
			const extra = (o) => Object.keys(o).filter((k) => !(String(k >>> 0) === k));
			const ka = extra(a);
			if (ka.length !== extra(b).length) return false;
			return keyCheck(a, b, mode, memos, 'none', ka);
		} else if (a instanceof Set) {
			if (!(b instanceof Set) || a.size !== b.size) return false;
			return keyCheck(a, b, mode, memos, 'set');
		} else if (a instanceof Map) {
			if (!(b instanceof Map) || a.size !== b.size) return false;
			return keyCheck(a, b, mode, memos, 'map');
		} else if (a instanceof ArrayBuffer) {
			if (!(b instanceof ArrayBuffer) || a.byteLength !== b.byteLength) return false;
			const x = new Uint8Array(a);
			const y = new Uint8Array(b);
			for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
		} else if (isBoxed(a)) {
			if (!isBoxed(b) || !Object.is(a.valueOf(), b.valueOf())) return false;
		} else if (special(b)) {
			return false;
		}
		return keyCheck(a, b, mode, memos, 'none');
	}

	function keyCheck(a, b, mode, memos, kind, aKeys) {
		if (aKeys === undefined) {
			aKeys = Object.keys(a);
			if (aKeys.length !== Object.keys(b).length) return false;
		}
		for (const k of aKeys) if (!isEnumerable(b, k)) return false;
		if (mode === STRICT) {
			const syms = (o) => Object.getOwnPropertySymbols(o).filter((s) => isEnumerable(o, s));
			const sa = syms(a);
			if (sa.length !== syms(b).length) return false;
			for (const s of sa) if (!isEnumerable(b, s) || !innerDeepEqual(a[s], b[s], mode, memos)) return false;
		}
		if (aKeys.length === 0 && (kind === 'none' || (kind === 'array' && a.length === 0) || a.size === 0))
			return true;
		// Cycles: a pair already being compared counts as equal.
		for (const [x, y] of memos) if (x === a && y === b) return true;
		memos.push([a, b]);
		try {
			return objEquiv(a, b, mode, aKeys, memos, kind);
		} finally {
			memos.pop();
		}
	}

	function objEquiv(a, b, mode, keys, memos, kind) {
		if (kind === 'set' || kind === 'map') {
			const rest = [...b];
			for (const x of a) {
				const i = rest.findIndex((y) =>
					kind === 'set'
						? innerDeepEqual(x, y, mode, memos)
						: innerDeepEqual(x[0], y[0], mode, memos) && innerDeepEqual(x[1], y[1], mode, memos),
				);
				if (i < 0) return false;
				rest.splice(i, 1);
			}
		} else if (kind === 'array') {
			for (let i = 0; i < a.length; i++) {
				if (hasOwn(a, i)) {
					if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], mode, memos)) return false;
				} else if (hasOwn(b, i)) {
					return false;
				} else {
					const ka = Object.keys(a);
					for (const k of ka) if (!hasOwn(b, k) || !innerDeepEqual(a[k], b[k], mode, memos)) return false;
					return ka.length === Object.keys(b).length;
				}
			}
		}
		for (const k of keys) if (!innerDeepEqual(a[k], b[k], mode, memos)) return false;
		return true;
	}

	// ---- the assert module ----
	class AssertionError extends Error {
		constructor(options) {
			super(options.message);
			this.name = 'AssertionError';
			this.code = 'ERR_ASSERTION';
			this.actual = options.actual;
			this.expected = options.expected;
			this.operator = options.operator;
			this.generatedMessage = options.generated;
		}
	}
	function fail(actual, expected, message, operator, text) {
		if (message instanceof Error) throw message;
		const generated = message === undefined;
		throw new AssertionError({
			message: generated ? text : String(message),
			actual,
			expected,
			operator,
			generated,
		});
	}
	const show = (v) => inspect(v, 1);
	const counted = (fn) =>
		function () {
			assertions++;
			return fn.apply(this, arguments);
		};
	const looseEq = (a, b) => a == b || (Number.isNaN(a) && Number.isNaN(b));

	function ok(value, message) {
		if (!value)
			fail(
				value,
				true,
				message === undefined && arguments.length === 0
					? 'No value argument passed to `assert.ok()`'
					: message,
				'==',
				'The expression evaluated to a falsy value:\n\n  assert.ok(' + show(value) + ')\n',
			);
	}
	function matchesError(err, expected) {
		if (expected === undefined) return true;
		if (expected instanceof RegExp) return expected.test(String(err));
		if (typeof expected === 'function') {
			if (expected.prototype !== undefined && err instanceof expected) return true;
			if (Object.prototype.isPrototypeOf.call(Error, expected) || expected === Error) return false;
			return expected.call({}, err) === true;
		}
		if (typeof expected === 'object' && expected !== null) {
			return Object.keys(expected).every((k) =>
				expected[k] instanceof RegExp && typeof err[k] === 'string'
					? expected[k].test(err[k])
					: innerDeepEqual(err[k], expected[k], STRICT, []),
			);
		}
		return true;
	}
	function throws(fn, expected, message) {
		if (typeof expected === 'string') {
			message = expected;
			expected = undefined;
		}
		let threw = false;
		let err;
		try {
			fn();
		} catch (e) {
			threw = true;
			err = e;
		}
		if (!threw)
			fail(
				undefined,
				expected,
				message,
				'throws',
				'Missing expected exception' + (message ? `: ${message}` : '.'),
			);
		if (!matchesError(err, expected)) throw err;
	}
	function doesNotThrow(fn, message) {
		try {
			fn();
		} catch (e) {
			fail(
				e,
				undefined,
				typeof message === 'string' ? message : undefined,
				'doesNotThrow',
				`Got unwanted exception.\nActual message: "${e && e.message}"`,
			);
		}
	}
	const cmp = (name, test, text) => (a, b, message) => {
		if (!test(a, b))
			fail(
				a,
				b,
				message,
				name,
				`${text}\n\n${show(a)}\n\nshould ${name === 'equal' ? 'equal' : text.split(' ').slice(-1)[0]}\n\n${show(b)}`,
			);
	};
	const assert = counted(ok);
	Object.assign(assert, {
		ok: counted(ok),
		equal: counted(cmp('equal', looseEq, 'Expected values to be loosely equal:')),
		notEqual: counted((a, b, m) => looseEq(a, b) && fail(a, b, m, '!=', `${show(a)} != ${show(b)}`)),
		strictEqual: counted(cmp('strictEqual', Object.is, 'Expected values to be strictly equal:')),
		notStrictEqual: counted(
			(a, b, m) =>
				Object.is(a, b) &&
				fail(a, b, m, 'notStrictEqual', `Expected "actual" to be strictly unequal to: ${show(b)}`),
		),
		deepEqual: counted(
			cmp(
				'deepEqual',
				(a, b) => innerDeepEqual(a, b, LOOSE, []),
				'Expected values to be loosely deep-equal:',
			),
		),
		deepStrictEqual: counted(
			cmp(
				'deepStrictEqual',
				(a, b) => innerDeepEqual(a, b, STRICT, []),
				'Expected values to be strictly deep-equal:',
			),
		),
		notDeepEqual: counted(
			(a, b, m) =>
				innerDeepEqual(a, b, LOOSE, []) && fail(a, b, m, 'notDeepEqual', `"actual" deepEqual "expected"`),
		),
		notDeepStrictEqual: counted(
			(a, b, m) =>
				innerDeepEqual(a, b, STRICT, []) &&
				fail(a, b, m, 'notDeepStrictEqual', `Expected "actual" not to be strictly deep-equal to: ${show(b)}`),
		),
		throws: counted(throws),
		doesNotThrow: counted(doesNotThrow),
		match: counted(
			(s, re, m) =>
				re.test(s) ||
				fail(
					s,
					re,
					m,
					'match',
					`The input did not match the regular expression ${re}. Input:\n\n${show(s)}\n`,
				),
		),
		doesNotMatch: counted(
			(s, re, m) =>
				re.test(s) &&
				fail(s, re, m, 'doesNotMatch', `The input was expected to not match the regular expression ${re}.`),
		),
		fail: counted((m) => fail(undefined, undefined, m === undefined ? 'Failed' : m, 'fail', 'Failed')),
		AssertionError,
	});
	assert.strict = assert;
	Object.freeze(assert);

	// ---- Node globals ----
	const write = (stream) => (s) => {
		host.write(stream, String(s));
		return true;
	};
	const log =
		(stream) =>
		(...args) =>
			host.write(stream, args.map((a) => inspect(a)).join(' ') + '\n');
	const console = { log: log(1), info: log(1), debug: log(1), error: log(2), warn: log(2), trace: log(2) };
	const process = {
		argv: ['node', '/program.js'],
		env: {},
		platform: 'linux',
		version: 'v20.0.0',
		versions: { node: '20.0.0' },
		exitCode: undefined,
		stdout: { write: write(1) },
		stderr: { write: write(2) },
		exit(code) {
			host.exit(code === undefined ? (process.exitCode ?? 0) : Number(code) | 0);
		},
		on() {
			return process;
		},
		nextTick: (fn, ...args) => Promise.resolve().then(() => fn(...args)),
		hrtime: Object.assign(() => [0, 0], { bigint: () => 0n }),
		memoryUsage: () => ({ heapUsed: 0, rss: 0 }),
	};
	// Timers run after the main script, in order of a virtual clock (no real waiting).
	const timers = [];
	let timerSeq = 0;
	let now = 0;
	const setTimeout = (fn, ms, ...args) => {
		const id = ++timerSeq;
		timers.push({ id, at: now + Math.max(1, Number(ms) || 0), fn, args });
		return id;
	};
	const clearTimeout = (id) => {
		const i = timers.findIndex((t) => t.id === id);
		if (i >= 0) timers.splice(i, 1);
	};
	const modules = { assert, 'node:assert': assert, 'assert/strict': assert, 'node:assert/strict': assert };
	function require(name) {
		if (hasOwn(modules, name)) return modules[name];
		const e = new Error(`Cannot find module '${name}'\nRequire stack:\n- /program.js`);
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	}
	Object.assign(globalThis, {
		console,
		process,
		setTimeout,
		clearTimeout,
		setImmediate: (fn, ...a) => setTimeout(fn, 0, ...a),
		global: globalThis,
	});

	return {
		/** Runs the wrapped program as Node runs a CommonJS module, then its timers in order. */
		run(fn) {
			const module = { exports: {}, id: '.', filename: '/program.js', loaded: false };
			fn.call(module.exports, module.exports, require, module, '/program.js', '/');
		},
		nextTimer() {
			if (!timers.length) return false;
			let best = 0;
			for (let i = 1; i < timers.length; i++) if (timers[i].at < timers[best].at) best = i;
			const [t] = timers.splice(best, 1);
			now = t.at;
			t.fn(...t.args);
			return true;
		},
		assertions: () => assertions,
		intact: () => globalThis.console === console && globalThis.process === process,
	};
})(globalThis.__bt_host);
