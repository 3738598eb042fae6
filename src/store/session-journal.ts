import type { Id, JsonObject, Row } from '../json.ts'

/**
 * What a session changed since the start-up data, as a journal keeps it: its changes in order
 * (each as the store made it, cascades included), and a reset, which wipes them but keeps where
 * the session's ids are, so none is handed out twice.
 */
export type SessionEntry =
  | { readonly op: 'insert' | 'update'; readonly resource: string; readonly row: Row }
  | { readonly op: 'delete'; readonly resource: string; readonly id: Id }
  | { readonly op: 'set'; readonly resource: string; readonly value: JsonObject }
  /** The next integer id of each resource the session had ids for when it was reset. */
  | { readonly op: 'reset'; readonly next: Readonly<Record<string, number>> }

/** Where a session's changes are kept beyond its memory (a Durable Object's storage). */
export interface SessionJournal {
  /**
   * Adds these entries after the ones kept so far (a reset: in their place); resolves once they
   * are durable.
   */
  append(entries: readonly SessionEntry[]): Promise<void>
}
