// Which runtime runs JavaScript: QuickJS (the fast default) or real Node through WebContainer when a
// run asks for it and it can start here. When it cannot, the run goes on with QuickJS and says why.
import type { Availability, JsRuntimeChoice } from './availability';
import type { NodeRuntime } from './runtime';
import type { ExecResult } from '../../src/lib/core/result';
import type { Executes, Job } from '../../src/lib/execution/runtime';

class JsRuntimeExecutor implements Executes {
	constructor(
		private readonly base: Executes,
		private readonly node: NodeRuntime | undefined,
	) {}

	run(job: Job): Promise<ExecResult> {
		return job.language === 'javascript' && this.node ? this.node.run(job) : this.base.run(job);
	}
}

export async function withJsRuntime(
	preference: 'quickjs' | 'node',
	base: Executes,
	bootTimeoutMs?: number,
): Promise<{ executor: Executes; choice: JsRuntimeChoice }> {
	if (preference === 'quickjs') return { executor: base, choice: { runtime: 'quickjs' } };
	const [{ NodeRuntime }, { chooseJsRuntime }] = await Promise.all([
		import('./runtime'),
		import('./availability'),
	]);
	const { availability, runtime }: { availability: Availability; runtime?: NodeRuntime } =
		await NodeRuntime.probe(bootTimeoutMs);
	const choice = chooseJsRuntime('node', availability);
	return { executor: new JsRuntimeExecutor(base, choice.runtime === 'node' ? runtime : undefined), choice };
}
