// <benchtop-eval>: the widget as a custom element for any page. It renders an iframe of Benchtop's
// /embed page — on Benchtop's own origin, so sample code never runs in the embedding page — and
// turns its attributes (the embed parameters) and <benchtop-problem> children into that URL.
import { EMBED_PARAMS } from '../lib/embed/config';
import { problemsOf } from './markup';

/** Where Benchtop is served: beside this script, unless a `base` attribute says otherwise. */
const scriptBase = new URL('.', (document.currentScript as HTMLScriptElement | null)?.src ?? location.href)
	.href;

class BenchtopEval extends HTMLElement {
	static observedAttributes = [...EMBED_PARAMS, 'base', 'height'];
	#frame = document.createElement('iframe');
	#queued = false;
	#children = new MutationObserver(() => this.#schedule());

	constructor() {
		super();
		const f = this.#frame;
		f.title = 'Benchtop eval';
		f.loading = 'lazy';
		f.allow = 'cross-origin-isolated';
		f.style.cssText = 'border:0;width:100%;display:block';
		this.attachShadow({ mode: 'open' }).append(f);
		this.#onMessage = (e: MessageEvent) => {
			// Only the widget's own frame may size it, and only with a number.
			if (e.source !== f.contentWindow || e.data?.type !== 'benchtop:height') return;
			const h = Number(e.data.height);
			if (Number.isFinite(h) && !this.hasAttribute('height'))
				f.style.height = `${Math.min(Math.max(h, 120), 4000)}px`;
		};
	}

	/** Sizes the frame from its own height messages; only while this element is in the page. */
	#onMessage: (e: MessageEvent) => void;

	connectedCallback() {
		addEventListener('message', this.#onMessage);
		// While the page is still being parsed, the <benchtop-problem> children are not there yet.
		if (document.readyState === 'loading')
			document.addEventListener('DOMContentLoaded', () => this.#schedule(), { once: true });
		else this.#schedule();
		this.#children.observe(this, { childList: true, subtree: true, characterData: true });
	}

	disconnectedCallback() {
		removeEventListener('message', this.#onMessage);
		this.#children.disconnect();
	}

	attributeChangedCallback() {
		this.#schedule();
	}

	#schedule() {
		// Several attributes change together when a script sets them: one reload, not one each.
		if (this.#queued || !this.isConnected || document.readyState === 'loading') return;
		this.#queued = true;
		queueMicrotask(() => {
			this.#queued = false;
			this.#render();
		});
	}

	/** The iframe's URL for the current attributes: parameters in the fragment, never sent to a server. */
	get src(): string {
		const p = new URLSearchParams();
		for (const name of EMBED_PARAMS) {
			const v = this.getAttribute(name);
			if (v !== null) p.set(name, v);
		}
		const problems = problemsOf(this);
		if (problems && !p.has('problems') && !p.has('prompt')) p.set('problems', problems);
		return new URL(`embed/#${p}`, this.getAttribute('base') ?? scriptBase).href;
	}

	#render() {
		this.#frame.style.height = `${Number(this.getAttribute('height')) || 480}px`;
		const src = this.src;
		if (this.#frame.src !== src) this.#frame.src = src;
	}
}

if (!customElements.get('benchtop-eval')) customElements.define('benchtop-eval', BenchtopEval);
