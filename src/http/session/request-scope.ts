import type { ChangeFeed } from '../../feed/change-feed.ts'
import type { Lookups } from '../../query/lookups.ts'
import type { Database } from '../../store/database.ts'
import type { CachedList } from '../resources/response-cache.ts'

/** Cached list answers of one database (the shared one, or one session's). */
export type ListCache = {
  get(key: string, version: number): CachedList | undefined
  set(key: string, version: number, list: CachedList): void
}

/**
 * The database a request works on, and what goes with it: the shared database, or the session
 * its `Fauxrest-Session` header or `/_sessions/NAME/` path prefix names.
 */
export type RequestScope = {
  readonly db: Database
  readonly lookups: Lookups
  readonly cache: ListCache
  /** Where fake writes are told (real ones reach the feed through the database). */
  readonly events: Pick<ChangeFeed, 'publish'>
  /** The feed `/_events` streams. */
  readonly feed: () => ChangeFeed
  readonly reset: () => Promise<void>
  /** The session's name; `undefined` outside one. */
  readonly session: string | undefined
  /**
   * The path prefix the request came through (`/_sessions/NAME`), '' otherwise: routes read the
   * path after it, and links written in the answer (`Location`) start with it, so they stay inside.
   */
  readonly base: string
}

export function lookupsOf(db: Database): Lookups {
  return {
    rows: (resource) => db.list(resource),
    byId: (resource, id) => db.get(resource, id),
    byRef: (child, field, parentId) => db.byRef(child, field, parentId),
  }
}
