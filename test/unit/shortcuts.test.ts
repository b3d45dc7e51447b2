// Keyboard shortcuts: what each key means, that a key typed into a field stays the field's, and
// stepping through the samples that have a verdict.
import { describe, expect, it } from 'vitest';
import { shortcutOf, step } from '../../src/lib/ui/shortcuts';

const key = (k: string, o: { ctrl?: boolean; tag?: string } = {}) => ({
	key: k,
	ctrlKey: !!o.ctrl,
	metaKey: false,
	altKey: false,
	target: { tagName: o.tag ?? 'BODY' } as unknown as EventTarget,
});

describe('shortcuts', () => {
	it('maps keys to actions', () => {
		expect(shortcutOf(key('?'))).toBe('help');
		expect(shortcutOf(key('Enter', { ctrl: true }))).toBe('run');
		expect(shortcutOf(key(' '))).toBe('pause');
		expect(shortcutOf(key('j'))).toBe('next');
		expect(shortcutOf(key('ArrowLeft'))).toBe('previous');
		expect(shortcutOf(key('x'))).toBeUndefined();
	});

	it('leaves keys typed into fields alone (Ctrl+Enter still runs), and Space on a button presses it', () => {
		expect(shortcutOf(key('?', { tag: 'INPUT' }))).toBeUndefined();
		expect(shortcutOf(key('j', { tag: 'TEXTAREA' }))).toBeUndefined();
		expect(shortcutOf(key(' ', { tag: 'BUTTON' }))).toBeUndefined();
		expect(shortcutOf(key('Enter', { ctrl: true, tag: 'INPUT' }))).toBe('run');
	});

	it('steps through the samples that have a verdict, wrapping around', () => {
		const cells = [{ record: 1 }, {}, { record: 2 }, { record: 3 }];
		expect(step(cells, undefined, 1)).toBe(cells[0]);
		expect(step(cells, cells[0], 1)).toBe(cells[2]);
		expect(step(cells, cells[3], 1)).toBe(cells[0]);
		expect(step(cells, cells[0], -1)).toBe(cells[3]);
		expect(step([{}], undefined, 1)).toBeUndefined();
	});
});
