// A run as a link: the run file (with its problems when they are not bundled), deflated and
// base64url-encoded into the URL fragment, which never reaches a server. Larger runs are shared as
// the file itself. Reading a link is bounded at every step: its length, the inflated size, the JSON.
import { BenchtopError, messageOf } from '../core/errors';
import type { RunMeta, SampleRecord } from '../run/spec';
import { checkRun, RUN_FILE_VERSION } from './run-file';
import { SHARE_PREFIX } from './share-fragment';

/** Longer links are offered as a file instead: chat apps, blogs and mail cut long URLs. */
export const MAX_LINK_CHARS = 64 * 1024;
/** A link longer than this is refused unread. */
export const MAX_READ_CHARS = 2 * 1024 * 1024;
/** Inflating stops here: a small link must not expand into a memory bomb. */
const MAX_INFLATED_BYTES = 32 * 1024 * 1024;

export class ShareLinkError extends BenchtopError {
	override name = 'ShareLinkError';
}

const OUTPUT_CAP = 2000;

/** What a link carries per sample: enough to show it and to run it again; the composed program is
 * left out (it is rebuilt from the problem) and long output is cut. */
function slim(s: SampleRecord): SampleRecord {
	const r = s.result;
	return {
		...s,
		program: '',
		result: {
			...r,
			stdout: r.stdout.slice(0, OUTPUT_CAP),
			stderr: r.stderr.slice(0, OUTPUT_CAP),
			truncated: r.truncated || r.stdout.length > OUTPUT_CAP || r.stderr.length > OUTPUT_CAP,
		},
	};
}

function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
	if (!/^[A-Za-z0-9_-]*$/.test(text))
		throw new ShareLinkError('This link is damaged: it has characters a share link never has.');
	const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipeThrough(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, cap: number) {
	const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
	const parts: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > cap) {
			await reader.cancel();
			throw new ShareLinkError(
				`This link expands to more than ${cap / 2 ** 20} MB; Benchtop does not open it.`,
			);
		}
		parts.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const p of parts) out.set(p, (at += p.length) - p.length);
	return out;
}

/** The fragment for a run (`share=1.<data>`), and its length, which says whether it fits a link. */
export async function encodeShare(meta: RunMeta, samples: readonly SampleRecord[]): Promise<string> {
	const json = JSON.stringify({ benchtopRun: RUN_FILE_VERSION, meta, samples: samples.map(slim) });
	const packed = await pipeThrough(
		new TextEncoder().encode(json),
		new CompressionStream('deflate-raw'),
		Infinity,
	);
	return `${SHARE_PREFIX}${RUN_FILE_VERSION}.${toBase64Url(packed)}`;
}

/** Reads a link's fragment back into a run; every problem is a ShareLinkError saying what is wrong. */
export async function decodeShare(hash: string): Promise<{ meta: RunMeta; samples: SampleRecord[] }> {
	const fragment = hash.replace(/^#/, '');
	if (fragment.length > MAX_READ_CHARS)
		throw new ShareLinkError(
			`This link is ${Math.round(fragment.length / 1024)} KB; links are read up to ${MAX_READ_CHARS / 2 ** 20} MB. Ask for the run file instead.`,
		);
	const m = /^share=(\d+)\.(.*)$/s.exec(fragment);
	if (!m) throw new ShareLinkError('This is not a Benchtop share link (it should end in #share=1.…).');
	if (Number(m[1]) !== RUN_FILE_VERSION)
		throw new ShareLinkError(`This link is format ${m[1]}; this Benchtop reads format ${RUN_FILE_VERSION}.`);
	let json: string;
	try {
		json = new TextDecoder('utf-8', { fatal: true }).decode(
			await pipeThrough(fromBase64Url(m[2]!), new DecompressionStream('deflate-raw'), MAX_INFLATED_BYTES),
		);
	} catch (e) {
		if (e instanceof ShareLinkError) throw e;
		throw new ShareLinkError('This link is damaged (cut short or changed): its data does not unpack.');
	}
	let doc: unknown;
	try {
		doc = JSON.parse(json);
	} catch {
		throw new ShareLinkError('This link is damaged: its data is not a run.');
	}
	try {
		return checkRun(doc, 'the shared link');
	} catch (e) {
		throw new ShareLinkError(`This link does not hold a valid run: ${messageOf(e)}`);
	}
}
