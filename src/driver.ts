// The page the CLI and the browser tests drive: it exposes the execution core and the pipeline on
// `window.benchtop` so Playwright can call them with page.evaluate. It holds no logic of its own.
import { compose, toJob } from './lib/execution/compose';
import { Executor as PoolsExecutor, type ExecutorOptions } from '../runtimes/executor';
import { withJsRuntime } from '../runtimes/node/executor';
import { DEFAULT_LIMITS } from './lib/execution/runtime';
import { noSnapshots, snapshots } from './lib/execution/worker-host';
import { EndpointGenerator } from './lib/generation/endpoint';
import { GREEDY } from './lib/generation/types';
import { assess, probe } from './lib/generation/webllm/capability';
import { buildCatalog } from './lib/generation/webllm/catalog';
import { interruptedRuns, resumeRun, startReferenceRun, startRun } from './lib/pipeline/session';
import { Tester } from './lib/pipeline/tester';
import { batched } from './lib/pipeline/batched';
import { pulled } from './lib/pipeline/pulled';
import { fromWire, toWire } from './lib/pipeline/wire';
import { IdbRunStore } from './lib/storage/idb';
import { MemoryRunStore } from './lib/storage/memory';

// ?packages=<index URL>|off (the CLI's --packages): every executor made here fetches from there.
const packages = new URLSearchParams(location.search).get('packages');
class Executor extends PoolsExecutor {
	constructor(o: ExecutorOptions = {}) {
		super({ ...(packages !== null && { packageIndex: packages === 'off' ? null : packages }), ...o });
	}
}

const api = {
	Executor,
	compose,
	toJob,
	DEFAULT_LIMITS,
	GREEDY,
	isolated: globalThis.crossOriginIsolated === true,
	pipeline: {
		Tester,
		startRun,
		startReferenceRun,
		resumeRun,
		interruptedRuns,
		IdbRunStore,
		MemoryRunStore,
		EndpointGenerator,
		batched,
		pulled,
		toWire,
		fromWire,
	},
	gpu: { probe, assess },
	withJsRuntime,
	/** Engine snapshots the pools start workers from (tests spoil one to check the fallback). */
	snapshots: { snapshots, noSnapshots },
	/** web-llm and wllama only when asked for, as in the app. */
	webllm: () => import('./lib/generation/webllm/engine'),
	gguf: () => import('./lib/generation/gguf/engine'),
	catalog: async () => buildCatalog((await import('@mlc-ai/web-llm')).prebuiltAppConfig.model_list),
	benchmarksBase: new URL('benchmarks/', location.href).href,
};
(window as unknown as { benchtop: typeof api }).benchtop = api;
export type DriverApi = typeof api;
document.body.dataset.ready = 'true';
