// How the headless CLI and its page pass work and results (cli/browser.ts, pipeline/pulled.ts): JSON
// text, which Playwright hands over as one string — an object argument it would check value by value
// against its protocol schema (1.3 s of the CLI's CPU for 16,400 jobs and their results). JSON has
// no bytes (a run's pickled outputs, for behaviour signatures): they travel as { $bytes: [...] }.

export const toWire = (value: unknown): string =>
	JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { $bytes: [...v] } : v));

export const fromWire = <T>(text: string): T =>
	JSON.parse(text, (_k, v: unknown) =>
		v && typeof v === 'object' && Array.isArray((v as { $bytes?: unknown }).$bytes)
			? Uint8Array.from((v as { $bytes: number[] }).$bytes)
			: v,
	) as T;
