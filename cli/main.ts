// benchtop <command> [options]. Errors end the process with one line saying what went wrong.
import { messageOf } from '../src/lib/core/errors';
import { runCommand, RUN_USAGE } from './run';
import { scoreCommand, SCORE_USAGE } from './score';
import { mergeCommand, MERGE_USAGE } from './merge';

const USAGE = `Usage: benchtop <command> [options]

Commands:
${SCORE_USAGE}
${RUN_USAGE}
${MERGE_USAGE}`;

const [command, ...args] = process.argv.slice(2);
try {
	if (command === 'score') process.exitCode = await scoreCommand(args);
	else if (command === 'run') process.exitCode = await runCommand(args);
	else if (command === 'merge') process.exitCode = await mergeCommand(args);
	else if (!command || command === '--help' || command === 'help') console.log(USAGE);
	else throw new Error(`unknown command "${command}"\n\n${USAGE}`);
} catch (e) {
	console.error(`benchtop: ${messageOf(e)}`);
	process.exitCode = 1;
}
