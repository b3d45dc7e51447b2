// For a maintainer with an internet connection: checks the Node runtime (WebContainer) for real.
// Serves the built app with cross-origin isolation, opens it in Chromium, boots WebContainer, runs
// classroom-js's reference solutions and a TypeScript program through `node`, and prints what
// happened. Exits 1 if WebContainer did not start.
//   npm run check:webcontainer [-- --headed]
import { withDriver } from '../cli/browser';
import type { DriverApi } from '../src/driver';
import { DEFAULT_LIMITS } from '../src/lib/execution/runtime';

const headed = process.argv.includes('--headed');
const result = await withDriver(
	(page) =>
		page.evaluate(async (limits) => {
			const bt = (window as unknown as { benchtop: DriverApi }).benchtop;
			const { executor, choice } = await bt.withJsRuntime('node', new bt.Executor(), 60_000);
			if (choice.runtime !== 'node') return { choice };
			const ts = await executor.run({
				language: 'javascript',
				dialect: 'typescript',
				program:
					"const assert = require('node:assert');\nconst add = (a: number, b: number): number => a + b;\nassert.strictEqual(add(2, 3), 5);\nconsole.log(process.version);",
				limits,
			});
			const loop = await executor.run({
				language: 'javascript',
				program: 'while (true) {}',
				limits: { ...limits, timeMs: 2000 },
			});
			const run = await bt.pipeline.startReferenceRun('classroom-js', {
				store: new bt.pipeline.MemoryRunStore(),
				executor,
				benchmarksBase: bt.benchmarksBase,
			});
			await run.run();
			return { choice, typescript: ts, loop: loop.status, passAt1: run.score().passAtK['pass@1'] };
		}, DEFAULT_LIMITS),
	{ headless: !headed },
);
console.log(JSON.stringify(result, null, 2));
process.exitCode = result.choice.runtime === 'node' ? 0 : 1;
