// The failure taxonomy's rules for programs that did not compile or stopped on an error, per
// language: Python's exception types and CPython's messages, QuickJS's and tsc's, Lua's. Each rule
// reads only the error type and message; the first that matches decides.
import type { ExecResult } from '../../core/result';
import { decided, type FailureClass, type FailureContext } from './taxonomy';
import { PYTHON_STDLIB } from '../../core/python-stdlib';

/** Packages a model may fairly import that a sandbox may lack: a missing one is the environment's
 * doing, not the model's. */
const KNOWN_PACKAGES = new Set([
	'numpy',
	'pandas',
	'scipy',
	'sympy',
	'sklearn',
	'matplotlib',
	'networkx',
	'regex',
	'requests',
	'torch',
	'PIL',
	'nltk',
	'dateutil',
	'pytz',
	'yaml',
	'bs4',
]);
const NODE_BUILTINS = new Set([
	'fs',
	'path',
	'util',
	'assert',
	'os',
	'crypto',
	'events',
	'buffer',
	'child_process',
	'readline',
]);

/** Names a Python program uses from a module it forgot to import. */
const IMPORTED_NAMES = new Set([
	// typing
	'List',
	'Dict',
	'Tuple',
	'Set',
	'Optional',
	'Any',
	'Union',
	'Callable',
	'Iterable',
	'Iterator',
	'Sequence',
	'Generator',
	'Deque',
	'DefaultDict',
	'FrozenSet',
	'Type',
	// collections, functools, itertools, math, heapq, bisect
	'Counter',
	'defaultdict',
	'deque',
	'OrderedDict',
	'namedtuple',
	'reduce',
	'lru_cache',
	'cache',
	'cmp_to_key',
	'partial',
	'permutations',
	'combinations',
	'product',
	'accumulate',
	'groupby',
	'chain',
	'zip_longest',
	'sqrt',
	'floor',
	'ceil',
	'gcd',
	'factorial',
	'isqrt',
	'comb',
	'inf',
	'pi',
	'heappush',
	'heappop',
	'heapify',
	'bisect_left',
	'bisect_right',
	'ascii_lowercase',
	'ascii_uppercase',
	'digits',
]);

const quoted = (message: string, after: RegExp) => message.match(after)?.[1];

export function syntaxRule(r: ExecResult, ctx: FailureContext): FailureClass {
	const m = r.message ?? '';
	if (ctx.cut)
		return decided(
			'syntax',
			'incomplete-structure',
			'cut-at-token-limit',
			'the model stopped at its token limit in the middle of the program',
		);
	if (r.errorType === 'IndentationError' || r.errorType === 'TabError' || /indent/i.test(m))
		return decided('syntax', 'indentation', 'indentation', `indentation does not match its block: ${m}`);
	if (/import \* only allowed at module level/.test(m))
		return decided(
			'syntax',
			'import',
			'import-level',
			'imports * inside a function, which only a module may do',
		);
	if (/TS2307|Cannot find module/.test(m)) return importOf(quoted(m, /module '([^']+)'/) ?? '?', ctx);
	if (/TS2304|TS2552|Cannot find name/.test(m))
		return decided('runtime', 'missing-definition', 'ts-missing-name', `uses a name it never defines (${m})`);
	if (/TS2339|does not exist on type/.test(m))
		return decided(
			'runtime',
			'api-misuse',
			'ts-no-property',
			`uses a property its type does not have (${m})`,
		);
	if (/TS2345|TS2554|TS2322|Argument of type|Expected \d+ arguments/.test(m))
		return decided('runtime', 'argument', 'ts-argument', `a value or arguments of the wrong type (${m})`);
	if (
		/was never closed|does not match opening parenthesis|unmatched|unexpected EOF|EOF while|unterminated|expected ':'|unexpected end|end of (input|script)|near <eof>|'end' expected|unfinished|expecting '[)}\]]'/i.test(
			m,
		)
	)
		return decided(
			'syntax',
			'incomplete-structure',
			'unclosed',
			`a bracket, string or block is never finished: ${m}`,
		);
	return decided('syntax', 'unclassified', 'syntax-other', `a syntax error no rule names: ${m}`);
}

/** A module that could not be loaded: the environment's lack, or a module that exists nowhere. */
function importOf(name: string, ctx: FailureContext): FailureClass {
	const top = name.replace(/^node:/, '').split(/[./]/)[0]!;
	const known =
		ctx.language === 'python'
			? PYTHON_STDLIB.has(top) || KNOWN_PACKAGES.has(top)
			: ctx.language === 'javascript'
				? NODE_BUILTINS.has(top)
				: false;
	return known
		? decided('other', 'unclassified', 'needs-package', `needs ${top}, which this sandbox does not have`)
		: decided(
				'functional',
				'hallucination',
				'no-such-module',
				`imports ${name}, a module that exists in no standard library or common package`,
			);
}

