// The embed widget's parameters: what a link or the custom element's attributes may say, the errors
// they get, and the snippet the app writes reading back as the same configuration.
import { TEMPLATE_NAMES } from '../../src/lib/prompts/templates';
import { describe, expect, it } from 'vitest';
import { embedFragment, embedParams, MAX_EMBED_CHARS, parseEmbedConfig } from '../../src/lib/embed/config';
import { commonIndent, dedent } from '../../src/embed/markup';
import { embedSnippets } from '../../src/lib/embed/snippet';

const parse = (q: string) => parseEmbedConfig(new URLSearchParams(q));

describe('embed parameters', () => {
	it('defaults: classroom, reference solutions, n = 1, greedy, not autostarted', () => {
		expect(parse('')).toMatchObject({
			source: { kind: 'bundled', benchmark: 'classroom' },
			generator: { kind: 'reference' },
			n: 1,
			sampling: { temperature: 0, topP: 1 },
			autostart: false,
		});
	});

	it('a bundled benchmark with ids, an endpoint model, n and temperature', () => {
		const c = parse(
			'benchmark=humaneval&ids=HumanEval/0, HumanEval/2&endpoint=http://localhost:11434/&model=qwen2.5-coder:1.5b&n=5&temperature=0.8&autostart',
		);
		expect(c.source).toEqual({
			kind: 'bundled',
			benchmark: 'humaneval',
			ids: ['HumanEval/0', 'HumanEval/2'],
		});
		expect(c.generator).toEqual({
			kind: 'endpoint',
			baseUrl: 'http://localhost:11434',
			model: 'qwen2.5-coder:1.5b',
			api: 'chat',
		});
		expect(c).toMatchObject({ n: 5, sampling: { temperature: 0.8, topP: 0.95 }, autostart: true });
	});

	it('a web-llm model id; n is ignored for reference solutions', () => {
		expect(parse('model=Qwen2.5-Coder-0.5B-Instruct').generator).toEqual({
			kind: 'webllm',
			modelId: 'Qwen2.5-Coder-0.5B-Instruct',
		});
		expect(parse('n=7').n).toBe(1);
	});

	it('one inline problem, or several as JSON, in any of the three languages', () => {
		expect(
			parse(
				'language=lua&name=double&prompt=local function double(x)&tests=assert(double(2)==4)&model=SmolLM2-360M-Instruct',
			).source,
		).toEqual({
			kind: 'inline',
			language: 'lua',
			problems: [{ name: 'double', prompt: 'local function double(x)', tests: 'assert(double(2)==4)' }],
		});
		const problems = [
			{ prompt: 'function a() {', tests: 't', reference: '}' },
			{ name: 'b', prompt: 'function b() {', tests: 't', reference: '}' },
		];
		const c = parse(`language=javascript&problems=${encodeURIComponent(JSON.stringify(problems))}`);
		expect(c.source).toMatchObject({ kind: 'inline', problems: [{ name: 'problem-1' }, { name: 'b' }] });
		expect(c.generator).toEqual({ kind: 'reference' });
	});

	it.each([
		['n=0&model=m', 'embed parameter "n": must be an integer from 1 to 100 (got "0")'],
		['temperature=hot', 'embed parameter "temperature": must be a number from 0 to 2 (got "hot")'],
		['autostart=maybe', 'embed parameter "autostart": must be true or false (got "maybe")'],
		['temprature=1', 'embed parameter "temprature": unknown parameter; known: benchmark, ids'],
		['api-key=sk-1', 'embed parameter "api-key": API keys are never read from a link or page'],
		['token=abc', 'embed parameter "token": API keys are never read'],
		[
			'language=ruby&prompt=x&tests=y',
			'embed parameter "language": must be one of python, javascript, lua (got "ruby")',
		],
		['prompt=def f():&tests=', 'embed parameter "tests": an inline problem needs tests'],
		[
			'prompt=x&tests=y',
			'embed parameter "reference": model=reference needs a reference solution for every problem',
		],
		[
			'benchmark=classroom&prompt=x&tests=y',
			'embed parameter "benchmark": give either a benchmark or inline problems',
		],
		['problems=[{', 'embed parameter "problems": is not valid JSON'],
		['problems=[{"prompt":"x"}]', 'embed parameter "problems[0].tests": must be a non-empty string'],
		[
			'problems=[{"prompt":"x","tests":"y","name":"a b"}]',
			'embed parameter "name": "a b": use letters, digits',
		],
		['endpoint=javascript:alert(1)&model=m', 'embed parameter "endpoint": must be an http(s) URL'],
		['endpoint=http://x', 'embed parameter "model": an endpoint needs the model name'],
		['model=<script>', 'embed parameter "model": "<script>" is not a web-llm model id'],
		['benchmark=../../etc', 'embed parameter "benchmark": "../../etc" is not a benchmark id'],
	])('%s → %s', (q, message) => {
		expect(() => parse(q)).toThrow(message);
	});

	it('max-tokens is a sampling setting, not a secret; tracking parameters are ignored', () => {
		expect(parse('model=m&endpoint=http://x&max-tokens=256&utm_source=blog').sampling.maxTokens).toBe(256);
	});

	it('an oversized link is refused before anything is parsed', () => {
		expect(() => parse(`prompt=${'x'.repeat(MAX_EMBED_CHARS)}&tests=y`)).toThrow(
			/parameters are 256 KB; at most 256 KB/,
		);
	});

	it('the fragment wins over the query', () => {
		expect(embedParams({ search: '?n=2&model=a', hash: '#n=3' }).toString()).toBe('n=3&model=a');
	});

	it('a snippet the app writes reads back as the same configuration', () => {
		for (const q of [
			'benchmark=mbpp&count=5&endpoint=http://127.0.0.1:8080/v1&model=m&api=completions&n=4&temperature=0.2&top-p=0.9&seed=3',
			'language=python&prompt=def f():&tests=assert f() == 1&reference=    return 1&title=Mine&autostart=1',
			'benchmark=humaneval-lua&ids=HumanEval_0_has_close_elements&model=SmolLM2-360M-Instruct&max-tokens=300',
		]) {
			const c = parse(q);
			expect(parse(embedFragment(c))).toEqual(c);
		}
	});
});

