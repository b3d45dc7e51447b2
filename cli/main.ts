// benchtop <command> [options]. Errors end the process with one line saying what went wrong.
import { messageOf } from '../src/lib/core/errors';
import { runCommand, RUN_USAGE } from './run';
import { scoreCommand, SCORE_USAGE } from './score';
import { mergeCommand, MERGE_USAGE } from './merge';
import { runtimeLabel } from '../src/lib/execution/versions';
import pkg from '../package.json';

const USAGE = `Usage: benchtop <command> [options]   (benchtop <command> --help: its options; --version)

Commands:
${SCORE_USAGE}
${RUN_USAGE}
${MERGE_USAGE}`;

const COMMANDS: Record<string, string> = { score: SCORE_USAGE, run: RUN_USAGE, merge: MERGE_USAGE };
const HELP_FLAGS = ['--help', '-h'];

const [command, ...args] = process.argv.slice(2);
try {
	// `benchtop score --help`: that command's usage, before any other option is read.
	if (command && command in COMMANDS && args.some((a) => HELP_FLAGS.includes(a)))
		console.log(`Usage: benchtop ${COMMANDS[command]!.trimStart()}`);
	else if (command === 'help' && args[0] && args[0] in COMMANDS)
		console.log(`Usage: benchtop ${COMMANDS[args[0]]!.trimStart()}`);
	else if (command === 'score') process.exitCode = await scoreCommand(args);
	else if (command === 'run') process.exitCode = await runCommand(args);
	else if (command === 'merge') process.exitCode = await mergeCommand(args);
	else if (!command || command === 'help' || HELP_FLAGS.includes(command)) console.log(USAGE);
	else if (command === '--version' || command === '-v' || command === 'version')
		// What verdicts depend on: the harness's version and each runtime's.
		console.log(
			[`benchtop ${pkg.version}`, ...['python', 'javascript', 'lua'].map((l) => runtimeLabel(l))].join('\n'),
		);
	else throw new Error(`unknown command "${command}"\n\n${USAGE}`);
} catch (e) {
	// node:util's parseArgs names the option; where to find the right ones is ours to say.
	const code = (e as { code?: unknown }).code;
	const hint =
		typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_') && command && command in COMMANDS
			? ` (benchtop ${command} --help lists the options)`
			: '';
	console.error(`benchtop: ${messageOf(e)}${hint}`);
	process.exitCode = 1;
}
