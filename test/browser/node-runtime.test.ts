// The Node runtime without a network, as in this environment: WebContainer cannot boot, the page
// says why within the set time, and the run completes on QuickJS.
import { describe, expect, it } from 'vitest';
import type { HarnessApi } from '../../src/harness';
import { DEFAULT_LIMITS } from '../../src/lib/execution/runtime';
import { GREEDY } from '../../src/lib/generation/types';
import { useHarness } from './support/page';

declare const window: { benchtop: HarnessApi };
const h = useHarness();
const BOOT_TIMEOUT_MS = 8000;

describe('Node runtime (WebContainer) without a network', () => {
	it('is reported unavailable within the set time and the run completes on QuickJS', async () => {
		// Only this machine is reachable: StackBlitz's servers are not.
		await h.page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
			route.abort('internetdisconnected'),
		);
		const r = await h.page.evaluate(
			async ({ limits, sampling, timeout }) => {
				const bt = window.benchtop;
				const index = await (await fetch(`${bt.benchmarksBase}index.json`)).json();
				const hash = index.find((b: { id: string }) => b.id === 'classroom-js').hash;
				const t0 = performance.now();
				const { executor, choice } = await bt.withJsRuntime('node', new bt.Executor(), timeout);
				const decidedMs = performance.now() - t0;
				const bench = await (await fetch(`${bt.benchmarksBase}classroom-js.json`)).json();
				const run = await bt.pipeline.startRun(
					{
						benchmark: { id: 'classroom-js', hash },
						taskIds: bench.problems.map((p: { taskId: string }) => p.taskId),
						n: 1,
						sampling,
						template: { name: 'completion', version: 1 },
						limits,
						ks: [1],
						generator: { kind: 'reference' },
					},
					'node fallback',
					{ store: new bt.pipeline.MemoryRunStore(), executor, benchmarksBase: bt.benchmarksBase },
				);
				await run.run();
				return { choice, decidedMs, status: run.status, score: run.score(), isolated: bt.isolated };
			},
			{ limits: DEFAULT_LIMITS, sampling: GREEDY, timeout: BOOT_TIMEOUT_MS },
		);
		expect(r.isolated).toBe(true);
		expect(r.choice.runtime).toBe('quickjs');
		expect(r.choice.runtime === 'quickjs' && r.choice.notice).toMatch(
			/^Node \(WebContainer\) is unavailable: .*(StackBlitz’s servers).*Running on QuickJS instead\.$/,
		);
		expect(r.decidedMs).toBeLessThan(BOOT_TIMEOUT_MS + 2000);
		expect(r.status).toBe('done');
		expect(r.score.passAtK['pass@1']).toBe(1);
		expect(r.score.attempted).toBe(20);
	});
});
