// npm run tiny-gguf -- <out.gguf> [--shape tiny|smollm2-135m] [--no-template]
// Writes a llama-architecture GGUF with deterministic random weights (scripts/gguf/write.ts): a
// model to load in the page, the CLI and the bench where no real weights can be downloaded.
import { parseArgs } from 'node:util';
import { SMOLLM2_135M_SHAPE, TINY, writeGguf } from './gguf/write';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { shape: { type: 'string' }, 'no-template': { type: 'boolean' } },
});
const out = positionals[0];
if (!out)
	throw new Error('usage: npm run tiny-gguf -- <out.gguf> [--shape tiny|smollm2-135m] [--no-template]');
const shape = values.shape === 'smollm2-135m' ? SMOLLM2_135M_SHAPE : TINY;
const model = values['no-template'] ? { ...shape, chatTemplate: undefined } : shape;
const bytes = writeGguf(out, model);
console.log(`${out}: ${model.name}, ${(bytes / 1e6).toFixed(1)} MB`);
