// A problem's id is branded: a TaskId can't be passed where any other string is expected.
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type TaskId = Brand<string, 'TaskId'>;

export const taskId = (s: string) => s as TaskId;

export type Language = 'python' | 'javascript' | 'lua';
export const LANGUAGES: readonly Language[] = ['python', 'javascript', 'lua'];
