// Node.js through WebContainer: one container per page, booted lazily the first time a run asks for
// Node, reused across samples. Each sample is a fresh `node` process in its own directory, removed
// afterwards, so nothing a sample does in memory or in its files reaches the next one. The time
// limit is enforced by killing the process. WebContainer is its own sandbox (a cross-origin iframe
// with its own workers), driven from the page — so this runtime implements the executing side
// directly instead of spawning one of Benchtop's sandbox workers.
import { messageOf } from '../../src/lib/core/errors';
import type { WebContainer } from '@webcontainer/api';
import { failure, type ExecResult } from '../../src/lib/core/result';
import type { Job } from '../../src/lib/execution/runtime';
import { checkEnvironment, within, type Availability } from './availability';
import { layout, RUNNER, RUNNER_SOURCE } from './layout';
import { nodeVerdict } from './verdict';

const DEFAULT_BOOT_TIMEOUT_MS = 20_000;

let booting: Promise<WebContainer> | undefined;

export class NodeRuntime {
	readonly language = 'javascript' as const;
	readonly engine = 'Node.js (WebContainer)';
	#n = 0;
	#queue: Promise<unknown> = Promise.resolve();

	private constructor(private readonly container: WebContainer) {}

	/** Checks the environment, then boots (once per page) within the time limit. */
	static async start(bootTimeoutMs = DEFAULT_BOOT_TIMEOUT_MS): Promise<NodeRuntime> {
		const env = checkEnvironment({
			crossOriginIsolated: globalThis.crossOriginIsolated === true,
			userAgent: navigator.userAgent,
			online: navigator.onLine,
		});
		if (!env.ok) throw new Error(env.reason);
		booting ??= import('@webcontainer/api').then(async ({ WebContainer }) => {
			const c = await WebContainer.boot({ coep: 'require-corp', workdirName: 'benchtop' });
			await c.fs.writeFile(RUNNER, RUNNER_SOURCE);
			return c;
		});
		try {
			return new NodeRuntime(await within(booting, bootTimeoutMs, 'starting WebContainer'));
		} catch (e) {
			booting = undefined;
			const m = messageOf(e);
			throw new Error(
				/did not finish/.test(m)
					? m
					: `WebContainer could not start: ${m} (it needs a connection to StackBlitz’s servers)`,
			);
		}
	}

	/** Availability as the run's runtime choice wants it. */
	static async probe(
		bootTimeoutMs = DEFAULT_BOOT_TIMEOUT_MS,
	): Promise<{ availability: Availability; runtime?: NodeRuntime }> {
		try {
			return { availability: { ok: true }, runtime: await NodeRuntime.start(bootTimeoutMs) };
		} catch (e) {
			return { availability: { ok: false, reason: messageOf(e) } };
		}
	}

	/** One sample at a time: the container is shared. */
	run(job: Job): Promise<ExecResult> {
		const next = this.#queue.then(() => this.#runOne(job));
		this.#queue = next.catch(() => {});
		return next;
	}

	async #runOne(job: Job): Promise<ExecResult> {
		const started = performance.now();
		const fs = this.container.fs;
		let transpiled: string | undefined;
		if (job.dialect === 'typescript') {
			const t = (await import('./typescript')).transpile(job.program);
			if ('error' in t) return failure('syntax', t.error, { errorType: 'SyntaxError' });
			transpiled = t.code;
		}
		const l = layout(job, this.#n++, transpiled);
		try {
			await fs.mkdir(`${l.dir}/tmp`, { recursive: true });
			for (const [name, text] of Object.entries(l.files)) await fs.writeFile(`${l.dir}/${name}`, text);
			const proc = await this.container.spawn(l.command, l.args, { env: l.env, output: false });
			let timedOut = false;
			const timer = setTimeout(() => {
				timedOut = true;
				proc.kill();
			}, job.limits.timeMs);
			const exitCode = await proc.exit;
			clearTimeout(timer);
			const read = (f: string) => fs.readFile(`${l.dir}/${f}`, 'utf-8').catch(() => '');
			return nodeVerdict(
				{
					exitCode: timedOut ? null : exitCode,
					stdout: await read('.stdout'),
					stderr: await read('.stderr'),
					timedOut,
					durationMs: performance.now() - started,
				},
				job.limits,
			);
		} catch (e) {
			return failure('crash', `the Node runtime failed: ${messageOf(e)}`);
		} finally {
			await fs.rm(l.dir, { recursive: true, force: true }).catch(() => {});
		}
	}

	dispose(): void {
		this.container.teardown();
		booting = undefined;
	}
}
