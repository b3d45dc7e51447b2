// Every file Benchtop writes is named from a run's or problem's name: one rule for what a file system
// takes, so the app, the CLI and the zip of MultiPL-E files agree.
export const safeFileName = (name: string) => name.replace(/[^\w.-]+/g, '_');