describe('inline problems written in HTML', () => {
	it('the prompt’s indentation comes off every part; a body keeps its own', () => {
		const prompt = '\n        def double(x):\n            """Twice x."""\n    ';
		const indent = commonIndent(prompt);
		expect(indent).toBe('        ');
		expect(dedent(prompt, indent)).toBe('def double(x):\n    """Twice x."""\n');
		expect(dedent('\n            return 2 * x\n        ', indent)).toBe('    return 2 * x\n');
		expect(dedent('\n        assert double(4) == 8\n  assert double(0) == 0\n', indent)).toBe(
			'assert double(4) == 8\nassert double(0) == 0\n',
		);
	});
});

describe('embed snippets', () => {
	it('an iframe and a custom element that read back as the same configuration', () => {
		const c = parse(
			'benchmark=classroom&count=5&endpoint=http://localhost:11434&model=qwen2.5-coder:1.5b&n=5&temperature=0.8&template=instruct&title=Say "hi" <now>',
		);
		const { iframe, element } = embedSnippets(
			c,
			'https://example.org/tools/benchtop/index.html?x=1#share=1.a',
		);
		const src = /src="([^"]+)"/.exec(iframe)![1]!.replace(/&amp;/g, '&');
		expect(src.startsWith('https://example.org/tools/benchtop/embed/#')).toBe(true);
		expect(parseEmbedConfig(embedParams(new URL(src)))).toEqual(c);
		expect(element).toMatch(
			/^<script src="https:\/\/example.org\/tools\/benchtop\/benchtop-eval.js"><\/script>\n<benchtop-eval /,
		);
		expect(element).toContain('title="Say &quot;hi&quot; &lt;now>"');
		const attrs = new URLSearchParams(
			[...element.matchAll(/ ([a-z-]+)="([^"]*)"/g)]
				.filter(([, k]) => k !== 'src')
				.map(([, k, v]) => [
					k!,
					v!
						.replace(/&quot;/g, '"')
						.replace(/&lt;/g, '<')
						.replace(/&amp;/g, '&'),
				]),
		);
		expect(parseEmbedConfig(attrs)).toEqual(c);
	});

	it('theme is light, dark or auto, and survives the round trip', () => {
		expect(parse('theme=dark').theme).toBe('dark');
		expect(parse('theme=auto').theme).toBeUndefined();
		expect(parse(embedFragment(parse('theme=light'))).theme).toBe('light');
		expect(() => parse('theme=neon')).toThrow(
			'embed parameter "theme": must be light, dark or auto (got "neon")',
		);
	});

	it('template is checked', () => {
		expect(() => parse('model=m&template=freeform')).toThrow(
			`embed parameter "template": must be one of ${TEMPLATE_NAMES.join(', ')} (got "freeform")`,
		);
	});
});
