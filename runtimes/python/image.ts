// The interpreter's state as one image, put back before every sample. Everything a Python sample can
// change lives in three places: Pyodide's WebAssembly memory (every object, module, class, cache,
// hook and handler), the table of JavaScript values the interpreter refers to (hiwire), and
// Emscripten's file system, which is JavaScript-side. Restoring all three means nothing a sample
// leaves behind exists for the next one — isolation by construction instead of by listing what to
// put back.

/** The parts of Pyodide's Emscripten module the image touches. */
export interface PyodideModule {
	HEAPU8: Uint8Array;
	HEAPU32: Uint32Array;
	_sbrk(increment: number): number;
	_emscripten_stack_get_current(): number;
	_emscripten_stack_get_end(): number;
	__hiwire_get(index: number): unknown;
	__hiwire_set(index: number, value: unknown): void;
}

/** Emscripten's FS, as far as the image needs it. */
export interface EmscriptenFS {
	streams: unknown[];
	chdir(path: string): void;
	mkdir(path: string): void;
	lookupPath(path: string): { node: { contents?: Record<string, unknown> } };
	readdir(path: string): string[];
	lstat(path: string): { mode: number };
	isDir(mode: number): boolean;
	unlink(path: string): void;
	rmdir(path: string): void;
}

export interface Image {
	/** Bytes copied by each restore (the part of memory in use, less the idle stack). */
	readonly bytes: number;
	restore(): void;
}

/** The hiwire table's entries, up to its current size (found by reading past its end: setup only). */
export function hiwireEntries(m: PyodideModule): unknown[] {
	const out: unknown[] = [];
	for (;;) {
		try {
			out.push(m.__hiwire_get(out.length));
		} catch {
			return out; // past the table's end
		}
	}
}

/**
 * Take the image now. Call only at rest (no Python running, every per-sample proxy destroyed) —
 * the worker takes it once, after the harness is set up and before any sample. `workdir` is the
 * one directory samples may write; each restore makes it afresh, empty, as the current directory
 * (from here: a mkdir in the harness would be an audit event its own hook must answer).
 */
export function takeImage(m: PyodideModule, fs: EmscriptenFS, workdir: string): Image {
	// Memory in use: the data segment below the stack, and from the stack pointer at rest up to the
	// heap's top. The stack below the pointer is dead at rest and is not copied (a third of the bytes).
	const stackLow = m._emscripten_stack_get_end();
	const restSp = m._emscripten_stack_get_current() & ~0xffff;
	const top = m._sbrk(0);
	const low = m.HEAPU8.slice(0, stackLow);
	const high = m.HEAPU8.slice(restSp, top);
	const hiwire = hiwireEntries(m);
	const streams = fs.streams.slice();
	// The work directory's parent, looked up once: whether the sample's directory exists is then a
	// property read (FS.analyzePath throws and catches an error when it does not).
	const slash = workdir.lastIndexOf('/');
	const parentPath = workdir.slice(0, slash) || '/';
	const parent = fs.lookupPath(parentPath).node;
	const name = workdir.slice(slash + 1);

	const removeTree = (path: string) => {
		for (const entry of fs.readdir(path)) {
			if (entry === '.' || entry === '..') continue;
			const p = `${path}/${entry}`;
			if (fs.isDir(fs.lstat(p).mode)) removeTree(p);
			else fs.unlink(p);
		}
		fs.rmdir(path);
	};

	return {
		bytes: low.length + high.length,
		restore() {
			const now = m._sbrk(0);
			const heap = m.HEAPU8; // after a memory.grow this is a new view
			heap.set(low, 0);
			heap.set(high, restSp);
			// The allocator treats memory past its top as fresh (zeroed), as it was in the image.
			if (now > top) heap.fill(0, top, now);
			// The image's entries back in place. Entries a sample added past them are free again in the
			// restored memory, so nothing can name them; they are overwritten as slots are reused.
			for (let i = 0; i < hiwire.length; i++)
				if (m.__hiwire_get(i) !== hiwire[i]) m.__hiwire_set(i, hiwire[i]);
			fs.streams.length = 0;
			for (const s of streams) fs.streams.push(s);
			fs.chdir(parentPath);
			if (parent.contents && Object.hasOwn(parent.contents, name)) removeTree(workdir);
			fs.mkdir(workdir);
			fs.chdir(workdir);
		},
	};
}
