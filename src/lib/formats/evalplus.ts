// EvalPlus's eval_results.json, written as evalplus/evaluate.py writes it (json.dump: Python's
// separators and float spelling, the date as "%Y-%m-%d %H:%M", the dataset's md5), and read back.
// Each sample carries its base and plus status and, when it failed, the input that broke it — the
// dataset's own text of that input — as EvalPlus's default fast check reports it.
import { parseComplex, pythonComplexRepr, pythonFloatRepr } from './python-repr';
import { InputError } from '../core/errors';
import type { ExecResult, PhaseVerdict, Status } from '../core/result';
import { taskId } from '../core/ids';
import type { Problem } from '../benchmarks/types';
import { rawElements } from '../benchmarks/evalplus';
import { passAtK } from '../scoring/pass-at-k';
import type { Verdict } from '../scoring';
import { pythonJson, type Outcome } from './results';

const STATUS: Record<Status, string> = { passed: 'pass', failed: 'fail', timeout: 'timeout', error: 'fail' };

/** Python's repr of a float (both languages print the shortest round-trip digits; the layout differs). */
export function pythonFloat(x: number): string {
	if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
	if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
	const [mantissa, exp] = x.toExponential().split('e') as [string, string];
	const e = Number(exp);
	if (e < -4 || e >= 16) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
	const s = String(x);
	return s.includes('.') ? s : `${s}.0`;
}

/** numpy's pairwise summation (numpy/_core/src/umath/loops_utils.h), so a mean matches np.mean's bits. */
function pairwiseSum(a: readonly number[], lo: number, n: number): number {
	if (n < 8) {
		let res = 0;
		for (let i = lo; i < lo + n; i++) res += a[i]!;
		return res;
	}
	if (n <= 128) {
		const r = a.slice(lo, lo + 8);
		let i = 8;
		for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j]! += a[lo + i + j]!;
		let res = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
		for (; i < n; i++) res += a[lo + i]!;
		return res;
	}
	let n2 = Math.floor(n / 2);
	n2 -= n2 % 8;
	return pairwiseSum(a, lo, n2) + pairwiseSum(a, lo + n2, n - n2);
}

/** np.mean of a 1-D float array. */
export const numpyMean = (values: readonly number[]) => pairwiseSum(values, 0, values.length) / values.length;

/** evalplus's pass_at_k: k in 1, 10, 100 where every problem has at least k samples. */
function passAtKs(counts: readonly { n: number; c: number }[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const k of [1, 10, 100]) {
		if (!counts.length || counts.some((t) => t.n < k)) continue;
		const values = counts.map((t) => passAtK(t.n, t.c, k));
		out[`pass@${k}`] = numpyMean(values);
	}
	return out;
}

/** What EvalPlus lists as the failing input: the last one its loop reached (`details[:progress]`). */
function failTests(v: PhaseVerdict | undefined, inputs: () => string[]): string[] {
	if (!v || v.status === 'passed' || v.input === undefined) return [];
	// A killed run reports the last input it finished, not the one it was killed in.
	const at = v.status === 'timeout' ? v.input - 1 : v.input;
	return at < 0 ? [] : [inputs()[at]!];
}

/** As json.dump writes it, with the fail tests inserted as the dataset's own text. The only numbers
 * in the file are pass@k means: floats, as numpy's are. */
const leaf = (v: unknown) =>
	v instanceof RawJson ? v.text : typeof v === 'number' ? pythonFloat(v) : undefined;

class RawJson {
	constructor(readonly text: string) {}
}

/** A failing input as EvalPlus writes it: the dataset's text, except where mbpp_serialize_inputs
 * re-serializes the values it restored (MBPP+ 124: str(float), str(complex); 252: str(complex)). */
export function failTest(p: Problem | undefined, text: string): unknown {
	const task = p?.evalplus?.dataset === 'mbpp' ? Number(p.taskId.split('/')[1]) : undefined;
	if (task !== 124 && task !== 252) return new RawJson(text);
	const inp = JSON.parse(text) as (string | number)[];
	const complexStr = (v: string | number) => pythonComplexRepr(parseComplex(String(v)));
	return task === 124 ? [pythonFloatRepr(Number(inp[0])), complexStr(inp[1]!)] : [complexStr(inp[0]!)];
}

const pad = (n: number) => String(n).padStart(2, '0');
const evalplusDate = (d: Date) =>
	`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;

export function toEvalplus(
	outcomes: readonly Outcome[],
	problems: readonly Problem[],
	hash: string,
	date: Date,
): string {
	const byId = new Map(problems.map((p) => [p.taskId as string, p]));
	const split = new Map<string, string[]>();
	const inputsOf = (p: Problem | undefined, phase: 'base' | 'plus') => () => {
		const key = `${p?.taskId}\u0000${phase}`;
		let got = split.get(key);
		if (!got) split.set(key, (got = p?.evalplus ? rawElements(p.evalplus[phase]) : []));
		return got;
	};
	const evals: Record<string, unknown[]> = {};
	const counts = new Map<string, { n: number; base: number; plus: number }>();
	let plus = true;
	for (const { sample, result } of outcomes) {
		const p = byId.get(sample.taskId);
		const ep: ExecResult['evalplus'] = result.evalplus;
		plus &&= ep !== undefined;
		const base = ep?.base.status ?? result.status;
		(evals[sample.taskId] ??= []).push({
			task_id: sample.taskId,
			solution: sample.full ? sample.code : (p?.prompt ?? '') + sample.code,
			base_status: STATUS[base],
			plus_status: ep ? STATUS[ep.plus.status] : null,
			base_fail_tests: failTests(ep?.base, inputsOf(p, 'base')).map((t) => failTest(p, t)),
			plus_fail_tests: failTests(ep?.plus, inputsOf(p, 'plus')).map((t) => failTest(p, t)),
		});
		const c = counts.get(sample.taskId) ?? { n: 0, base: 0, plus: 0 };
		c.n++;
		if (base === 'passed') c.base++;
		if (ep && ep.base.status === 'passed' && ep.plus.status === 'passed') c.plus++;
		counts.set(sample.taskId, c);
	}
	const all = [...counts.values()];
	const pass_at_k: Record<string, unknown> = { base: passAtKs(all.map((t) => ({ n: t.n, c: t.base }))) };
	if (plus && all.length) pass_at_k.plus = passAtKs(all.map((t) => ({ n: t.n, c: t.plus })));
	return pythonJson({ date: evalplusDate(date), hash, eval: evals, pass_at_k }, leaf);
}

const fromEvalplus = (s: unknown): Status =>
	s === 'pass' ? 'passed' : s === 'timeout' ? 'timeout' : 'failed';

/** Verdicts from an eval_results.json: base and plus both, where the file has plus statuses. */
export function evalplusVerdicts(doc: Record<string, unknown>, file: string): Verdict[] {
	return Object.entries(doc.eval as Record<string, unknown[]>).flatMap(([id, list]) =>
		list.map((r, i) => {
			const { base_status: b, plus_status: p } = r as { base_status?: unknown; plus_status?: unknown };
			if (typeof b !== 'string')
				throw new InputError(file, undefined, `eval.${id}[${i}].base_status`, 'missing');
			const base = fromEvalplus(b);
			if (typeof p !== 'string') return { taskId: taskId(id), status: base };
			const plus = fromEvalplus(p);
			const status: Status = base !== 'passed' ? base : plus;
			return { taskId: taskId(id), status, base };
		}),
	);
}
