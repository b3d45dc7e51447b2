// A whole run as one file: it round-trips, and a bad file names the field that is wrong.
import { describe, expect, it } from 'vitest';
import { taskId } from '../../src/lib/core/ids';
import { parseRunFile, toRunFile } from '../../src/lib/formats/run-file';
import type { SampleRecord } from '../../src/lib/run/spec';
import { RUN_META, sampleRecord } from '../fixtures/runs';

const meta = RUN_META;
const sample = (index: number, status: 'passed' | 'failed') =>
	sampleRecord(index, { result: { ...sampleRecord(0).result, status } });

describe('run files', () => {
	it('round-trip exactly', () => {
		const samples = [sample(0, 'passed'), sample(1, 'failed')];
		expect(parseRunFile(toRunFile(meta, samples), 'run.json')).toEqual({ meta, samples, tests: [] });
	});
	it.each([
		['{"x": 1}', 'run.json (field "benchtopRun"): not a Benchtop run file (export one from History)'],
		[
			'{"benchtopRun": 9, "meta": {}}',
			'run.json (field "benchtopRun"): version 9 is not one this Benchtop reads (1)',
		],
		[
			toRunFile(meta, [{ ...sample(0, 'passed'), taskId: taskId('nope') }]),
			'run.json (field "samples[0].taskId"): "nope" is not one of the run\'s problems',
		],
		[
			toRunFile(meta, [sample(5, 'passed')]),
			'run.json (field "samples[0].index"): must be an integer from 0 to 1',
		],
		[
			toRunFile({ ...meta, runtimes: { python: { html: '<b>' } } as unknown as Record<string, string> }, []),
			'run.json (field "meta.runtimes"): must map each runtime to its version (text)',
		],
		[
			toRunFile(meta, [{ ...sample(0, 'passed'), result: { status: 'great' } } as unknown as SampleRecord]),
			'run.json (field "samples[0].result.status"): must be passed, failed, timeout or error',
		],
	])('rejects %#', (text, message) => {
		expect(() => parseRunFile(text, 'run.json')).toThrow(message);
	});
});
