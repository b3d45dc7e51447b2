// A self-repair chain: a sample (round 0) and the rounds that answered its execution feedback. The
// pipeline, the scores and the views read chains through these, so "correct by round r" means the
// same thing everywhere.
import type { RepairRound, SampleRecord } from './spec';

export type Round = SampleRecord | RepairRound;

/** Round 0 and its repairs, in order. */
export const chainRounds = (r: SampleRecord): Round[] => [r, ...(r.repairs ?? [])];

/** The first round that passed (0 = the sample itself), or -1. A chain stops at its first pass. */
export const passedAt = (r: SampleRecord): number =>
	chainRounds(r).findIndex((x) => x.result.status === 'passed');

/** True when the chain needs no more rounds: it passed, or it has had all `rounds` repairs. */
export const chainDone = (r: SampleRecord, rounds: number): boolean =>
	passedAt(r) >= 0 || (r.repairs?.length ?? 0) >= rounds;
