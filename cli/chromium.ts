// Launching Debian's Chromium for tests and the CLI: never a downloaded browser, and flags that keep
// it quiet on a closed network.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-default-apps',
	'--disable-dev-shm-usage',
];

/** CHROME_PATH, else the usual install locations; a clear message when none is found. */
export function findChromium(): string {
	const candidates = [
		process.env.CHROME_PATH,
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		'/usr/bin/google-chrome',
	];
	for (const c of candidates) if (c && existsSync(c)) return c;
	for (const name of ['chromium', 'google-chrome']) {
		try {
			return execFileSync('which', [name], { encoding: 'utf8' }).trim();
		} catch {
			// not on PATH
		}
	}
	throw new Error(
		'No Chromium found. Install it (Debian: `apt-get install -y chromium`) or set CHROME_PATH to a Chromium or Chrome binary.',
	);
}
