/** Builds the Worker runtime into `outfile` (or only returns its text when it is left out). */
export function buildWorkerRuntime(outfile?: string): Promise<string>
