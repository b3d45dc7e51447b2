// Sharing the run on screen: as a link when it is small enough, else as a run file. Problems that
// are not bundled travel with the run, so whoever opens it can verify every verdict.
import type { BenchmarkInfo } from '../benchmarks/types';
import type { RunState } from '../pipeline/run-state.svelte';
import type { RunMeta } from '../run/spec';

function withProblems(state: RunState, bundled: readonly BenchmarkInfo[]): RunMeta {
	const { id, hash } = state.meta.spec.benchmark;
	const isBundled = bundled.some((b) => b.id === id && b.hash === hash);
	return isBundled || state.meta.inline ? state.meta : { ...state.meta, inline: state.run.bench };
}

/** A link to the run, or only its length when it is too long to be one. */
export async function shareLink(
	state: RunState,
	bundled: readonly BenchmarkInfo[],
	pageUrl: string,
): Promise<{ url?: string; chars: number }> {
	const { encodeShare, MAX_LINK_CHARS } = await import('../formats/share-link');
	const fragment = await encodeShare(withProblems(state, bundled), [...state.run.records.values()]);
	const base = pageUrl.replace(/[?#].*$/, '');
	return fragment.length <= MAX_LINK_CHARS
		? { url: `${base}#${fragment}`, chars: fragment.length }
		: { chars: fragment.length };
}

/** The run as a file for the reader to open in History → Import. */
export async function shareFile(
	state: RunState,
	bundled: readonly BenchmarkInfo[],
): Promise<{ name: string; text: string }> {
	const { toRunFile, runFileName } = await import('../formats/run-file');
	return {
		name: runFileName(state.meta.name),
		text: toRunFile(
			withProblems(state, bundled),
			[...state.run.records.values()],
			[...(state.run.tests?.sets.values() ?? [])],
		),
	};
}
