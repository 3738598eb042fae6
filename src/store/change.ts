import type { Id, JsonValue, Row } from '../json.ts'

/**
 * One committed change, as persistence drivers store it and listeners hear it. Each one is
 * idempotent (a row stored by id, an id removed, a resource's whole value), so replaying a
 * journal over a file that already holds some of it gives the same data.
 */
export type Change =
  /** A new row, appended at the end of its resource. */
  | { readonly op: 'insert'; readonly resource: string; readonly row: Row }
  /** A row that takes the place of the stored row with the same id (`previous`, for listeners). */
  | { readonly op: 'update'; readonly resource: string; readonly row: Row; readonly previous?: Row }
  | { readonly op: 'delete'; readonly resource: string; readonly id: Id; readonly previous?: Row }
  /** A resource's whole value (a singular resource, a reset, a reload, generated data). */
  | {
      readonly op: 'set'
      readonly resource: string
      readonly value: JsonValue
      /** A singular resource's value before, for listeners. */
      readonly previous?: JsonValue
    }
  /** A resource that is no longer there (a reload of a file without it). */
  | { readonly op: 'drop'; readonly resource: string }

/** Why a mutation changed whole resources, for listeners: a reset or a reload of the files. */
export type CommitCause = 'reset' | 'reload'

/** A change as a driver stores it: what came before is for listeners only. */
export function storedChange(change: Change): Change {
  if (change.op === 'insert' || change.op === 'drop') return change
  if (change.op === 'update') return { op: 'update', resource: change.resource, row: change.row }
  if (change.op === 'delete') return { op: 'delete', resource: change.resource, id: change.id }
  return { op: 'set', resource: change.resource, value: change.value }
}
