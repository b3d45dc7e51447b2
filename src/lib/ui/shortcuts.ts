// Keyboard shortcuts, one table for the handler and the help dialog. A key typed into a field is the
// field's, never a shortcut.
export type Shortcut = 'help' | 'run' | 'pause' | 'next' | 'previous';

export const SHORTCUTS: { keys: string; what: string; action: Shortcut }[] = [
	{ keys: '?', what: 'Show these shortcuts', action: 'help' },
	{ keys: 'Ctrl + Enter', what: 'Run (in Set up)', action: 'run' },
	{ keys: 'Space', what: 'Pause or resume the live run', action: 'pause' },
	{ keys: 'j / →', what: 'Next sample', action: 'next' },
	{ keys: 'k / ←', what: 'Previous sample', action: 'previous' },
];

/** The shortcut a key press means, if any. */
export function shortcutOf(
	e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
): Shortcut | undefined {
	const t = e.target as { tagName?: string; isContentEditable?: boolean } | null;
	const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(t?.tagName ?? '') || t?.isContentEditable;
	if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') return 'run';
	if (typing || e.ctrlKey || e.metaKey || e.altKey) return undefined;
	if (e.key === '?') return 'help';
	if (e.key === ' ' && t?.tagName !== 'BUTTON') return 'pause';
	if (e.key === 'j' || e.key === 'ArrowRight') return 'next';
	if (e.key === 'k' || e.key === 'ArrowLeft') return 'previous';
	return undefined;
}

/** The sample after (or before) the one open, among those with a verdict. */
export function step<T extends { record?: unknown }>(
	cells: readonly T[],
	current: T | undefined,
	by: 1 | -1,
): T | undefined {
	const done = cells.filter((c) => c.record);
	if (!done.length) return undefined;
	const i = current ? done.indexOf(current) : -1;
	return done[(i + by + done.length) % done.length] ?? done[0];
}
