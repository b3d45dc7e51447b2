// A robustness run as the Robustness view takes it: ReCode's metrics over the sets that finished,
// and what it takes to show one problem's flip (both prompts, both samples).
import type { RobustnessRun } from './app.svelte';
import type { RunState } from '../pipeline/run-state.svelte';
import { robustness, setVerdicts, type Robustness, type SetVerdicts } from '../scoring/robustness';
import { nominalOfFamily } from '../benchmarks/recode';
import { finished } from './analyses';

const verdictsOf = (state: RunState): SetVerdicts => setVerdicts(finished(state.cells));
const infos = (r: RobustnessRun) => r.sets.map((x) => x.info);

/** The metrics over every perturbed set that is done and whose nominal set is done. */
export function robustnessOf(r: RobustnessRun, ks: readonly number[]): Robustness | undefined {
	const done = r.sets.filter((x) => x.state.status === 'done');
	const nominal = (family: string) => done.find((x) => x.info.id === nominalOfFamily(family, infos(r)));
	const sets = done.filter((x) => x.info.recode!.family !== 'nominal' && nominal(x.info.recode!.family));
	if (!sets.length) return undefined;
	return robustness(
		(family) => verdictsOf(nominal(family)!.state),
		sets.map((x) => ({
			transformation: x.info.recode!.transformation,
			family: x.info.recode!.family,
			verdicts: verdictsOf(x.state),
			faults: x.info.recode!.faults,
		})),
		ks,
	);
}

/** One problem under one transformation: the two prompts and the first sample whose verdict moved. */
export function flipOf(r: RobustnessRun, transformation: string, taskId: string) {
	const set = r.sets.find((x) => x.info.recode!.transformation === transformation);
	const nominal = set && r.sets.find((x) => x.info.id === set.info.recode!.nominal);
	if (!set || !nominal) return undefined;
	const prompt = (s: RunState) => s.run.bench.problems.find((p) => p.taskId === taskId)?.prompt ?? '';
	const records = (s: RunState) => finished(s.cells).filter((x) => x.taskId === taskId);
	const [a, b] = [records(nominal.state), records(set.state)];
	const at = a.findIndex((x, i) => (x.result.status === 'passed') !== (b[i]?.result.status === 'passed'));
	return {
		prompts: [prompt(nominal.state), prompt(set.state)] as const,
		samples: [a[Math.max(0, at)], b[Math.max(0, at)]] as const,
		index: Math.max(0, at),
	};
}
