// Builds the app once, serves it with Vite's preview server (the headers a configured host sends)
// and with a plain static server (no headers at all), and starts one Chromium for every test file.
import { chromium, type BrowserServer } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_FLAGS, findChromium } from '../../../cli/chromium';
import { serveStatic, type StaticServer } from '../../../cli/serve';

let browser: BrowserServer | undefined;
let server: PreviewServer | undefined;
let plain: StaticServer | undefined;

export async function setup(project: TestProject) {
	if (!process.env.BENCHTOP_SKIP_BUILD) {
		// Vitest sets NODE_ENV=test, which would make this a development build (no service worker,
		// Svelte's dev mode): test what `npm run build` ships.
		const env = process.env.NODE_ENV;
		process.env.NODE_ENV = 'production';
		await build({ logLevel: 'warn' });
		process.env.NODE_ENV = env;
	}
	server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
	plain = await serveStatic('dist');
	browser = await chromium.launchServer({
		executablePath: findChromium(),
		args: CHROMIUM_FLAGS,
		headless: true,
	});
	const address = server.httpServer.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	project.provide('baseUrl', `http://127.0.0.1:${port}/`);
	project.provide('plainUrl', plain.url);
	project.provide('wsEndpoint', browser.wsEndpoint());
}

export async function teardown() {
	await browser?.close();
	await new Promise((r) => server?.httpServer.close(r));
	await plain?.close();
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		plainUrl: string;
		wsEndpoint: string;
	}
}
