// Registers the service worker (src/sw.ts, built by vite-plugins/classic.ts) that keeps
// the app and its runtimes available offline. Only in a build: the dev server has no worker.
export function registerOffline(scriptUrl = './sw.js'): void {
	if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
	navigator.serviceWorker.register(scriptUrl).catch((e: Error) => {
		// Offline use is a bonus: the app works without it (private mode, file://, blocked by policy).
		console.warn(`Benchtop will not work offline here: ${e.message}`);
	});
}
