// A run store in memory: the CLI, the embed widget and a shared link's run, and the app when the
// browser allows no storage (private mode).
import type { GeneratedRecord, RunMeta, SampleRecord, TestSetRecord } from '../run/spec';
import type { RunStore } from '../run/store';

export class MemoryRunStore implements RunStore {
	readonly #runs = new Map<string, RunMeta>();
	readonly #samples = new Map<string, SampleRecord>();
	readonly #generated = new Map<string, GeneratedRecord>();
	readonly #tests = new Map<string, TestSetRecord>();

	async saveRun(meta: RunMeta) {
		this.#runs.set(meta.id, structuredClone(meta));
	}
	async getRun(id: string) {
		return structuredClone(this.#runs.get(id));
	}
	async listRuns() {
		return [...this.#runs.values()].map((m) => structuredClone(m));
	}
	async deleteRun(id: string) {
		this.#runs.delete(id);
		for (const m of [this.#samples, this.#generated, this.#tests])
			for (const k of [...m.keys()]) if (k.startsWith(`${id}\u0000`)) m.delete(k);
	}
	async putSample(rec: SampleRecord) {
		this.#samples.set(`${rec.runId}\u0000${rec.taskId}\u0000${rec.index}`, structuredClone(rec));
	}
	async samples(runId: string) {
		return [...this.#samples.values()].filter((r) => r.runId === runId).map((r) => structuredClone(r));
	}
	async putGenerated(rec: GeneratedRecord) {
		this.#generated.set(`${rec.runId}\u0000${rec.taskId}\u0000${rec.index}`, structuredClone(rec));
	}
	async generated(runId: string) {
		return [...this.#generated.values()].filter((r) => r.runId === runId).map((r) => structuredClone(r));
	}
	async putTests(rec: TestSetRecord) {
		this.#tests.set(`${rec.runId}\u0000${rec.taskId}\u0000${rec.index}`, structuredClone(rec));
	}
	async tests(runId: string) {
		return [...this.#tests.values()].filter((r) => r.runId === runId).map((r) => structuredClone(r));
	}
}
