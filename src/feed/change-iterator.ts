import type { EventChange } from './event-change.ts'
import type { ChangeFeed } from './change-feed.ts'
import type { FeedEvent } from './feed-event.ts'
import type { FeedPredicate } from './topics.ts'

/** A change as a subscriber hears it: what `/_events` sends, with its event name as `type`. */
export type FeedChange = EventChange & { readonly fake?: true }

/**
 * The feed's changes from now on, as an async iterator (for tests: `await changes.next()` after a
 * write). It listens from the moment it is made; `return()` (or leaving a `for await`) stops it.
 */
export function changeIterator(
  feed: ChangeFeed,
  predicate?: FeedPredicate,
): AsyncIterableIterator<FeedChange> {
  const subscription = feed.subscribe(predicate === undefined ? {} : { predicate })
  let ready: FeedEvent[] = []
  const iterator: AsyncIterableIterator<FeedChange> = {
    async next(): Promise<IteratorResult<FeedChange>> {
      if (ready.length === 0) ready = [...((await subscription.take()) ?? [])]
      const event = ready.shift()
      if (event === undefined) return { done: true, value: undefined }
      return { done: false, value: event.fake ? { ...event.change, fake: true } : event.change }
    },
    return(): Promise<IteratorResult<FeedChange>> {
      subscription.close()
      ready = []
      return Promise.resolve({ done: true, value: undefined })
    },
    [Symbol.asyncIterator]() {
      return iterator
    },
  }
  return iterator
}
