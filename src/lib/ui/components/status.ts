// Status shown by icon and word, never by color alone.
import type { Cell } from '../../pipeline/run-state.svelte';

export const STATUS: Record<Cell['state'], { icon: string; label: string }> = {
	waiting: { icon: '·', label: 'waiting' },
	writing: { icon: '✎', label: 'being written' },
	running: { icon: '⋯', label: 'running' },
	passed: { icon: '✔', label: 'passed' },
	failed: { icon: '✘', label: 'failed' },
	timeout: { icon: '◔', label: 'timed out' },
	error: { icon: '!', label: 'error' },
};
