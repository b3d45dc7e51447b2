// web-llm reports loading as {progress, timeElapsed, text}; the UI wants phase, bytes, percent, ETA.
export interface LoadProgress {
	phase: 'download' | 'cache' | 'compile' | 'ready' | 'other';
	percent: number;
	/** Downloaded so far, when the text says. */
	mb?: number;
	/** Seconds left, extrapolated from the time so far. */
	etaSeconds?: number;
	text: string;
}

export function parseProgress(r: { progress: number; timeElapsed: number; text: string }): LoadProgress {
	const p = Math.max(0, Math.min(1, r.progress));
	const phase = /^finish/i.test(r.text)
		? 'ready'
		: /fetch/i.test(r.text)
			? 'download'
			: /from cache|loading model/i.test(r.text)
				? 'cache'
				: /shader module|compil/i.test(r.text)
					? 'compile'
					: 'other';
	const mb = /([\d.]+)\s*MB (fetched|loaded)/i.exec(r.text)?.[1];
	return {
		phase,
		percent: Math.round(p * 1000) / 10,
		...(mb !== undefined && { mb: Number(mb) }),
		...(p > 0 && p < 1 && r.timeElapsed > 0 && { etaSeconds: Math.round((r.timeElapsed * (1 - p)) / p) }),
		text: r.text,
	};
}
