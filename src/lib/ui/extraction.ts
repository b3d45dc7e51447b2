// What extraction kept of a model's reply and what it removed, for the sample drawer: the raw reply
// cut into runs marked kept or removed, so the view can strike out the prose, fences and trailing
// text the extractor dropped. Pure logic; the view only renders the runs.

export interface Run {
	text: string;
	kept: boolean;
}

/** Merge neighbours with the same mark. */
function merge(runs: Run[]): Run[] {
	const out: Run[] = [];
	for (const r of runs) {
		if (!r.text) continue;
		const last = out[out.length - 1];
		if (last && last.kept === r.kept) last.text += r.text;
		else out.push({ ...r });
	}
	return out;
}

/**
 * The raw reply as kept/removed runs. When the extracted code appears verbatim in the reply (a fenced
 * block, a completion cut at a stop sequence) that span is kept and the rest removed. Otherwise the
 * reply's lines are matched to the code's in order (trailing spaces ignored): matched lines are kept.
 */
export function extractionRuns(raw: string, code: string): Run[] {
	if (!code.trim()) return merge([{ text: raw, kept: false }]);
	const at = raw.indexOf(code);
	if (at >= 0) {
		return merge([
			{ text: raw.slice(0, at), kept: false },
			{ text: code, kept: true },
			{ text: raw.slice(at + code.length), kept: false },
		]);
	}
	const want = code.split('\n').map((l) => l.trimEnd());
	const lines = raw.split('\n');
	const runs: Run[] = [];
	let j = 0;
	lines.forEach((line, i) => {
		const text = i < lines.length - 1 ? line + '\n' : line;
		const norm = line.trimEnd();
		// Look a little ahead in the code, so one line the extractor rewrote does not unmatch the rest.
		let hit = -1;
		for (let k = j; k < Math.min(want.length, j + 3); k++) {
			if (want[k] === norm && (norm !== '' || k === j)) {
				hit = k;
				break;
			}
		}
		if (hit >= 0) j = hit + 1;
		runs.push({ text, kept: hit >= 0 });
	});
	return merge(runs);
}

/** How many non-blank lines of the reply extraction removed. */
export function removedLines(runs: Run[]): number {
	return runs
		.filter((r) => !r.kept)
		.flatMap((r) => r.text.split('\n'))
		.filter((l) => l.trim()).length;
}
