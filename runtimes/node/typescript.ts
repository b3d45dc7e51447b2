// TypeScript samples: types stripped and imports made CommonJS by sucrase (small, fast, made for
// this), then run by node like any JavaScript sample. A transpile error is the sample's SyntaxError.
import { messageOf } from '../../src/lib/core/errors';
import { transform } from 'sucrase';

export function transpile(source: string): { code: string } | { error: string } {
	try {
		return {
			code: transform(source, { transforms: ['typescript', 'imports'], filePath: 'program.ts' }).code,
		};
	} catch (e) {
		return { error: messageOf(e) };
	}
}
