// Whether a page was opened from a share link: the app checks this on every load, so it lives apart
// from the link's reader (which loads only when there is a link to read).
export const SHARE_PREFIX = 'share=';

export function isShareFragment(hash: string): boolean {
	return hash.replace(/^#/, '').startsWith(SHARE_PREFIX);
}
