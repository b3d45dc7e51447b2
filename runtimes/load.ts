// Runtimes load lazily: a language's code (and its engine) is fetched the first time it is used.
import type { Language } from '../src/lib/core/ids';
import type { Runtime } from '../src/lib/execution/runtime';

export async function loadRuntime(language: Language): Promise<Runtime> {
	switch (language) {
		case 'python':
			return (await import('./python/runtime')).python;
		case 'javascript':
			return (await import('./javascript/runtime')).javascript;
		case 'lua':
			return (await import('./lua/runtime')).lua;
	}
}
