// The /embed page: a compact live eval for an iframe, configured by its URL's query or fragment.
import { messageOf } from '../lib/core/errors';
import { mount } from 'svelte';
import '../lib/ui/theme.css';
import { registerOffline } from '../lib/ui/offline';
import { embedParams, parseEmbedConfig, type EmbedConfig } from '../lib/embed/config';
import Widget from './Widget.svelte';
import { EmbedState } from './widget.svelte';

let config: EmbedConfig | undefined;
let problem: string | undefined;
try {
	config = parseEmbedConfig(embedParams(location));
	if (config.theme) document.documentElement.dataset.theme = config.theme;
} catch (e) {
	problem = messageOf(e);
}
const state = config && new EmbedState(config, new URL('../benchmarks/', document.baseURI).href);
mount(Widget, { target: document.getElementById('widget')!, props: { state, problem } });
registerOffline('../sw.js');

// The custom element sizes its iframe to the widget; only a number crosses to the embedding page.
if (parent !== window)
	new ResizeObserver(() =>
		parent.postMessage({ type: 'benchtop:height', height: document.documentElement.scrollHeight }, '*'),
	).observe(document.body);