export function errorRule(r: ExecResult, ctx: FailureContext): FailureClass {
	const m = r.message ?? '';
	const t = r.errorType ?? '';
	if (ctx.language === 'lua') return luaRule(m);
	if (t === 'ModuleNotFoundError' || /^Cannot find module|^No module named/.test(m))
		return importOf(quoted(m, /module (?:named )?'([^']+)'/) ?? '?', ctx);
	if (t === 'ImportError') {
		const from = quoted(m, /from '([^']+)'/);
		return from
			? decided(
					'functional',
					'hallucination',
					'no-such-name',
					`imports a name module ${from} does not have: ${m}`,
				)
			: decided('syntax', 'import', 'import-error', m);
	}
	if (t === 'NameError' || t === 'ReferenceError') {
		const name = quoted(m, /name '([^']+)'/) ?? quoted(m, /^'?([\w$]+)'? is not defined/) ?? '';
		if (ctx.language === 'python' && (PYTHON_STDLIB.has(name) || IMPORTED_NAMES.has(name)))
			return decided('syntax', 'import', 'missing-import', `uses ${name} without importing it`);
		return decided(
			'runtime',
			'missing-definition',
			'undefined-name',
			`uses ${name || 'a name'}, which it never defines`,
		);
	}
	if (t === 'UnboundLocalError')
		return decided(
			'runtime',
			'missing-definition',
			'unbound-local',
			`reads a local variable before assigning it: ${m}`,
		);
	if (t === 'AttributeError') {
		const mod = quoted(m, /^module '([^']+)' has no attribute/);
		if (mod)
			return decided(
				'functional',
				'hallucination',
				'no-such-api',
				`calls something module ${mod} does not have: ${m}`,
			);
		if (/'NoneType' object/.test(m))
			return decided(
				'runtime',
				'boundary-condition',
				'none-used',
				`uses None as an object, a case left unchecked: ${m}`,
			);
		return decided(
			'runtime',
			'api-misuse',
			'no-such-attribute',
			`uses an attribute its value does not have: ${m}`,
		);
	}
	if (['IndexError', 'KeyError', 'ZeroDivisionError', 'StopIteration', 'OverflowError'].includes(t))
		return decided(
			'runtime',
			'boundary-condition',
			'out-of-range',
			`${t}: an index, key or divisor the input did not allow: ${m}`,
		);
	if (t === 'ValueError')
		return /empty/.test(m)
			? decided('runtime', 'boundary-condition', 'empty', `an empty input not handled: ${m}`)
			: decided('runtime', 'argument', 'bad-value', `a function got a value it cannot take: ${m}`);
	if (t === 'TypeError') return typeErrorRule(m);
	if (t === 'RangeError' && /array length|out of range|invalid/i.test(m))
		return decided('runtime', 'boundary-condition', 'out-of-range', `${t}: ${m}`);
	return decided('runtime', 'unclassified', 'error-other', `${t || 'an error'} no rule names: ${m}`);
}

function typeErrorRule(m: string): FailureClass {
	if (/NoneType|of undefined|of null|undefined is not|null is not|cannot read propert/i.test(m))
		return decided(
			'runtime',
			'boundary-condition',
			'none-used',
			`a missing value (None, undefined) used, a case left unchecked: ${m}`,
		);
	if (
		/positional argument|required (keyword|positional)|unexpected keyword|takes \d+|takes no|missing \d+ required|arguments? but/.test(
			m,
		)
	)
		return decided('runtime', 'argument', 'argument-count', `called with the wrong arguments: ${m}`);
	if (
		/not subscriptable|not iterable|not callable|unhashable|not a function|has no len\(\)|not a container|must support iteration|doesn't define|not a constructor|does not support/.test(
			m,
		)
	)
		return decided('runtime', 'api-misuse', 'wrong-use', `a value used as something its type is not: ${m}`);
	if (
		/unsupported operand|can only concatenate|must be|not supported between|cannot be interpreted|can't multiply|bad operand|expected (str|a character|string|\d+ arguments?)|not all arguments converted/.test(
			m,
		)
	)
		return decided(
			'runtime',
			'argument',
			'wrong-type',
			`values of the wrong type given to an operation: ${m}`,
		);
	return decided('runtime', 'unclassified', 'type-error-other', `a TypeError no rule names: ${m}`);
}

function luaRule(m: string): FailureClass {
	const global = quoted(m, /attempt to call a nil value \(global '([^']+)'\)/);
	if (global)
		return decided(
			'runtime',
			'missing-definition',
			'undefined-name',
			`calls ${global}, which it never defines`,
		);
	const member = quoted(m, /attempt to call a nil value \((?:method|field) '([^']+)'\)/);
	if (member)
		return decided(
			'runtime',
			'api-misuse',
			'no-such-attribute',
			`calls ${member}, which that value does not have`,
		);
	if (/module '([^']+)' not found/.test(m))
		return importOf(quoted(m, /module '([^']+)'/)!, { language: 'lua' });
	if (/a nil value|with nil|nil with|got nil/.test(m))
		return decided(
			'runtime',
			'boundary-condition',
			'none-used',
			`a missing value (nil) used, a case left unchecked: ${m}`,
		);
	if (/bad argument #\d+/.test(m))
		return decided('runtime', 'argument', 'bad-argument', `a library function got a wrong argument: ${m}`);
	if (/attempt to (perform arithmetic|compare|concatenate|index|get length|call) /.test(m))
		return decided(
			'runtime',
			'argument',
			'wrong-type',
			`values of the wrong type given to an operation: ${m}`,
		);
	return decided('runtime', 'unclassified', 'error-other', `an error no rule names: ${m}`);
}
