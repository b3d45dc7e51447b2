// What the WebContainer runs for one sample: a fresh directory per sample holding the program (and,
// for TypeScript, the transpiled file next to the source), started through runner.cjs, which
// captures stdout and stderr into files (the container's own output is one terminal stream with
// escape codes) and writes an uncaught error the way node prints it.
import type { Job } from '../../src/lib/execution/runtime';

export const RUNNER = 'runner.cjs';

/** Node's own behaviour, plus separate stdout/stderr files and a per-sample temp dir. */
export const RUNNER_SOURCE = `'use strict';
const fs = require('fs');
const path = require('path');
const dir = path.resolve(process.argv[2]);
const out = fs.openSync(path.join(dir, '.stdout'), 'w');
const err = fs.openSync(path.join(dir, '.stderr'), 'w');
const sink = (fd) => function (chunk, enc, cb) {
  fs.writeSync(fd, typeof chunk === 'string' ? chunk : Buffer.from(chunk));
  const done = typeof enc === 'function' ? enc : cb;
  if (done) done();
  return true;
};
process.stdout.write = sink(out);
process.stderr.write = sink(err);
process.on('uncaughtException', (e) => {
  fs.writeSync(err, (e && e.stack ? e.stack : 'Uncaught ' + String(e)) + '\\n');
  process.exit(1);
});
process.chdir(dir);
require(path.join(dir, process.argv[3]));
`;

export interface Layout {
	/** Relative to the container's workdir. */
	dir: string;
	files: Record<string, string>;
	/** The file node runs (inside dir). */
	entry: string;
	command: string;
	args: string[];
	env: Record<string, string>;
}

/** Sample `n` of the page's container: its own directory, its own TMPDIR. */
export function layout(job: Job, n: number, transpiled?: string): Layout {
	const dir = `samples/${n}`;
	const ts = job.dialect === 'typescript';
	const files: Record<string, string> = ts
		? { 'program.ts': job.program, 'program.js': transpiled ?? '' }
		: { 'program.js': job.program };
	if (ts && transpiled === undefined) throw new Error('a TypeScript job needs its transpiled JavaScript');
	return {
		dir,
		files,
		entry: 'program.js',
		command: 'node',
		args: [RUNNER, dir, 'program.js'],
		env: {
			TMPDIR: `${dir}/tmp`,
			NODE_OPTIONS: `--max-old-space-size=${Math.max(16, Math.round(job.limits.memoryBytes / 2 ** 20))}`,
		},
	};
}
