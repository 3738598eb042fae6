import type { ResetChange } from './event-change.ts'
import type { FeedEvent } from './feed-event.ts'
import type { FeedPredicate } from './topics.ts'

/** What a subscription needs of its feed. */
export type FeedLink = {
  /** The subscription's taker is to be called at the next flush. */
  readonly ready: (subscription: Subscription) => void
  /** The subscription leaves the feed. */
  readonly drop: (subscription: Subscription) => void
  /** A `reset` for one subscriber only, numbered as the latest event. */
  readonly resetEvent: (reason: ResetChange['reason']) => FeedEvent
}

/** Called once with the events queued since the last call, or `undefined` at the end. */
export type Taker = (events: readonly FeedEvent[] | undefined) => void

/**
 * One subscriber's queue. `pull` hands the next events that match to a taker, at the first flush
 * that has any (so what one subscriber hears between flushes goes out together), or the end.
 */
export class Subscription {
  readonly #feed: FeedLink
  readonly #predicate: FeedPredicate
  readonly #limit: number
  readonly #onOverflow: ((reset: FeedEvent) => void) | undefined
  #queue: FeedEvent[] = []
  #queued = 0
  #closed = false
  #taker: Taker | undefined

  constructor(
    feed: FeedLink,
    predicate: FeedPredicate,
    limit: number,
    onOverflow: ((reset: FeedEvent) => void) | undefined,
  ) {
    this.#feed = feed
    this.#predicate = predicate
    this.#limit = limit
    this.#onOverflow = onOverflow
  }

  get closed(): boolean {
    return this.#closed
  }

  /** The events queued since the last call, at the first flush with any; `undefined` at the end. */
  take(): Promise<readonly FeedEvent[] | undefined> {
    return new Promise((resolve) => this.pull(resolve))
  }

  /** Like `take`, for a taker that writes at once: it is called during the flush itself. */
  pull(taker: Taker): void {
    if (this.#closed && this.#queue.length === 0) {
      taker(undefined)
      return
    }
    this.#taker = taker
    if (this.#queue.length > 0) this.#feed.ready(this)
  }

  /** Stops the subscription; what is queued can still be taken. */
  close(): void {
    if (this.#closed) return
    this.#closed = true
    this.#feed.drop(this)
    if (this.#taker !== undefined) this.#feed.ready(this)
  }

  /** @internal */
  deliver(event: FeedEvent): void {
    if (this.#closed || !this.#predicate(event.change, event.fake)) return
    this.#queue.push(event)
    this.#queued += event.text.length
    if (this.#queued > this.#limit) this.#overflow()
    else if (this.#taker !== undefined) this.#feed.ready(this)
  }

  /** @internal At a flush: the taker gets what is queued, or the end. */
  wake(): void {
    const taker = this.#taker
    if (taker === undefined || (this.#queue.length === 0 && !this.#closed)) return
    this.#taker = undefined
    if (this.#queue.length === 0) {
      taker(undefined)
      return
    }
    const events = this.#queue
    this.#queue = []
    this.#queued = 0
    taker(events)
  }

  #overflow(): void {
    const reset = this.#feed.resetEvent('overflow')
    this.#queue = []
    this.#queued = 0
    this.close()
    if (this.#taker === undefined && this.#onOverflow !== undefined) {
      this.#onOverflow(reset)
      return
    }
    this.#queue.push(reset)
    if (this.#taker !== undefined) this.#feed.ready(this)
  }
}
