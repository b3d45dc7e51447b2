// Runtimes load lazily: a language's code (and its engine) is fetched the first time it is used.
import type { Language } from '../core/ids';
import type { Runtime } from './runtime';

export async function loadRuntime(language: Language): Promise<Runtime> {
	switch (language) {
		case 'python':
			return (await import('../../../runtimes/python/runtime')).python;
		case 'javascript':
			return (await import('../../../runtimes/javascript/runtime')).javascript;
		case 'lua':
			return (await import('../../../runtimes/lua/runtime')).lua;
	}
}
