// Self-repair in the terminal and the summary file: pass@k@r per round with its interval, the gain
// each round adds, the repair rate per kind of first failure, and the tokens spent by each round.
import type { RunSpec } from '../src/lib/run/spec';
import type { RepairScore } from '../src/lib/scoring/repair';

export function repairSummary(r: RepairScore, spec: RunSpec) {
	return {
		rounds: r.rounds,
		feedback_template: { name: spec.repair!.feedback.name, version: spec.repair!.feedback.version },
		by_round: r.byRound.map((x) => ({
			round: x.round,
			pass_at_k: x.score.passAtK,
			ci: x.score.ci,
			mean_tokens: x.tokens,
		})),
		gain_pass_at_1: r.gain,
		by_failure_kind: r.byKind,
	};
}

export function repairTable(r: RepairScore): string {
	const f = (x: number) => x.toFixed(4);
	const lines = ['self-repair (pass@k@r: correct by round r; tokens: mean generated per sample by then)'];
	for (const x of r.byRound)
		for (const [key, v] of Object.entries(x.score.passAtK)) {
			const [lo, hi] = x.score.ci[key]!;
			const gain =
				x.round > 0 && key === 'pass@1'
					? `  ${r.gain[x.round - 1]! >= 0 ? '+' : ''}${f(r.gain[x.round - 1]!)}`
					: '';
			lines.push(
				`  ${`${key}@${x.round}`.padEnd(10)} ${f(v)}  95% CI [${f(lo)}, ${f(hi)}]  ${Math.round(x.tokens)} tokens${gain}`,
			);
		}
	if (r.byKind.length)
		lines.push(
			'  repaired by first failure: ' + r.byKind.map((k) => `${k.kind} ${k.repaired}/${k.failed}`).join(', '),
		);
	return lines.join('\n');
}
