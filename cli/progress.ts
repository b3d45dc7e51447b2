// A progress bar on stderr: redrawn in place on a terminal, a line per 10% otherwise (CI logs).
import type { Status } from '../src/lib/core/result';

export function progressBar(total: number, label: string) {
	const tty = process.stderr.isTTY;
	let done = 0;
	let passed = 0;
	let lastTenth = -1;
	const started = Date.now();
	const draw = () => {
		const width = 30;
		const filled = Math.round((done / total) * width);
		const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
		return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} · ${passed} passed · ${rate.toFixed(1)}/s`;
	};
	return {
		tick(status: Status) {
			done++;
			if (status === 'passed') passed++;
			const tenth = Math.floor((done / total) * 10);
			if (tty) process.stderr.write(`\r${draw()}`);
			else if (tenth !== lastTenth) process.stderr.write(`${draw()}\n`);
			lastTenth = tenth;
		},
		end() {
			if (tty) process.stderr.write('\n');
		},
	};
}
