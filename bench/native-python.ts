// The native baseline, run the way openai/human-eval runs samples: each in its own CPython process
// with a 3 s timeout, four at a time. Returns samples/s.
import { spawn } from 'node:child_process';

export async function runNativePython(programs: string[], python: string, parallel = 4, timeoutMs = 3000) {
	let next = 0;
	let passed = 0;
	const started = performance.now();
	const one = (program: string) =>
		new Promise<boolean>((resolve) => {
			const child = spawn(python, ['-c', program], { stdio: 'ignore' });
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('exit', (code) => {
				clearTimeout(timer);
				resolve(code === 0);
			});
		});
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < programs.length) if (await one(programs[next++]!)) passed++;
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	return { samples: programs.length, passed, seconds, rate: programs.length / seconds };
}
