// `import text from './file.js?guest'`: a file's source as a string, as `?raw` gives it, but with
// comments and whitespace removed (oxc's minifier through Vite; names and code left as written).
// For the JavaScript the sandbox evaluates in every fresh QuickJS context: QuickJS parses it again
// for each sample, and the parse was most of a sample's time (prelude.js: 2.9 ms of ~3.4 ms).
import { readFile } from 'node:fs/promises';
import { minifySync, type Plugin } from 'vite';

const SUFFIX = '?guest';

export function guestSource(): Plugin {
	return {
		name: 'benchtop-guest-source',
		enforce: 'pre',
		async load(id) {
			if (!id.endsWith(SUFFIX)) return null;
			const file = id.slice(0, -SUFFIX.length);
			this.addWatchFile(file);
			const source = await readFile(file, 'utf8');
			const { code, errors } = minifySync(file, source, {
				compress: false,
				mangle: false,
				codegen: { removeWhitespace: true },
			});
			if (errors.length) this.error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
			return `export default ${JSON.stringify(code)};`;
		},
	};
}
