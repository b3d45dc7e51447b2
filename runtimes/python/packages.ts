// Installing wheels from Pyodide's package index in the worker. The main thread fetched and checked
// them (src/lib/execution/packages.ts). The files are written from JavaScript straight into the
// in-memory file system — the harness's audit hook refuses Python writes outside a sample's
// directory, and the guard has nulled what installers call (os.getcwd) — then a wheel's shared
// libraries (numpy's are WebAssembly side modules) are loaded as Pyodide's own installer loads them,
// and its modules are imported once so the next memory image holds them.
import { unzipSync } from 'fflate';
import type { PyodideAPI } from 'pyodide';
import type { PackageFile } from '../../src/lib/execution/runtime';

/** Pyodide's internal API, as far as installing goes (what its own loadPackage calls). */
interface InstallApi {
	loadDynlib(path: string): Promise<void>;
	package_loader: { get_install_dir(kind: string): string };
}

interface WriteFS {
	mkdirTree(path: string): void;
	writeFile(path: string, data: Uint8Array): void;
}

export function packageInstaller(py: PyodideAPI) {
	const api = (py as unknown as { _api: InstallApi })._api;
	const fs = py.FS as unknown as WriteFS;
	const installed = new Set<string>();

	const unpack = (f: PackageFile & { bytes: Uint8Array }): string[] => {
		const dir = api.package_loader.get_install_dir(f.installDir);
		const libs: string[] = [];
		for (const [name, data] of Object.entries(unzipSync(f.bytes))) {
			// A wheel is a zip of relative paths; one that climbs out of its directory is refused.
			if (name.startsWith('/') || name.split('/').includes('..'))
				throw new Error(`${f.file}: refused path ${name}`);
			if (name.endsWith('/')) continue;
			const path = `${dir}/${name}`;
			fs.mkdirTree(path.slice(0, path.lastIndexOf('/')));
			fs.writeFile(path, data);
			if (/\.so(\.|$)/.test(name)) libs.push(path);
		}
		return libs;
	};

	return {
		has: (name: string) => installed.has(name),
		/** Install in the order given (dependencies first), then import what each provides. A module
		 * that fails to import is left for the sample to meet (its error is the sample's verdict). */
		async add(files: PackageFile[]) {
			for (const f of files) {
				if (installed.has(f.name)) continue;
				if (!f.bytes) throw new Error(`${f.name} was not sent to this worker`);
				for (const lib of unpack({ ...f, bytes: f.bytes })) await api.loadDynlib(lib);
				installed.add(f.name);
			}
			// In a namespace of its own: nothing is left in __main__.
			const globals = py.toPy({});
			py.runPython(
				`
import importlib
importlib.invalidate_caches()
for _name in ${JSON.stringify(files.flatMap((f) => f.imports))}:
    try:
        importlib.import_module(_name)
    except BaseException:
        pass
`,
				{ globals },
			);
			globals.destroy();
		},
	};
}
