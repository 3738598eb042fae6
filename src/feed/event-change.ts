import type { Id, JsonObject } from '../json.ts'

/** One item created, updated or deleted, as a committed write (or a cascade) left it. */
export type ItemChange = {
  readonly type: 'created' | 'updated' | 'deleted'
  readonly resource: string
  /** `null` for a singular resource. */
  readonly id: Id | null
  /** The item now; `null` once it is deleted. */
  readonly item: JsonObject | null
  /** The item before an update or a delete. */
  readonly previous?: JsonObject
}

/**
 * Everything may have changed: a reset, a reload of the files, or (for one subscriber) events it
 * can no longer be given, from too far back or because it read too slowly.
 */
export type ResetChange = {
  readonly type: 'reset'
  readonly reason: 'reset' | 'reload' | 'missed' | 'overflow'
}

export type EventChange = ItemChange | ResetChange
