import type { Data, Row } from '../json.ts'

/** How to take back one step of a change in memory (a failed write). */
export type Undo =
  /** An inserted row leaves its resource (it is the last row when this runs). */
  | { readonly kind: 'unappend'; readonly resource: string; readonly row: Row }
  /** A row goes back to what it was. */
  | { readonly kind: 'unswap'; readonly resource: string; readonly now: Row; readonly was: Row }
  /** Removed rows go back to their positions (ascending). */
  | {
      readonly kind: 'unremove'
      readonly resource: string
      readonly rows: readonly (readonly [number, Row])[]
    }
  /** A resource's value (or its absence) comes back. */
  | { readonly kind: 'unset'; readonly resource: string; readonly value: Data[string] | undefined }
  /** The whole data object comes back (a reload). */
  | { readonly kind: 'undata'; readonly data: Data }

/** Applies undo steps (latest first) to the data; returns the data and the resources touched. */
export function applyUndo(
  start: Data,
  steps: readonly Undo[],
): { readonly data: Data; readonly touched: ReadonlySet<string> | 'all' } {
  let data = start
  let touched: Set<string> | 'all' = new Set()
  for (const step of steps) {
    if (step.kind === 'undata') {
      data = step.data
      touched = 'all'
      continue
    }
    if (touched !== 'all') touched.add(step.resource)
    if (step.kind === 'unset') {
      if (step.value === undefined) delete data[step.resource]
      else data[step.resource] = step.value
      continue
    }
    const rows = data[step.resource]
    if (!Array.isArray(rows)) continue
    if (step.kind === 'unappend') {
      const at = rows.lastIndexOf(step.row)
      if (at !== -1) rows.splice(at, 1)
    } else if (step.kind === 'unswap') {
      const at = rows.indexOf(step.now)
      if (at !== -1) rows[at] = step.was
    } else {
      for (const [position, row] of step.rows) rows.splice(position, 0, row)
    }
  }
  return { data, touched }
}
