import type { Database } from '../store/database.ts'
import type { ChangeFeed } from './change-feed.ts'
import { eventChanges } from './event-changes.ts'

/** Publishes the store's committed changes to the feed; returns the function that stops it. */
export function publishCommits(store: Database, feed: ChangeFeed): () => void {
  const idKeyOf = (name: string): string => store.schema.resources.get(name)?.idKey ?? 'id'
  return store.onCommit((changes, cause) => feed.publish(eventChanges(changes, cause, idKeyOf)))
}
