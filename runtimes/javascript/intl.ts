// Node's ICU, lent to QuickJS (which has no Intl): the sandbox's localeCompare, toLocaleString and
// Intl.NumberFormat / Collator / DateTimeFormat call this with plain strings and numbers only; the
// worker's own engine (V8 with ICU in Chromium, as in Node) answers. Nothing of the host is handed
// back but a string or a number, so no guest code ever runs here.

/** kind, locales and options as JSON text, then the values. Errors come back as a string "!<message>". */
export function intlCall(
	kind: string,
	locales: string,
	options: string,
	a: unknown,
	b: unknown,
): string | number {
	try {
		const l = JSON.parse(locales) as string | string[] | null;
		const o = JSON.parse(options) as Record<string, unknown> | null;
		const loc = l ?? undefined;
		const opt = (o ?? undefined) as never;
		switch (kind) {
			case 'compare':
				return new Intl.Collator(loc, opt).compare(String(a), String(b));
			case 'number':
				return new Intl.NumberFormat(loc, opt).format(Number(a));
			case 'date':
				return new Intl.DateTimeFormat(loc, opt).format(new Date(Number(a)));
			case 'upper':
				return String(a).toLocaleUpperCase(loc);
			case 'lower':
				return String(a).toLocaleLowerCase(loc);
			default:
				return `!unknown Intl call ${kind}`;
		}
	} catch (e) {
		return `!${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
	}
}
