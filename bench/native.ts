// The native baselines, run the way the reference harnesses run samples: each program in its own
// process (CPython for human-eval, `node` and `lua` for MultiPL-E), four at a time. Returns samples/s.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NativeCommand {
	cmd: string;
	ext: string;
	env?: Record<string, string>;
}

export async function runNative(programs: string[], native: NativeCommand, parallel = 4, timeoutMs = 3000) {
	const dir = mkdtempSync(join(tmpdir(), 'benchtop-bench-'));
	let next = 0;
	let passed = 0;
	const one = (i: number) =>
		new Promise<boolean>((resolve) => {
			// Writing the file is part of the reference's cost too (MultiPL-E writes one per program).
			const file = join(dir, `${i}${native.ext}`);
			writeFileSync(file, programs[i]!);
			const child = spawn(native.cmd, [file], {
				cwd: dir,
				stdio: 'ignore',
				env: { ...process.env, ...native.env },
			});
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('exit', (code) => {
				clearTimeout(timer);
				rmSync(file, { force: true });
				resolve(code === 0);
			});
		});
	const started = performance.now();
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < programs.length) if (await one(next++)) passed++;
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	rmSync(dir, { recursive: true, force: true });
	return { samples: programs.length, passed, seconds, rate: programs.length / seconds };
}
