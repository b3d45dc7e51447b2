// Runs in IndexedDB (through idb): one store for run metadata, one for samples keyed by
// [runId, taskId, index]. Each sample is its own transaction, committed as it finishes.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { BenchtopError, messageOf } from '../core/errors';
import type { GeneratedRecord, RunMeta, SampleRecord, TestSetRecord } from '../run/spec';
import type { RunStore } from '../run/store';

interface Schema extends DBSchema {
	runs: { key: string; value: RunMeta };
	samples: { key: [string, string, number]; value: SampleRecord; indexes: { byRun: string } };
	generated: { key: [string, string, number]; value: GeneratedRecord; indexes: { byRun: string } };
	tests: { key: [string, string, number]; value: TestSetRecord; indexes: { byRun: string } };
}

class StorageError extends BenchtopError {
	override name = 'StorageError';
}

/** Plain words for what the browser's storage said. */
function explain(e: unknown): StorageError {
	const name = (e as { name?: string })?.name ?? '';
	if (name === 'QuotaExceededError')
		return new StorageError(
			'the browser refused to store more (storage quota exceeded): free space or delete old runs; this run stays in memory and can still be exported',
		);
	if (name === 'InvalidStateError' || name === 'SecurityError')
		return new StorageError(
			'this browser does not allow storage here (private mode?): results stay in memory only — export them before closing the tab',
		);
	return new StorageError(`could not use the browser's storage: ${messageOf(e)}`);
}

export class IdbRunStore implements RunStore {
	readonly #db: Promise<IDBPDatabase<Schema>>;

	constructor(name = 'benchtop') {
		this.#db = new Promise((resolve, reject) => {
			openDB<Schema>(name, 3, {
				upgrade(db, from) {
					const keyPath = ['runId', 'taskId', 'index'];
					if (from < 1) {
						db.createObjectStore('runs', { keyPath: 'id' });
						db.createObjectStore('samples', { keyPath }).createIndex('byRun', 'runId');
					}
					if (from < 2) db.createObjectStore('generated', { keyPath }).createIndex('byRun', 'runId');
					if (from < 3) db.createObjectStore('tests', { keyPath }).createIndex('byRun', 'runId');
				},
				// Another tab upgrading or deleting the database must not wait on this one forever.
				blocking(_current, _blocked, event) {
					(event.target as IDBDatabase).close();
				},
				// …and an older tab that does not let go must not make this one wait silently.
				blocked: () =>
					reject(
						new StorageError(
							'another tab with an older Benchtop holds the database: close or reload it; until then runs stay in memory only — export them before closing this tab',
						),
					),
			}).then(resolve, (e) => reject(explain(e)));
		});
	}

	async #do<T>(f: (db: IDBPDatabase<Schema>) => Promise<T>): Promise<T> {
		try {
			return await f(await this.#db);
		} catch (e) {
			throw e instanceof StorageError ? e : explain(e);
		}
	}

	saveRun(meta: RunMeta) {
		return this.#do(async (db) => void (await db.put('runs', meta)));
	}
	getRun(id: string) {
		return this.#do((db) => db.get('runs', id));
	}
	listRuns() {
		return this.#do((db) => db.getAll('runs'));
	}
	deleteRun(id: string) {
		return this.#do(async (db) => {
			const tx = db.transaction(['runs', 'samples', 'generated', 'tests'], 'readwrite');
			await tx.objectStore('runs').delete(id);
			for (const store of ['samples', 'generated', 'tests'] as const)
				for await (const cursor of tx.objectStore(store).index('byRun').iterate(id)) await cursor.delete();
			await tx.done;
		});
	}
	putSample(rec: SampleRecord) {
		return this.#do(async (db) => void (await db.put('samples', rec)));
	}
	samples(runId: string) {
		return this.#do((db) => db.getAllFromIndex('samples', 'byRun', runId));
	}
	putGenerated(rec: GeneratedRecord) {
		return this.#do(async (db) => void (await db.put('generated', rec)));
	}
	generated(runId: string) {
		return this.#do((db) => db.getAllFromIndex('generated', 'byRun', runId));
	}
	putTests(rec: TestSetRecord) {
		return this.#do(async (db) => void (await db.put('tests', rec)));
	}
	tests(runId: string) {
		return this.#do((db) => db.getAllFromIndex('tests', 'byRun', runId));
	}
}
