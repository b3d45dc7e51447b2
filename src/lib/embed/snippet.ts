// The snippets the app's "Embed this setup" writes: an iframe of the /embed page, and the same as
// the <benchtop-eval> custom element. Both carry the configuration as data (attribute values and a
// URL fragment), escaped for HTML.
import { embedFragment, type EmbedConfig } from './config';

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedSnippets(config: EmbedConfig, appUrl: string): { iframe: string; element: string } {
	const base = appUrl.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
	const fragment = embedFragment(config);
	const iframe =
		`<iframe src="${attr(`${base}embed/#${fragment}`)}" title="Benchtop eval" width="100%" height="520"` +
		` style="border:0" loading="lazy" allow="cross-origin-isolated"></iframe>`;
	const attrs = [...new URLSearchParams(fragment)].map(([k, v]) => `${k}="${attr(v)}"`).join(' ');
	const element = `<script src="${attr(`${base}benchtop-eval.js`)}"></script>\n<benchtop-eval ${attrs}></benchtop-eval>`;
	return { iframe, element };
}
