/// <reference types="svelte" />
/// <reference types="vite/client" />

/** A guest script's source, comments and whitespace removed (vite-plugins/guest-source.ts). */
declare module '*?guest' {
	const source: string;
	export default source;
}
