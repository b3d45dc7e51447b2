// The Node globals and modules the JavaScript sandbox provides beyond assert (node-shims.js and the
// prelude's timers and console), in a fresh context as each sample gets them, against Node's own.
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { intlCall } from '../../runtimes/javascript/intl';

const shims = readFileSync('runtimes/javascript/node-shims.js', 'utf8');
const prelude = readFileSync('runtimes/javascript/prelude.js', 'utf8');

/** A fresh context as the worker makes one; `program` runs in Node's CommonJS wrapper. */
async function sample(program: string) {
	const out: string[] = [];
	const host: Record<string, unknown> = {
		intl: intlCall,
		write: (s: number, t: string) => out.push(`${s}:${t}`),
		exit() {},
	};
	const context = createContext({ __bt_host: host });
	host.nodeSource = shims;
	const harness = runInContext(prelude, context) as {
		run(fn: unknown): void;
		nextTimer(): boolean;
		uncaught(): unknown;
	};
	const fn = runInContext(
		`(function (exports, require, module, __filename, __dirname) {${program}\n})`,
		context,
	);
	harness.run(fn);
	// Node's order: the script, its microtasks, then timers one by one with microtasks between.
	do await new Promise((r) => setImmediate(r));
	while (harness.nextTimer());
	return { out, value: runInContext('globalThis.result', context) as unknown, uncaught: harness.uncaught() };
}

