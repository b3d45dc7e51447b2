// History rows: model, benchmark, n and pass@1 with its interval from a run's samples, and the filter.
import { describe, expect, it } from 'vitest';
import { taskId } from '../../src/lib/core/ids';
import { filterRows, historyRow } from '../../src/lib/ui/history';
import { RUN_META, sampleRecord } from '../fixtures/runs';

const failed = { status: 'failed' as const, stdout: '', stderr: '', truncated: false, durationMs: 1 };

describe('History rows', () => {
	it('score pass@1 with its interval from the stored samples, and name the model and benchmark', () => {
		const row = historyRow(RUN_META, [
			sampleRecord(0),
			sampleRecord(1, { result: failed }),
			sampleRecord(0, { taskId: taskId('t2') }),
			sampleRecord(1, { taskId: taskId('t2') }),
		]);
		expect(row).toMatchObject({ model: 'reference solutions', benchmark: 'classroom', n: 2, samples: 4 });
		expect(row.passAt1!.value).toBe(0.75);
		expect(row.passAt1!.ci[0]).toBeLessThanOrEqual(0.75);
		expect(row.passAt1!.ci[1]).toBeGreaterThanOrEqual(0.75);
	});

	it('a run with no samples yet has no score', () => {
		expect(historyRow(RUN_META, []).passAt1).toBeUndefined();
	});

	it('filters by every word, in any case, over name, model, benchmark and status', () => {
		const a = historyRow({ ...RUN_META, name: 'Monday class' }, []);
		const b = historyRow(
			{
				...RUN_META,
				id: 'r2',
				name: 'qwen at home',
				spec: {
					...RUN_META.spec,
					generator: { kind: 'endpoint', baseUrl: 'http://x', model: 'qwen2.5-coder', api: 'chat' },
				},
			},
			[],
		);
		expect(filterRows([a, b], 'QWEN').map((r) => r.meta.name)).toEqual(['qwen at home']);
		expect(filterRows([a, b], 'class reference').map((r) => r.meta.name)).toEqual(['Monday class']);
		expect(filterRows([a, b], '')).toHaveLength(2);
		expect(filterRows([a, b], 'done classroom')).toHaveLength(2);
	});
});
