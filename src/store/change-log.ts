import type { Change, CommitCause } from './change.ts'
import type { Undo } from './undo.ts'

/** One mutation's changes. `undone` turns true when a failed write took them back. */
export type LogEntry = {
  readonly seq: number
  readonly changes: readonly Change[]
  readonly undo: readonly Undo[]
  readonly cause: CommitCause | undefined
  undone: boolean
}

/**
 * The changes made in memory that are not yet known to be durable, one entry per mutation,
 * numbered upwards (numbers are never reused). The store appends, takes durable entries and
 * takes back failed ones; a persistence driver reads what came after the last entry it saved.
 */
export class ChangeLog {
  #entries: LogEntry[] = []
  #last = 0

  /** Number of the latest entry ever appended (0 before any). */
  get head(): number {
    return this.#last
  }

  append(changes: readonly Change[], undo: readonly Undo[], cause?: CommitCause): LogEntry {
    const entry = { seq: ++this.#last, changes, undo, cause, undone: false }
    this.#entries.push(entry)
    return entry
  }

  /** The changes of the entries numbered above `seq`, in order. */
  since(seq: number): Change[] {
    const out: Change[] = []
    for (let at = this.#firstAbove(seq); at < this.#entries.length; at++) {
      const entry = this.#entries[at]
      if (entry !== undefined) for (const change of entry.changes) out.push(change)
    }
    return out
  }

  /** Removes and returns the entries up to `seq` (they are durable), in order. */
  take(seq: number): LogEntry[] {
    return this.#entries.splice(0, this.#firstAbove(seq))
  }

  /** Removes the entries above `seq`, marks them undone and returns their undo steps, latest first. */
  takeBack(seq: number): Undo[] {
    const removed = this.#entries.splice(this.#firstAbove(seq))
    const steps: Undo[] = []
    for (const entry of removed.toReversed()) {
      entry.undone = true
      steps.push(...entry.undo.toReversed())
    }
    return steps
  }

  #firstAbove(seq: number): number {
    let low = 0
    let high = this.#entries.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.#entries[middle]?.seq ?? Infinity) <= seq) low = middle + 1
      else high = middle
    }
    return low
  }
}
