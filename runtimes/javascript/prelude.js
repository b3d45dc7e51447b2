// Evaluated in every fresh QuickJS context before the sample: the bits of Node that MultiPL-E's
// JavaScript tests use — require('node:assert') with Node's comparison rules, console, process,
// timers — and the CommonJS wrapper the program runs in. Host functions arrive on
// globalThis.__bt_host and are taken off it at once. The last expression is the harness handle.
//
// Every intrinsic this file calls is captured here, before the sample runs (Node's primordials): a
// sample that replaces Number.isNaN, Object.keys, Array.prototype.filter, Map.prototype.entries,
// globalThis.Map or Function.prototype.apply changes its own code, never how assert compares —
// as with Node, whose assert is not fooled either. Loops over arrays are index loops (for…of and
// spread go through Array.prototype[Symbol.iterator], which a sample can replace).
(function (host) {
	'use strict';
	// ---- primordials ----
	const ReflectApply = Reflect.apply;
	const uncurry =
		(fn) =>
		(self, ...args) =>
			ReflectApply(fn, self, args);
	const getter = (proto, name) => uncurry(Object.getOwnPropertyDescriptor(proto, name).get);
	const ObjectKeys = Object.keys;
	const ObjectIs = Object.is;
	const ObjectGetPrototypeOf = Object.getPrototypeOf;
	const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
	const ObjectFreeze = Object.freeze;
	const ObjectDefineProperty = Object.defineProperty;
	const evalGlobal = eval; // called by this name it is an indirect eval: global scope
	const ArrayIsArray = Array.isArray;
	const NumberIsNaN = Number.isNaN;
	const ArrayBufferIsView = ArrayBuffer.isView;
	const MathMax = Math.max;
	const MathTrunc = Math.trunc;
	const JSONStringify = JSON.stringify;
	const ObjectSetPrototypeOf = Object.setPrototypeOf;
	const PromiseCtor = Promise;
	const PromiseResolve = () => ReflectApply(PromiseCtor.resolve, PromiseCtor, []);
	const DateNow = Date.now;
	const StringCtor = String;
	const NumberCtor = Number;
	const MapCtor = Map;
	const SetCtor = Set;
	const DateCtor = Date;
	const RegExpCtor = RegExp;
	const ErrorCtor = Error;
	const ArrayBufferCtor = ArrayBuffer;
	const DataViewCtor = DataView;
	const Uint8ArrayCtor = Uint8Array;
	const objectToString = uncurry(Object.prototype.toString);
	const hasOwn = uncurry(Object.prototype.hasOwnProperty);
	const isEnumerable = uncurry(Object.prototype.propertyIsEnumerable);
	const isPrototypeOf = uncurry(Object.prototype.isPrototypeOf);
	const FunctionHasInstance = Function.prototype[Symbol.hasInstance];
	/** `v instanceof C` without C's own Symbol.hasInstance, which a sample could add. */
	const isA = (v, C) => ReflectApply(FunctionHasInstance, C, [v]);
	const ArrayPush = uncurry(Array.prototype.push);
	const ArrayPop = uncurry(Array.prototype.pop);
	const ArraySplice = uncurry(Array.prototype.splice);
	const ArrayJoin = uncurry(Array.prototype.join);
	const ArrayMap = uncurry(Array.prototype.map);
	const ArrayFilter = uncurry(Array.prototype.filter);
	const ArrayIncludes = uncurry(Array.prototype.includes);
	const ArrayConcat = uncurry(Array.prototype.concat);
	const ArrayEvery = uncurry(Array.prototype.every);
	const ArrayFindIndex = uncurry(Array.prototype.findIndex);
	const StringSplit = uncurry(String.prototype.split);
	const StringSlice = uncurry(String.prototype.slice);
	const RegExpExec = uncurry(RegExp.prototype.exec);
	const RegExpToString = uncurry(RegExp.prototype.toString);
	const regExpSource = getter(RegExp.prototype, 'source');
	const regExpFlags = getter(RegExp.prototype, 'flags');
	const SymbolToString = uncurry(Symbol.prototype.toString);
	const DateGetTime = uncurry(Date.prototype.getTime);
	const DateToISOString = uncurry(Date.prototype.toISOString);
	const MapEntries = uncurry(Map.prototype.entries);
	const SetValues = uncurry(Set.prototype.values);
	const MapIteratorNext = uncurry(ObjectGetPrototypeOf(new Map().entries()).next);
	const SetIteratorNext = uncurry(ObjectGetPrototypeOf(new Set().values()).next);
	const mapSize = getter(Map.prototype, 'size');
	const setSize = getter(Set.prototype, 'size');
	const typedArrayLength = getter(ObjectGetPrototypeOf(Uint8Array.prototype), 'length');
	const arrayBufferByteLength = getter(ArrayBuffer.prototype, 'byteLength');
	const UNBOX = {
		'[object Number]': uncurry(Number.prototype.valueOf),
		'[object String]': uncurry(String.prototype.valueOf),
		'[object Boolean]': uncurry(Boolean.prototype.valueOf),
		'[object BigInt]': uncurry(BigInt.prototype.valueOf),
		'[object Symbol]': uncurry(Symbol.prototype.valueOf),
	};
	const hostWrite = host.write;
	const hostExit = host.exit;
	const hostIntl = host.intl;
	// node-shims.js (TextEncoder/Decoder, structuredClone, Buffer, an in-memory fs) arrives as source
	// and is evaluated the first time a program reaches for one of them: parsing it cost ~1.3 ms of
	// every sample's ~4 ms, and few programs use it. None of it decides a verdict (see the file).
	const shimSource = host.nodeSource;
	let shimsMade;
	const shims = () => (shimsMade ??= evalGlobal(shimSource));
	const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
	let assertions = 0;

	/** A Map's entries or a Set's values as a plain array, without the iterator protocol. */
	function collection(v) {
		const out = [];
		const isMap = isA(v, MapCtor);
		const it = isMap ? MapEntries(v) : SetValues(v);
		for (;;) {
			const r = isMap ? MapIteratorNext(it) : SetIteratorNext(it);
			if (r.done) return out;
			ArrayPush(out, r.value);
		}
	}
	const quote = (s) => {
		let out = "'";
		for (let i = 0; i < s.length; i++) out += s[i] === "'" ? "\\'" : s[i];
		return out + "'";
	};

	// ---- a small util.inspect, for console.log and assertion messages ----
	function inspect(v, depth, seen) {
		depth = depth || 0;
		seen = seen || [];
		if (typeof v === 'string') return depth ? quote(v) : v;
		if (typeof v === 'bigint') return `${v}n`;
		if (typeof v === 'symbol') return SymbolToString(v);
		if (typeof v === 'function') return `[Function: ${v.name || '(anonymous)'}]`;
		if (v === null || typeof v !== 'object') return ObjectIs(v, -0) ? '-0' : StringCtor(v);
		if (ArrayIncludes(seen, v)) return '[Circular *1]';
		if (depth > 3) return ArrayIsArray(v) ? '[Array]' : '[Object]';
		const next = (x) => inspect(x, depth + 1, ArrayConcat(seen, [v]));
		if (ArrayIsArray(v))
			return v.length
				? `[ ${ArrayJoin(
						ArrayMap(v, (x) => next(x)),
						', ',
					)} ]`
				: '[]';
		if (isA(v, ErrorCtor)) return v.stack || `${v.name}: ${v.message}`;
		if (isA(v, MapCtor))
			return `Map(${mapSize(v)}) { ${ArrayJoin(
				ArrayMap(collection(v), (e) => `${next(e[0])} => ${next(e[1])}`),
				', ',
			)} }`;
		if (isA(v, SetCtor))
			return `Set(${setSize(v)}) { ${ArrayJoin(
				ArrayMap(collection(v), (x) => next(x)),
				', ',
			)} }`;
		if (isA(v, DateCtor)) return DateToISOString(v);
		if (isA(v, RegExpCtor)) return RegExpToString(v);
		const keys = ObjectKeys(v);
		return keys.length
			? `{ ${ArrayJoin(
					ArrayMap(keys, (k) => `${RegExpExec(IDENTIFIER, k) !== null ? k : quote(k)}: ${next(v[k])}`),
					', ',
				)} }`
			: '{}';
	}

	// ---- Node's deep equality (lib/internal/util/comparisons.js), loose and strict ----
	const LOOSE = 0;
	const STRICT = 1;
	const BOXED = [
		'[object Number]',
		'[object String]',
		'[object Boolean]',
		'[object BigInt]',
		'[object Symbol]',
	];
	const isBoxed = (v) => ArrayIncludes(BOXED, objectToString(v)) && typeof v === 'object';
	const unbox = (v) => UNBOX[objectToString(v)](v);
	const isView = (v) => ArrayBufferIsView(v) && !isA(v, DataViewCtor);
	const special = (v) =>
		ArrayIsArray(v) ||
		isView(v) ||
		isA(v, SetCtor) ||
		isA(v, MapCtor) ||
		isA(v, DateCtor) ||
		isA(v, RegExpCtor) ||
		isA(v, ArrayBufferCtor) ||
		isBoxed(v) ||
		isA(v, ErrorCtor);

	function innerDeepEqual(a, b, mode, memos) {
		if (a === b) return a !== 0 || ObjectIs(a, b) || mode === LOOSE;
		if (mode === STRICT) {
			if (typeof a === 'number') return NumberIsNaN(a) && NumberIsNaN(b);
			if (typeof b !== 'object' || typeof a !== 'object' || a === null || b === null) return false;
			if (ObjectGetPrototypeOf(a) !== ObjectGetPrototypeOf(b)) return false;
		} else {
			if (a === null || typeof a !== 'object') {
				if (b === null || typeof b !== 'object') return a == b || (NumberIsNaN(a) && NumberIsNaN(b));
				return false;
			}
			if (b === null || typeof b !== 'object') return false;
		}
		return objectEqual(a, b, mode, memos);
	}

	const isIndex = (k) => StringCtor(k >>> 0) === k && k >>> 0 !== 4294967295;

	function objectEqual(a, b, mode, memos) {
		if (objectToString(a) !== objectToString(b)) return false;
		if (ArrayIsArray(a)) {
			if (!ArrayIsArray(b) || a.length !== b.length) return false;
			const extra = (o) => ArrayFilter(ObjectKeys(o), (k) => !isIndex(k));
			const ka = extra(a);
			if (ka.length !== extra(b).length) return false;
			return keyCheck(a, b, mode, memos, 'array', ka);
		}
		if (objectToString(a) === '[object Object]' && !special(a)) {
			if (special(b)) return false;
			return keyCheck(a, b, mode, memos, 'none');
		}
		if (isA(a, DateCtor)) {
			if (!isA(b, DateCtor) || DateGetTime(a) !== DateGetTime(b)) return false;
		} else if (isA(a, RegExpCtor)) {
			if (
				!isA(b, RegExpCtor) ||
				regExpSource(a) !== regExpSource(b) ||
				regExpFlags(a) !== regExpFlags(b) ||
				a.lastIndex !== b.lastIndex
			)
				return false;
		} else if (isA(a, ErrorCtor)) {
			if (!isA(b, ErrorCtor) || a.message !== b.message || a.name !== b.name) return false;
		} else if (isView(a)) {
			const n = typedArrayLength(a);
			if (!isView(b) || n !== typedArrayLength(b)) return false;
			for (let i = 0; i < n; i++) {
				if (
					mode === LOOSE ? a[i] != b[i] && !(NumberIsNaN(a[i]) && NumberIsNaN(b[i])) : !ObjectIs(a[i], b[i])
				)
					return false;
			}
			const extra = (o) => ArrayFilter(ObjectKeys(o), (k) => !(StringCtor(k >>> 0) === k));
			const ka = extra(a);
			if (ka.length !== extra(b).length) return false;
			return keyCheck(a, b, mode, memos, 'none', ka);
		} else if (isA(a, SetCtor)) {
			if (!isA(b, SetCtor) || a.size !== b.size) return false; // read as Node reads it
			return keyCheck(a, b, mode, memos, 'set');
		} else if (isA(a, MapCtor)) {
			if (!isA(b, MapCtor) || a.size !== b.size) return false;
			return keyCheck(a, b, mode, memos, 'map');
		} else if (isA(a, ArrayBufferCtor)) {
			if (!isA(b, ArrayBufferCtor) || arrayBufferByteLength(a) !== arrayBufferByteLength(b)) return false;
			const x = new Uint8ArrayCtor(a);
			const y = new Uint8ArrayCtor(b);
			const n = typedArrayLength(x);
			for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
		} else if (isBoxed(a)) {
			if (!isBoxed(b) || !ObjectIs(unbox(a), unbox(b))) return false;
		} else if (special(b)) {
			return false;
		}
		return keyCheck(a, b, mode, memos, 'none');
	}

	function keyCheck(a, b, mode, memos, kind, aKeys) {
		if (aKeys === undefined) {
			aKeys = ObjectKeys(a);
			if (aKeys.length !== ObjectKeys(b).length) return false;
		}
		for (let i = 0; i < aKeys.length; i++) if (!isEnumerable(b, aKeys[i])) return false;
		if (mode === STRICT) {
			const syms = (o) => ArrayFilter(ObjectGetOwnPropertySymbols(o), (s) => isEnumerable(o, s));
			const sa = syms(a);
			if (sa.length !== syms(b).length) return false;
			for (let i = 0; i < sa.length; i++) {
				const s = sa[i];
				if (!isEnumerable(b, s) || !innerDeepEqual(a[s], b[s], mode, memos)) return false;
			}
		}
		if (aKeys.length === 0 && (kind === 'none' || (kind === 'array' && a.length === 0) || a.size === 0))
			return true;
		// Cycles: a pair already being compared counts as equal.
		for (let i = 0; i < memos.length; i++) if (memos[i][0] === a && memos[i][1] === b) return true;
		ArrayPush(memos, [a, b]);
		try {
			return objEquiv(a, b, mode, aKeys, memos, kind);
		} finally {
			ArrayPop(memos);
		}
	}

	function objEquiv(a, b, mode, keys, memos, kind) {
		if (kind === 'set' || kind === 'map') {
			const rest = collection(b);
			const mine = collection(a);
			for (let j = 0; j < mine.length; j++) {
				const x = mine[j];
				const i = ArrayFindIndex(rest, (y) =>
					kind === 'set'
						? innerDeepEqual(x, y, mode, memos)
						: innerDeepEqual(x[0], y[0], mode, memos) && innerDeepEqual(x[1], y[1], mode, memos),
				);
				if (i < 0) return false;
				ArraySplice(rest, i, 1);
			}
		} else if (kind === 'array') {
			for (let i = 0; i < a.length; i++) {
				if (hasOwn(a, i)) {
					if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], mode, memos)) return false;
				} else if (hasOwn(b, i)) {
					return false;
				} else {
					const ka = ObjectKeys(a);
					for (let j = 0; j < ka.length; j++) {
						const k = ka[j];
						if (!hasOwn(b, k) || !innerDeepEqual(a[k], b[k], mode, memos)) return false;
					}
					return ka.length === ObjectKeys(b).length;
				}
			}
		}
		for (let i = 0; i < keys.length; i++)
			if (!innerDeepEqual(a[keys[i]], b[keys[i]], mode, memos)) return false;
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
			// What came back against what was expected, printed now while the values are as the test
			// saw them: the failure taxonomy and the drill-down read it (worker.ts, jsError).
			this.shown = [
				shownCut(options.actual),
				typeName(options.actual),
				shownCut(options.expected),
				typeName(options.expected),
			];
		}
	}
	const shownCut = (v) => {
		const text = inspect(v, 1);
		return text.length > 300 ? StringSlice(text, 0, 300) + '…' : text;
	};
	const typeName = (v) => (v === null ? 'null' : ArrayIsArray(v) ? 'array' : typeof v);
	function fail(actual, expected, message, operator, text) {
		if (isA(message, ErrorCtor)) throw message;
		const generated = message === undefined;
		throw new AssertionError({
			message: generated ? text : StringCtor(message),
			actual,
			expected,
			operator,
			generated,
		});
	}
	const show = (v) => inspect(v, 1);
	const lastWord = (text) => {
		const words = StringSplit(text, ' ');
		return words[words.length - 1];
	};
	const counted = (fn) =>
		function () {
			assertions++;
			return ReflectApply(fn, this, arguments);
		};
	const looseEq = (a, b) => a == b || (NumberIsNaN(a) && NumberIsNaN(b));

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
		if (isA(expected, RegExpCtor)) return RegExpExec(expected, StringCtor(err)) !== null;
		if (typeof expected === 'function') {
			if (expected.prototype !== undefined && isA(err, expected)) return true;
			if (isPrototypeOf(ErrorCtor, expected) || expected === ErrorCtor) return false;
			return ReflectApply(expected, {}, [err]) === true;
		}
		if (typeof expected === 'object' && expected !== null) {
			return ArrayEvery(ObjectKeys(expected), (k) =>
				isA(expected[k], RegExpCtor) && typeof err[k] === 'string'
					? RegExpExec(expected[k], err[k]) !== null
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
				`${text}\n\n${show(a)}\n\nshould ${name === 'equal' ? 'equal' : StringSlice(lastWord(text), 0)}\n\n${show(b)}`,
			);
	};
	const assert = counted(ok);
	Object.assign(assert, {
		ok: counted(ok),
		equal: counted(cmp('equal', looseEq, 'Expected values to be loosely equal:')),
		notEqual: counted((a, b, m) => looseEq(a, b) && fail(a, b, m, '!=', `${show(a)} != ${show(b)}`)),
		strictEqual: counted(cmp('strictEqual', ObjectIs, 'Expected values to be strictly equal:')),
		notStrictEqual: counted(
			(a, b, m) =>
				ObjectIs(a, b) &&
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
				RegExpExec(re, s) !== null ||
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
				RegExpExec(re, s) !== null &&
				fail(s, re, m, 'doesNotMatch', `The input was expected to not match the regular expression ${re}.`),
		),
		fail: counted((m) => fail(undefined, undefined, m === undefined ? 'Failed' : m, 'fail', 'Failed')),
		AssertionError,
	});
	assert.strict = assert;
	ObjectFreeze(assert);

	// ---- Node globals ----
	const write = (stream) => (s) => {
		hostWrite(stream, StringCtor(s));
		return true;
	};
	const log =
		(stream) =>
		(...args) =>
			hostWrite(
				stream,
				ArrayJoin(
					ArrayMap(args, (a) => inspect(a)),
					' ',
				) + '\n',
			);
	const counts = new MapCtor();
	const started = new MapCtor();
	const elapsed = (label) => `${label}: ${DateNow() - (started.get(label) || DateNow())}ms\n`;
	const console = {
		log: log(1),
		info: log(1),
		debug: log(1),
		error: log(2),
		warn: log(2),
		trace: log(2),
		dir: (v) => hostWrite(1, inspect(v, 1) + '\n'),
		assert: (ok, ...args) => {
			if (!ok)
				hostWrite(2, (args.length ? `Assertion failed: ${format(...args)}` : 'Assertion failed') + '\n');
		},
		count: (label = 'default') => {
			const n = (counts.get(label) || 0) + 1;
			counts.set(label, n);
			hostWrite(1, `${label}: ${n}\n`);
		},
		countReset: (label = 'default') => void counts.set(label, 0),
		time: (label = 'default') => void started.set(label, DateNow()),
		timeLog: (label = 'default') => hostWrite(1, elapsed(label)),
		timeEnd: (label = 'default') => {
			hostWrite(1, elapsed(label));
			started.delete(label);
		},
	};
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
			hostExit(code === undefined ? (process.exitCode ?? 0) : NumberCtor(code) | 0);
		},
		on() {
			return process;
		},
		nextTick: (fn, ...args) => Promise.resolve().then(() => fn(...args)),
		hrtime: Object.assign(() => [0, 0], { bigint: () => 0n }),
		memoryUsage: () => ({ heapUsed: 0, rss: 0 }),
	};
	// Timers run after the main script, in order of a virtual clock: no real waiting, but a timer due
	// after the time limit (counting the time the sample has already used) makes the sample time out,
	// as node would be stopped before it fired.
	const timers = [];
	let timerSeq = 0;
	let now = 0;
	// An interval (every > 0) comes back after each run; one never cleared runs until the time
	// limit, as the node process would never exit.
	const addTimer = (fn, ms, args, repeat) => {
		const id = ++timerSeq;
		const delay = MathMax(1, NumberCtor(ms) || 0);
		ArrayPush(timers, { id, at: now + delay, fn, args, every: repeat ? delay : 0 });
		return id;
	};
	const setTimeout = (fn, ms, ...args) => addTimer(fn, ms, args, false);
	const setInterval = (fn, ms, ...args) => addTimer(fn, ms, args, true);
	const clearTimeout = (id) => {
		const i = ArrayFindIndex(timers, (t) => t.id === id);
		if (i >= 0) ArraySplice(timers, i, 1);
	};
	// A microtask that throws ends the program with that error, as an uncaught exception in node.
	let uncaught;
	const queueMicrotask = (fn) => {
		PromiseResolve().then(() => {
			try {
				fn();
			} catch (e) {
				if (uncaught === undefined) uncaught = { error: e };
			}
		});
	};
	const epoch = DateNow();
	const performance = { now: () => DateNow() - epoch, timeOrigin: epoch };
	// ---- node:util: the part programs reach for (inspect, format, isDeepStrictEqual, promisify, …) ----
	const inspectTop = (v) => (typeof v === 'string' ? quote(v) : inspect(v));
	function format(f, ...args) {
		if (typeof f !== 'string')
			return ArrayJoin(
				ArrayMap([f, ...args], (x) => (typeof x === 'string' ? x : inspectTop(x))),
				' ',
			);
		let i = 0;
		let out = '';
		for (let k = 0; k < f.length; k++) {
			const c = f[k + 1];
			if (f[k] !== '%' || c === undefined) {
				out += f[k];
				continue;
			}
			k++;
			if (c === '%') out += '%';
			else if (i >= args.length) out += '%' + c;
			else if (c === 's') out += typeof args[i] === 'string' ? args[i++] : inspect(args[i++], 1);
			else if (c === 'd' || c === 'i' || c === 'f') {
				const n = NumberCtor(args[i++]);
				out += StringCtor(c === 'i' ? MathTrunc(n) : n);
			} else if (c === 'j') out += JSONStringify(args[i++]);
			else if (c === 'o' || c === 'O') out += inspectTop(args[i++]);
			else out += '%' + c;
		}
		for (; i < args.length; i++) out += ' ' + (typeof args[i] === 'string' ? args[i] : inspectTop(args[i]));
		return out;
	}
	const util = ObjectFreeze({
		inspect: inspectTop,
		format,
		isDeepStrictEqual: (a, b) => innerDeepEqual(a, b, STRICT, []),
		inherits: (ctor, base) => ObjectSetPrototypeOf(ctor.prototype, base.prototype),
		promisify:
			(fn) =>
			(...args) =>
				new PromiseCtor((resolve, reject) =>
					ReflectApply(fn, undefined, [...args, (err, value) => (err ? reject(err) : resolve(value))]),
				),
		deprecate: (fn) => fn,
		types: ObjectFreeze({
			isDate: (v) => isA(v, DateCtor),
			isRegExp: (v) => isA(v, RegExpCtor),
			isMap: (v) => isA(v, MapCtor),
			isSet: (v) => isA(v, SetCtor),
			isPromise: (v) => isA(v, PromiseCtor),
		}),
		isArray: ArrayIsArray,
	});
	const modules = {
		assert,
		'node:assert': assert,
		'assert/strict': assert,
		'node:assert/strict': assert,
		util,
		'node:util': util,
	};
	// Made on first require, then kept under both names, as node caches a module.
	const shimModules = { fs: 'fs', 'node:fs': 'fs', buffer: 'buffer', 'node:buffer': 'buffer' };
	function require(name) {
		if (hasOwn(modules, name)) return modules[name];
		if (shimSource !== undefined && hasOwn(shimModules, name)) {
			const bare = shimModules[name];
			const made = bare === 'fs' ? shims().fs : { Buffer: shims().Buffer };
			modules[bare] = modules[`node:${bare}`] = made;
			return made;
		}
		const e = new ErrorCtor(`Cannot find module '${name}'\nRequire stack:\n- /program.js`);
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	}
	// ---- Intl: QuickJS has none; the worker's ICU answers (runtimes/javascript/intl.ts) ----
	if (hostIntl) {
		const ask = (kind, locales, options, a, b) => {
			const r = hostIntl(kind, JSONStringify(locales ?? null), JSONStringify(options ?? null), a, b);
			if (typeof r === 'string' && r[0] === '!') {
				const [name, ...rest] = StringSplit(StringSlice(r, 1), ': ');
				const E = name === 'TypeError' ? TypeError : RangeError;
				throw new E(ArrayJoin(rest, ': ') || name);
			}
			return r;
		};
		const define = (proto, name, fn) =>
			Object.defineProperty(proto, name, {
				value: fn,
				writable: true,
				configurable: true,
				enumerable: false,
			});
		define(String.prototype, 'localeCompare', function localeCompare(that, locales, options) {
			return ask('compare', locales, options, StringCtor(this), StringCtor(that));
		});
		define(String.prototype, 'toLocaleUpperCase', function toLocaleUpperCase(locales) {
			return ask('upper', locales, undefined, StringCtor(this));
		});
		define(String.prototype, 'toLocaleLowerCase', function toLocaleLowerCase(locales) {
			return ask('lower', locales, undefined, StringCtor(this));
		});
		define(Number.prototype, 'toLocaleString', function toLocaleString(locales, options) {
			return ask('number', locales, options, NumberCtor(this));
		});
		define(Date.prototype, 'toLocaleDateString', function toLocaleDateString(locales, options) {
			return ask(
				'date',
				locales,
				options ?? { year: 'numeric', month: 'numeric', day: 'numeric' },
				DateGetTime(this),
			);
		});
		// Intl.NumberFormat and Intl.DateTimeFormat: a formatter keeps its locales and options.
		const formatter = (kind, valueOf) =>
			class {
				#l;
				#o;
				constructor(locales, options) {
					this.#l = locales;
					this.#o = options;
				}
				format(x) {
					return ask(kind, this.#l, this.#o, valueOf(x));
				}
			};
		const NumberFormat = formatter('number', (x) => NumberCtor(x));
		const DateTimeFormat = formatter('date', (d) => (d === undefined ? DateNow() : NumberCtor(d)));
		class Collator {
			constructor(locales, options) {
				this.compare = (a, b) => ask('compare', locales, options, StringCtor(a), StringCtor(b));
			}
		}
		globalThis.Intl = { NumberFormat, Collator, DateTimeFormat };
	}
	Object.assign(globalThis, {
		console,
		process,
		setTimeout,
		clearTimeout,
		setImmediate: (fn, ...a) => setTimeout(fn, 0, ...a),
		setInterval,
		clearInterval: clearTimeout,
		queueMicrotask,
		performance,
		global: globalThis,
	});
	// The shims' globals become plain properties (as node's are) the first time they are read or set.
	const own = (name, value) =>
		ObjectDefineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });
	if (shimSource !== undefined)
		for (const name of ['TextEncoder', 'TextDecoder', 'structuredClone', 'Buffer'])
			ObjectDefineProperty(globalThis, name, {
				get: () => (own(name, shims()[name]), globalThis[name]),
				set: (v) => own(name, v),
				enumerable: false,
				configurable: true,
			});

	return {
		/** Runs the wrapped program as Node runs a CommonJS module, then its timers in order. */
		run(fn) {
			const module = { exports: {}, id: '.', filename: '/program.js', loaded: false };
			ReflectApply(fn, module.exports, [module.exports, require, module, '/program.js', '/']);
		},
		/** Runs the next timer. `budgetMs`: the time the sample has left; a timer due later than that
		 * is not run (node would have been stopped first) and its due time is returned instead. */
		nextTimer(budgetMs) {
			if (!timers.length) return false;
			let best = 0;
			for (let i = 1; i < timers.length; i++) if (timers[i].at < timers[best].at) best = i;
			if (timers[best].at > budgetMs) return timers[best].at;
			const t = ArraySplice(timers, best, 1)[0];
			now = t.at;
			if (t.every) ArrayPush(timers, { ...t, at: now + t.every });
			ReflectApply(t.fn, undefined, t.args);
			return true;
		},
		/** The first error a queued microtask threw, if any (node would have exited with it). */
		uncaught: () => (uncaught === undefined ? undefined : uncaught.error),
		assertions: () => assertions,
		intact: () => globalThis.console === console && globalThis.process === process,
	};
})(globalThis.__bt_host);
