// Python's str() of floats and complex numbers, for the few places a results file holds them as
// text: EvalPlus writes MBPP+ tasks 124 and 252's failing inputs as str(float(x)) / str(complex(x))
// (mbpp_serialize_inputs), not as the dataset has them.

/** repr(float): the shortest round-trip digits, fixed notation for exponents -4…15, else
 * scientific with at least two exponent digits; `dot0` adds ".0" to integers (floats do, the parts
 * of a complex do not). */
export function pythonFloatRepr(x: number, dot0 = true): string {
	if (Number.isNaN(x)) return 'nan';
	if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
	if (x === 0) return (Object.is(x, -0) ? '-0' : '0') + (dot0 ? '.0' : '');
	const [mantissa, exp] = x.toExponential().split('e') as [string, string];
	const e = Number(exp);
	const sign = mantissa.startsWith('-') ? '-' : '';
	const digits = mantissa.replace(/^-/, '').replace('.', '');
	if (e < -4 || e >= 16) {
		const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
		return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
	}
	if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
	const int = digits.slice(0, e + 1).padEnd(e + 1, '0');
	const frac = digits.slice(e + 1);
	return `${sign}${int}${frac ? `.${frac}` : dot0 ? '.0' : ''}`;
}

const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const REAL = new RegExp(`^[+-]?${NUMBER}$`);
const IMAG = new RegExp(`^([+-]?(?:${NUMBER})?)j$`);
const BOTH = new RegExp(`^([+-]?${NUMBER})([+-](?:${NUMBER})?)j$`);
const unit = (t: string) => (t === '' || t === '+' ? 1 : t === '-' ? -1 : Number(t));

/** complex(text) for the forms Python's complex() reads: "1", "2j", "(1+2j)", "(-0-1e-16j)". */
export function parseComplex(text: string): [number, number] {
	const s = text
		.trim()
		.replace(/^\((.*)\)$/, '$1')
		.trim();
	if (REAL.test(s)) return [Number(s), 0];
	const imag = IMAG.exec(s);
	if (imag) return [0, unit(imag[1]!)];
	const both = BOTH.exec(s);
	if (both) return [Number(both[1]), unit(both[2]!)];
	throw new Error(`complex() arg is a malformed string: ${text}`);
}

/** repr(complex): "bj" when the real part is +0.0, else "(a±bj)"; parts without ".0". */
export function pythonComplexRepr([re, im]: [number, number]): string {
	const imag = pythonFloatRepr(im, false);
	if (re === 0 && !Object.is(re, -0)) return `${imag}j`;
	const signed = imag.startsWith('-') ? imag : `+${imag}`;
	return `(${pythonFloatRepr(re, false)}${signed}j)`;
}
