// Can this page run the Node runtime? WebContainer needs cross-origin isolation, a supported
// browser, and its network service (StackBlitz's servers) to boot. Each is checked before starting
// and said in plain words; a boot that does not finish in time counts as unavailable.

export interface NodeEnvironment {
	crossOriginIsolated: boolean;
	userAgent: string;
	online: boolean;
}

export type Availability = { ok: true } | { ok: false; reason: string };

export function checkEnvironment(env: NodeEnvironment): Availability {
	if (!env.crossOriginIsolated)
		return {
			ok: false,
			reason:
				'the page is not cross-origin isolated (the host must send COOP: same-origin and COEP: require-corp), which WebContainer needs',
		};
	const chromium = /Chrome\/|Chromium\/|Edg\//.test(env.userAgent);
	const firefox = /Firefox\//.test(env.userAgent);
	const safari = /Version\/(\d+)(\.\d+)? .*Safari\//.exec(env.userAgent);
	if (!chromium && !firefox && !(safari && Number(safari[1]) >= 17))
		return {
			ok: false,
			reason: 'this browser is not one WebContainer supports (Chrome, Edge, Firefox, Safari 17+)',
		};
	if (!env.online)
		return {
			ok: false,
			reason: 'the browser is offline; WebContainer needs a connection to StackBlitz’s servers to start',
		};
	return { ok: true };
}

/** Resolves with the booted value, or rejects with a plain reason when it takes longer than `ms`. */
export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(
			() =>
				reject(
					new Error(
						`${what} did not finish within ${Math.round(ms / 1000)} s (no connection to StackBlitz’s servers?)`,
					),
				),
			ms,
		);
	});
	try {
		return await Promise.race([p, late]);
	} finally {
		clearTimeout(timer);
	}
}

export type JsRuntimeChoice = { runtime: 'node' } | { runtime: 'quickjs'; notice?: string };

/** The runtime a JavaScript run uses: Node when asked for and available, QuickJS otherwise (saying why). */
export function chooseJsRuntime(
	preference: 'quickjs' | 'node',
	availability: Availability | undefined,
): JsRuntimeChoice {
	if (preference === 'quickjs') return { runtime: 'quickjs' };
	if (availability?.ok) return { runtime: 'node' };
	return {
		runtime: 'quickjs',
		notice: `Node (WebContainer) is unavailable: ${availability && !availability.ok ? availability.reason : 'not checked'}. Running on QuickJS instead.`,
	};
}
