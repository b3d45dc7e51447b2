// One generated run inside the driver page: the pipeline with the page's executor, progress reported
// through the batched binding. The executor stays on the page between runs (a robustness run is
// one run per ReCode set) and is disposed by `disposeExecutor` at the end.
import type { Page } from 'playwright-core';
import type { DriverApi } from '../src/driver';
import type { Language } from '../src/lib/core/ids';
import type { RunSpec, SampleRecord, TestSetRecord } from '../src/lib/run/spec';
import { PROGRESS_MS, type ProgressBinding } from './browser';

export interface PageResult {
	records: SampleRecord[];
	/** Reranking runs: each problem's generated tests. */
	tests?: TestSetRecord[];
	status: string;
	error?: string;
	userAgent: string;
	workers: number;
	engine?: string;
	gpu?: { ok: boolean; message: string };
}

type PageWindow = {
	benchtop: DriverApi;
	__benchtopProgress: ProgressBinding;
	__runExecutor?: InstanceType<DriverApi['Executor']>;
};

export function runInPage(
	page: Page,
	spec: RunSpec,
	o: { workers?: number; apiKey?: string; allowSoftware: boolean; language: Language },
): Promise<PageResult> {
	return page.evaluate(
		async ({ spec, workers, apiKey, allowSoftware, language, every }): Promise<PageResult> => {
			const w = window as unknown as PageWindow;
			const bt = w.benchtop;
			if (spec.generator.kind === 'webllm') {
				const verdict = bt.gpu.assess(await bt.gpu.probe());
				const soft = verdict.findings.find((f) => /software renderer/.test(f.message));
				const err = verdict.findings.find((f) => f.level === 'error');
				if (err)
					return {
						gpu: { ok: false, message: `--webllm needs a browser with WebGPU: ${err.message} ${err.action}` },
					} as PageResult;
				if (soft && !allowSoftware)
					return {
						gpu: {
							ok: false,
							message: `--webllm: ${soft.message} Pass --allow-software-gpu to run anyway, or use --endpoint.`,
						},
					} as PageResult;
			}
			w.__runExecutor ??= new bt.Executor({ size: workers ?? navigator.hardwareConcurrency });
			const executor = w.__runExecutor;
			const run = await bt.pipeline.startRun(spec, 'benchtop run', {
				store: new bt.pipeline.MemoryRunStore(),
				executor,
				benchmarksBase: bt.benchmarksBase,
				apiKey,
			});
			const progress = bt.pipeline.batched(w.__benchtopProgress, every);
			run.on((e) => e.type === 'sample' && progress.push([e.record.index, e.record.result.status]));
			await run.run().catch(() => {});
			await progress.end();
			return {
				records: [...run.records.values()],
				tests: run.tests && [...run.tests.sets.values()],
				status: run.status,
				error: run.meta.error,
				userAgent: navigator.userAgent,
				workers: (await executor.pool(language)).size,
				engine: run.meta.engine,
			};
		},
		{ spec, ...o, every: PROGRESS_MS },
	);
}

export function disposeExecutor(page: Page): Promise<void> {
	return page.evaluate(async () => {
		const w = window as unknown as PageWindow;
		await w.__runExecutor?.dispose();
		delete w.__runExecutor;
	});
}
