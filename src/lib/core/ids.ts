// Branded ids: a TaskId can't be passed where a SampleId is expected, though both are strings.
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type TaskId = Brand<string, 'TaskId'>;
export type SampleId = Brand<string, 'SampleId'>;
export type RunId = Brand<string, 'RunId'>;
export type JobId = Brand<number, 'JobId'>;

export const taskId = (s: string) => s as TaskId;
export const sampleId = (s: string) => s as SampleId;
export const runId = (s: string) => s as RunId;
export const jobId = (n: number) => n as JobId;

export type Language = 'python' | 'javascript' | 'lua';
export const LANGUAGES: readonly Language[] = ['python', 'javascript', 'lua'];
