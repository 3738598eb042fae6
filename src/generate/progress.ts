/** Most progress reports over a whole generation, so a progress bar is cheap to drive. */
export const PROGRESS_STEPS = 200

export type ProgressReporter = { advance(): void; finish(): void }

/** Counts generated items and reports every 1/PROGRESS_STEPS of the total, then once at the end. */
export function progressReporter(
  total: number,
  onProgress: ((done: number, total: number) => void) | undefined,
): ProgressReporter {
  if (onProgress === undefined) return { advance() {}, finish() {} }
  const step = Math.max(1, Math.ceil(total / PROGRESS_STEPS))
  let done = 0
  let next = step
  return {
    advance() {
      done++
      if (done >= next && done < total) {
        next += step
        onProgress(done, total)
      }
    },
    finish() {
      onProgress(total, total)
    },
  }
}
