// Where a run's records live: IndexedDB in the app (storage/idb.ts), memory in the CLI, the embed and
// shared links (storage/memory.ts). Records are written the moment each sample finishes.
import type { GeneratedRecord, RunMeta, SampleRecord, TestSetRecord } from './spec';

export interface RunStore {
	saveRun(meta: RunMeta): Promise<void>;
	getRun(id: string): Promise<RunMeta | undefined>;
	listRuns(): Promise<RunMeta[]>;
	deleteRun(id: string): Promise<void>;
	putSample(rec: SampleRecord): Promise<void>;
	samples(runId: string): Promise<SampleRecord[]>;
	putGenerated(rec: GeneratedRecord): Promise<void>;
	generated(runId: string): Promise<GeneratedRecord[]>;
	/** Reranking: each problem's generated tests. */
	putTests(rec: TestSetRecord): Promise<void>;
	tests(runId: string): Promise<TestSetRecord[]>;
}
