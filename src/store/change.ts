import type { Id, JsonValue, Row } from '../json.ts'

/**
 * One committed change, as persistence drivers store it and listeners hear it. Each one is
 * idempotent (a row stored by id, an id removed, a resource's whole value), so replaying a
 * journal over a file that already holds some of it gives the same data.
 */
export type Change =
  /** A new row, appended at the end of its resource. */
  | { readonly op: 'insert'; readonly resource: string; readonly row: Row }
  /** A row that takes the place of the stored row with the same id. */
  | { readonly op: 'update'; readonly resource: string; readonly row: Row }
  | { readonly op: 'delete'; readonly resource: string; readonly id: Id }
  /** A resource's whole value (a singular resource, a reset, a reload, generated data). */
  | { readonly op: 'set'; readonly resource: string; readonly value: JsonValue }
  /** A resource that is no longer there (a reload of a file without it). */
  | { readonly op: 'drop'; readonly resource: string }
