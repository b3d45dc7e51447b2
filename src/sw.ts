// The service worker: the app, the embed page, the bundled benchmarks and the three runtimes are
// precached on the first visit (Workbox), so Benchtop works offline afterwards. web-llm's and
// wllama's code and the Node runtime's helpers are cached the first time they are used; the engines
// keep model weights in their own caches. The precache list is written into this file at build time (vite-plugins/offline.ts).
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

declare const self: { __WB_MANIFEST: PrecacheEntry[]; skipWaiting(): Promise<void> };

void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
// embed/?benchmark=… is the precached embed/index.html whatever its parameters.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
// Hashed names never change content: a cached copy is always right.
registerRoute(
	({ url, sameOrigin }) => sameOrigin && /\/assets\/(webllm|wllama|node)-/.test(url.pathname),
	new CacheFirst({ cacheName: 'benchtop-on-use' }),
);
