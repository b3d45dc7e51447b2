// The Node runtime without a network, as in this environment: WebContainer cannot boot, the page
// says why within the set time, and the run completes on QuickJS.
import { describe, expect, it } from 'vitest';
import type { DriverApi } from '../../src/driver';
import { useHarness } from './support/page';

declare const window: { benchtop: DriverApi };
const h = useHarness();
const BOOT_TIMEOUT_MS = 8000;

describe('Node runtime (WebContainer) without a network', () => {
	it('is reported unavailable within the set time and the run completes on QuickJS', async () => {
		// Only this machine is reachable: StackBlitz's servers are not.
		await h.page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
			route.abort('internetdisconnected'),
		);
		const r = await h.page.evaluate(async (timeout) => {
			const bt = window.benchtop;
			const t0 = performance.now();
			const { executor, choice } = await bt.withJsRuntime('node', new bt.Executor(), timeout);
			const decidedMs = performance.now() - t0;
			const run = await bt.pipeline.startReferenceRun('classroom-js', {
				store: new bt.pipeline.MemoryRunStore(),
				executor,
				benchmarksBase: bt.benchmarksBase,
			});
			await run.run();
			return { choice, decidedMs, status: run.status, score: run.score(), isolated: bt.isolated };
		}, BOOT_TIMEOUT_MS);
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
