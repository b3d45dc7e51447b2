// The page the CLI and the browser tests drive: it exposes the execution core on `window.benchtop`
// so Playwright can call it with page.evaluate. It holds no logic of its own.
import { compose, toJob } from './lib/execution/compose';
import { Executor } from './lib/execution/executor';
import { DEFAULT_LIMITS } from './lib/execution/runtime';

const api = { Executor, compose, toJob, DEFAULT_LIMITS, isolated: globalThis.crossOriginIsolated === true };
(window as unknown as { benchtop: typeof api }).benchtop = api;
export type HarnessApi = typeof api;
document.body.dataset.ready = 'true';
