// How fast the correct samples are, against the problem's reference solution: EffiBench's
// normalised execution time (NET = the sample's time / the reference's time on the same tests),
// both timed in the same sandbox, one worker, their runs interleaved (sample, reference, sample, …)
// so both see the same machine; each time is the median of its runs. Per sample, per problem and
// over the run; a sample is flagged when it passes only because the limit is generous — slower than
// EvalPlus's calibrated limit for its problem, max(1 s, 4 × the reference's time).

export const EFFICIENCY_REPEATS = 5;

export const EFFICIENCY_METHOD =
	`each passing sample and its problem's reference solution run ${EFFICIENCY_REPEATS} times each, interleaved, ` +
	"on one worker in the same sandbox; a time is the median of its runs (the whole program: the sample's code and " +
	'its tests); NET = sample / reference (EffiBench). Flagged: slower than max(1 s, 4 × the reference), the limit ' +
	'EvalPlus would have given it. Wall-clock times depend on the machine, the ratio less; the work ratio not at all: ' +
	"each interpreter's own count of steps (Python: eval-loop polls, ~one per 200 bytecodes, C builtins not counted; " +
	'Lua: blocks of 1,000 VM instructions; JavaScript: QuickJS interrupt checks), sample / reference. ' +
	"Peak memory (Python): one more run each under CPython's tracemalloc, the most bytes the program's objects " +
	"held while it and its tests ran; memory ratio = sample / reference (EffiBench's NMU). QuickJS and wasmoon " +
	'report no peak, so JavaScript and Lua have none.';

export interface Timed {
	taskId: string;
	/** The sample's position among the run's samples. */
	index: number;
	sampleMs: number[];
	referenceMs: number[];
	/** The interpreter's own count of work done (ExecResult.work), per run, where it reports one. */
	sampleWork?: number[];
	referenceWork?: number[];
	/** Peak bytes of one traced run each (ExecResult.peakBytes), where the runtime reports one. */
	sampleBytes?: number;
	referenceBytes?: number;
}

export interface SampleEfficiency {
	taskId: string;
	index: number;
	sampleMs: number;
	referenceMs: number;
	net: number;
	/** sample work / reference work: the same on any machine (NaN where either is unknown or 0). */
	workRatio: number;
	/** sample peak memory / reference peak memory (NaN where either is unknown or 0). */
	memoryRatio: number;
	/** (max − min) / median of the sample's runs: how steady its timing was. */
	spread: number;
	generous: boolean;
}

export interface Efficiency {
	method: string;
	samples: SampleEfficiency[];
	perProblem: {
		taskId: string;
		samples: number;
		medianNet: number;
		minNet: number;
		maxNet: number;
		/** NaN where no sample of it has a work ratio. */
		medianWorkRatio: number;
		/** NaN where no sample of it has a memory ratio. */
		medianMemoryRatio: number;
	}[];
	/** Over every timed sample. */
	meanNet: number | null;
	medianNet: number | null;
	/** The work ratio's median over the samples that have one. */
	medianWorkRatio: number | null;
	/** The memory ratio's median over the samples that have one. */
	medianMemoryRatio: number | null;
	/** Samples that pass only because the limit is generous. */
	generous: number;
}

export const median = (xs: readonly number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The calibrated limit EvalPlus would give a problem whose reference takes `referenceMs`. */
export const calibratedLimitMs = (referenceMs: number) => Math.max(1000, 4 * referenceMs);

const ratio = (a?: number[], b?: number[]) => {
	if (!a?.length || !b?.length) return NaN;
	const [x, y] = [median(a), median(b)];
	return y > 0 ? x / y : NaN;
};

export function efficiency(timed: readonly Timed[]): Efficiency {
	const samples = timed.map((t): SampleEfficiency => {
		const [s, r] = [median(t.sampleMs), median(t.referenceMs)];
		return {
			taskId: t.taskId,
			index: t.index,
			sampleMs: s,
			referenceMs: r,
			// A reference too quick to time (0 ms) gives no ratio.
			net: r > 0 ? s / r : NaN,
			workRatio: ratio(t.sampleWork, t.referenceWork),
			memoryRatio: t.sampleBytes !== undefined && t.referenceBytes ? t.sampleBytes / t.referenceBytes : NaN,
			spread: s > 0 ? (Math.max(...t.sampleMs) - Math.min(...t.sampleMs)) / s : 0,
			generous: s > calibratedLimitMs(r),
		};
	});
	const byTask = new Map<string, number[]>();
	for (const x of samples)
		if (!Number.isNaN(x.net)) byTask.set(x.taskId, [...(byTask.get(x.taskId) ?? []), x.net]);
	const known = (xs: number[]) => xs.filter((x) => !Number.isNaN(x));
	const nets = known(samples.map((x) => x.net));
	const works = known(samples.map((x) => x.workRatio));
	const memories = known(samples.map((x) => x.memoryRatio));
	return {
		method: EFFICIENCY_METHOD,
		samples,
		perProblem: [...byTask].map(([taskId, v]) => {
			const mine = samples.filter((x) => x.taskId === taskId);
			const w = known(mine.map((x) => x.workRatio));
			const mem = known(mine.map((x) => x.memoryRatio));
			return {
				taskId,
				samples: v.length,
				medianNet: median(v),
				minNet: Math.min(...v),
				maxNet: Math.max(...v),
				medianWorkRatio: w.length ? median(w) : NaN,
				medianMemoryRatio: mem.length ? median(mem) : NaN,
			};
		}),
		meanNet: nets.length ? nets.reduce((a, b) => a + b, 0) / nets.length : null,
		medianWorkRatio: works.length ? median(works) : null,
		medianMemoryRatio: memories.length ? median(memories) : null,
		medianNet: nets.length ? median(nets) : null,
		generous: samples.filter((x) => x.generous).length,
	};
}
