// TypeScript samples, as MultiPL-E runs them: `tsc --target esnext program.ts` (every other option
// at its default: not strict, the default library for ESNext — the DOM's declarations included), any
// compiler error fails the sample as a SyntaxError, else the emitted JavaScript runs like any
// JavaScript sample. Loaded by the JavaScript worker the first time it gets a TypeScript job (the
// compiler and its declarations are ~12 MB), so JavaScript-only runs never pay for it. Type-checking
// reads the program and never runs it.
import ts from 'typescript';

const OPTIONS: ts.CompilerOptions = { target: ts.ScriptTarget.ESNext };
const FILE = 'program.ts';

/** The declaration files ESNext's default library (lib.esnext.full.d.ts) references, by name. */
const LIBS: Record<string, string> = Object.fromEntries(
	Object.entries(
		import.meta.glob(
			[
				'../../node_modules/typescript/lib/lib.es5.d.ts',
				'../../node_modules/typescript/lib/lib.es20*.d.ts',
				'../../node_modules/typescript/lib/lib.esnext*.d.ts',
				'../../node_modules/typescript/lib/lib.dom*.d.ts',
				'../../node_modules/typescript/lib/lib.decorators*.d.ts',
				'../../node_modules/typescript/lib/lib.scripthost.d.ts',
				'../../node_modules/typescript/lib/lib.webworker.importscripts.d.ts',
				'!../../node_modules/typescript/lib/lib.es20*.full.d.ts',
			],
			{ query: '?raw', import: 'default', eager: true },
		) as Record<string, string>,
	).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
);

/** Library files parse (and bind) once per worker; every program after the first shares them. */
const parsed = new Map<string, ts.SourceFile>();

function host(source: string, emitted: { js?: string }): ts.CompilerHost {
	return {
		getSourceFile(name, version) {
			if (name === FILE) return ts.createSourceFile(name, source, version);
			const cached = parsed.get(name);
			if (cached) return cached;
			const text = LIBS[name];
			if (text === undefined) return undefined;
			const file = ts.createSourceFile(name, text, version);
			parsed.set(name, file);
			return file;
		},
		getDefaultLibFileName: (o) => ts.getDefaultLibFileName(o),
		writeFile: (_name, text) => {
			emitted.js = text;
		},
		getCurrentDirectory: () => '',
		getDirectories: () => [],
		fileExists: (name) => name === FILE || name in LIBS,
		readFile: (name) => (name === FILE ? source : LIBS[name]),
		getCanonicalFileName: (name) => name,
		useCaseSensitiveFileNames: () => true,
		getNewLine: () => '\n',
	};
}

export type Compiled =
	{ js: string } | { error: { message: string; line?: number } } | { unavailable: string };

/** Type-checks and emits one program as `tsc --target esnext` would; tsc's first error if any. */
export function compile(source: string): Compiled {
	if (!(ts.getDefaultLibFileName(OPTIONS) in LIBS))
		return { unavailable: 'the TypeScript library declarations are missing from this build' };
	const emitted: { js?: string } = {};
	const program = ts.createProgram([FILE], OPTIONS, host(source, emitted));
	const file = program.getSourceFile(FILE)!;
	// What tsc reports for the program. A conflict with a library declaration (a global `name` in a
	// script) is reported at the program's declaration too, so the libraries need no checking of
	// their own (a clean library checks clean every time).
	const errors = [
		...program.getOptionsDiagnostics(),
		...program.getSyntacticDiagnostics(file),
		...program.getGlobalDiagnostics(),
		...program.getSemanticDiagnostics(file),
	].filter((d) => d.category === ts.DiagnosticCategory.Error);
	if (errors.length) {
		const first = errors[0]!;
		const text = ts.flattenDiagnosticMessageText(first.messageText, '\n');
		const at =
			first.file && first.start !== undefined
				? first.file.getLineAndCharacterOfPosition(first.start)
				: undefined;
		const where = at ? `${FILE}(${at.line + 1},${at.character + 1}): ` : '';
		return {
			error: {
				message: `${where}error TS${first.code}: ${text}`,
				...(at && { line: at.line + 1 }),
			},
		};
	}
	program.emit(file);
	return emitted.js === undefined ? { unavailable: 'the compiler emitted nothing' } : { js: emitted.js };
}

export const version = ts.version;
