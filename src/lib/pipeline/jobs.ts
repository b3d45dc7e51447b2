// One sample of one problem → the job the execution core runs, composed exactly as the
// benchmark's reference harness composes it.
import type { Benchmark, Problem } from '../benchmarks/types';
import { CLASSEVAL_CLASS_S, compose, toJob } from '../execution/compose';
import type { Job, Limits } from '../execution/runtime';
import type { Sample } from '../core/sample';

export function sampleJob(
	bench: Pick<Benchmark, 'composition' | 'language' | 'dialect'>,
	problem: Problem,
	sample: Sample,
	limits: Limits,
): Job {
	const composed = compose(bench.composition, {
		// A full solution (evalplus, bigcode) already contains the prompt.
		prompt: sample.full ? '' : problem.prompt,
		completion: sample.code,
		tests: problem.tests,
		entryPoint: problem.entryPoint,
		setup: problem.setup,
		input: problem.cruxeval?.input,
		testClasses: problem.classeval?.testClasses,
	});
	// ClassEval gives each test class 5 s (func_set_timeout in its test_pipeline.py).
	const classes = problem.classeval?.testClasses.length;
	const lim = classes
		? { ...limits, timeMs: Math.max(limits.timeMs, CLASSEVAL_CLASS_S * 1000 * classes) }
		: limits;
	return toJob(bench.language, composed, lim, bench.dialect);
}

/** Reference solutions as samples: all of them must pass (the benchmark's own sanity check). */
export function referenceSamples(bench: Benchmark): Sample[] {
	return bench.problems
		.filter((p) => p.reference !== undefined)
		.map((p) => ({
			taskId: p.taskId,
			code: p.reference!,
			full: false,
			file: `${bench.id} (reference solutions)`,
		}));
}
