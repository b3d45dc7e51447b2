// Runs the real `benchtop` CLI as a child process and returns its exit code and output.
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** The tests' commands share one kept browser profile (cli/browser.ts), not the user's. */
export const TEST_PROFILE = join(tmpdir(), 'benchtop-test-chromium-profile');

export function benchtopCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return benchtopCliWith({}, ...args);
}

export async function benchtopCliWith(
	env: Record<string, string>,
	...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await exec('node', ['cli/bin.js', ...args], {
			timeout: 240_000,
			env: { ...process.env, BENCHTOP_PROFILE: TEST_PROFILE, ...env },
		});
		return { code: 0, stdout, stderr };
	} catch (e) {
		const err = e as { code: number; stdout: string; stderr: string };
		return { code: err.code, stdout: err.stdout, stderr: err.stderr };
	}
}
