// An engine's memory image kept between visits (Cache Storage), so a new page's first worker starts
// from it (≈ 0.5 s) instead of building the interpreter from scratch (≈ 2.7 s for Python here).
// The image is what the page's own first worker made after loading and before any sample ran; the
// page alone writes it (sandbox workers have no Cache Storage or IndexedDB: lockdown removes them,
// and Python samples cannot reach JavaScript at all). It is keyed by the built module that names the
// worker and the runtime's asset URLs (their names carry content hashes) and the browser, so a new
// build or a browser update starts afresh, and a stored image the browser cannot start from is
// deleted (the host then loads from scratch).
import type { Runtime } from './runtime';

const CACHE = 'benchtop-engine-images-v1';

function keyOf(runtime: Runtime): string {
	const parts = [runtime.engine, runtime.imageKey, navigator.userAgent, ...runtime.assets.map((a) => a.url)];
	return new URL(`/__benchtop-image/${encodeURIComponent(parts.join('|'))}`, location.href).href;
}

/** Where the page has no Cache Storage (an insecure origin, some private modes) images stay per page. */
async function open(): Promise<Cache | null> {
	try {
		return typeof caches === 'undefined' ? null : await caches.open(CACHE);
	} catch {
		return null;
	}
}

export async function loadImage(runtime: Runtime): Promise<Uint8Array | null> {
	try {
		const res = await (await open())?.match(keyOf(runtime));
		return res ? new Uint8Array(await res.arrayBuffer()) : null;
	} catch {
		return null;
	}
}

export async function storeImage(runtime: Runtime, image: Uint8Array): Promise<void> {
	try {
		const cache = await open();
		// Older images of this runtime (an earlier build or browser) go first.
		for (const req of (await cache?.keys()) ?? [])
			if (req.url.includes(encodeURIComponent(runtime.engine))) await cache!.delete(req);
		await cache?.put(keyOf(runtime), new Response(image.slice()));
	} catch {
		// quota or a private mode: the image is made again next visit
	}
}

export async function forgetImage(runtime: Runtime): Promise<void> {
	try {
		await (await open())?.delete(keyOf(runtime));
	} catch {
		// nothing stored
	}
}