describe('Node globals in the JavaScript sandbox', () => {
	it('TextEncoder / TextDecoder write and read UTF-8 as Node does', async () => {
		const text = 'héllo € 𝄞 \ud800!';
		const bad = [
			[0xff, 0x61, 0xe2, 0x82],
			[0xc0, 0x80],
			[0xed, 0xa0, 0x80],
			[0xf4, 0x90, 0x80, 0x80],
			[0xe2, 0x28, 0xa1],
			[0xf0, 0x9f, 0x98, 0x80],
		];
		const { value } = await sample(
			`const b = new TextEncoder().encode(${JSON.stringify(text)});\nglobalThis.result = [Array.from(b), new TextDecoder().decode(b), ${JSON.stringify(bad)}.map((x) => new TextDecoder().decode(new Uint8Array(x)))];`,
		);
		const encoded = new TextEncoder().encode(text);
		expect(value).toEqual([
			Array.from(encoded),
			new TextDecoder().decode(encoded),
			bad.map((x) => new TextDecoder().decode(new Uint8Array(x))),
		]);
	});

	it('structuredClone copies deeply (cycles, Map, Set, Date) and refuses functions', async () => {
		const { value } = await sample(
			'const a = { d: new Date(5), m: new Map([[1, new Set([2])]]), list: [1, { x: 2 }] };\na.self = a;\nconst c = structuredClone(a);\nlet err;\ntry { structuredClone({ f() {} }); } catch (e) { err = e.name; }\nglobalThis.result = [c !== a, c.self === c, c.list[1] !== a.list[1], c.d.getTime(), c.m.get(1).has(2), err];',
		);
		expect(value).toEqual([true, true, true, 5, true, 'DataCloneError']);
	});

	// node-shims.js is evaluated on first use (it was most of a sample's parse time); what a program
	// sees must be what node shows: globals it can read and replace, one module object under both names.
	it('the shims, made on first use, behave as Node’s globals and modules do', async () => {
		const { value } = await sample(
			"const fs = require('fs');\nfs.writeFileSync('a.txt', 'x');\nconst kinds = [typeof TextEncoder, typeof Buffer.from, Object.keys(globalThis).includes('Buffer')];\nstructuredClone = 7;\nglobalThis.result = [kinds, require('node:fs') === fs, require('node:fs').readFileSync('a.txt', 'utf8'), require('buffer').Buffer === Buffer, structuredClone];",
		);
		expect(value).toEqual([
			['function', 'function', Object.keys(globalThis).includes('Buffer')],
			true,
			'x',
			true,
			7,
		]);
	});

	it('microtasks, timers and intervals run in the order Node runs them', async () => {
		const { out } = await sample(
			"setTimeout(() => console.log('timeout 2'), 2);\nlet n = 0;\nconst id = setInterval(() => { console.log('interval', ++n); if (n === 3) clearInterval(id); }, 1);\nqueueMicrotask(() => console.log('micro'));\nPromise.resolve().then(() => console.log('then'));\nconsole.log('sync');",
		);
		expect(out.join('')).toBe(
			'1:sync\n1:micro\n1:then\n1:interval 1\n1:timeout 2\n1:interval 2\n1:interval 3\n',
		);
	});

	it('a microtask that throws is the program’s uncaught error', async () => {
		const { uncaught } = await sample("queueMicrotask(() => { throw new TypeError('late'); });");
		expect((uncaught as Error).message).toBe('late');
	});

	it("console.assert, count and dir print as Node's do", async () => {
		const { out } = await sample(
			"console.assert(1 > 2, 'x is %d', 5);\nconsole.assert(true);\nconsole.count();\nconsole.count('a');\nconsole.count();\nconsole.dir({ a: [1] });",
		);
		expect(out.join('')).toBe(
			'2:Assertion failed: x is 5\n1:default: 1\n1:a: 1\n1:default: 2\n1:{ a: [ 1 ] }\n',
		);
	});

	it("require('fs'): an empty file system of the sample's own, errors worded as Node's", async () => {
		const { value } = await sample(
			"const fs = require('node:fs');\nfs.writeFileSync('a.txt', 'hi');\nfs.appendFileSync('a.txt', '!');\nlet code, message;\ntry { fs.readFileSync('missing.txt'); } catch (e) { code = e.code; message = e.message; }\nglobalThis.result = [fs.readFileSync('a.txt', 'utf8'), fs.readFileSync('a.txt').toString(), Buffer.isBuffer(fs.readFileSync('a.txt')), fs.existsSync('a.txt'), fs.readdirSync('.'), code, message];",
		);
		let nodeMessage = '';
		try {
			readFileSync('missing.txt');
		} catch (e) {
			nodeMessage = (e as Error).message;
		}
		expect(value).toEqual(['hi!', 'hi!', true, true, ['a.txt'], 'ENOENT', nodeMessage]);
	});

	it('Buffer: from, toString in every encoding, concat, alloc, equals, JSON — as Node gives them', async () => {
		const calls = [
			"Buffer.from('héllo €').toString('base64')",
			"Buffer.from('héllo €').toString('hex')",
			"Buffer.from('aGk/Pz8+', 'base64').toString()",
			"Buffer.from('68c3a9', 'hex').toString('utf8')",
			"Buffer.from('hi?>>', 'utf8').toString('base64url')",
			"Buffer.from([104, 105, 300]).toString('latin1')",
			"Buffer.from('ab', 'utf16le').toString('hex')",
			"Buffer.byteLength('héllo')",
			"Buffer.concat([Buffer.from('a'), Buffer.from('bc')]).toString()",
			'Buffer.alloc(3, 1).toJSON()',
			"Buffer.from('abc').equals(Buffer.from('abc'))",
			"Buffer.isBuffer(Buffer.from('x'))",
			"Array.from(Buffer.from('abcdef').subarray(1, 3))",
			"JSON.stringify(Buffer.from('hi'))",
		];
		const { value } = await sample(`globalThis.result = [${calls.join(', ')}];`);
		expect(value).toEqual(calls.map((c) => new Function('Buffer', `return ${c}`)(Buffer) as unknown));
	});

	it("Intl, localeCompare and toLocaleString answer as Node's ICU does", async () => {
		const calls = [
			"['é', 'f', 'e', 'Z', 'a'].sort((x, y) => x.localeCompare(y))",
			'(1234567.891).toLocaleString()',
			"(1234567.891).toLocaleString('de-DE')",
			"new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(1234.5)",
			"new Intl.NumberFormat('en-IN').format(12345678)",
			"new Intl.Collator('sv').compare('ä', 'z')",
			"['b', 'a', 'C'].sort(new Intl.Collator('en', { sensitivity: 'base' }).compare)",
			"'i'.toLocaleUpperCase('tr-TR')",
			"new Date(0).toLocaleDateString('en-US', { timeZone: 'UTC' })",
			"new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(86400000))",
		];
		const { value } = await sample(`globalThis.result = [${calls.join(', ')}];`);
		expect(value).toEqual(calls.map((c) => new Function(`return ${c}`)() as unknown));
		const bad = await sample(
			"try { (1).toLocaleString('not a locale!'); } catch (e) { globalThis.result = e.name; }",
		);
		expect(bad.value).toBe('RangeError');
	});

	it('performance.now measures time', async () => {
		const { value } = await sample(
			'const t = performance.now();\nglobalThis.result = typeof t === "number" && t >= 0;',
		);
		expect(value).toBe(true);
	});
});
