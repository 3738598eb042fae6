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
  /** What is queued: `#shared` alone (a flush's run, the same array for every subscriber), or
   * `#queue`, this subscription's own. */
  #queue: FeedEvent[] = []
  #shared: readonly FeedEvent[] | undefined
  #queued = 0
  /** Events of the next run to leave out: they were published before it subscribed. */
  #skip = 0
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
    if (this.#closed && this.#empty()) {
      taker(undefined)
      return
    }
    this.#taker = taker
    if (!this.#empty()) this.#feed.ready(this)
  }

  /** Stops the subscription; what is queued can still be taken. */
  close(): void {
    if (this.#closed) return
    // Leaving the feed, it gets what was published so far and not yet handed out.
    this.#feed.drop(this)
    this.#closed = true
    if (this.#taker !== undefined) this.#feed.ready(this)
  }

  /** @internal One event, if it passes the filter; the taker is woken at the next flush. */
  deliver(event: FeedEvent): void {
    if (this.#closed || !this.#predicate(event.change, event.fake)) return
    this.#own().push(event)
    this.#queued += event.text.length
    if (this.#queued > this.#limit) this.#overflow()
    else if (this.#taker !== undefined) this.#feed.ready(this)
  }

  /** @internal The next run it receives leaves out its first `count` events. */
  skip(count: number): void {
    this.#skip = count
  }

  /**
   * @internal For a subscriber of everything: the run of events since the last flush, at a flush
   * (`wake`: its taker gets them now) or as it leaves.
   */
  receive(run: readonly FeedEvent[], chars: number, wake: boolean): void {
    if (this.#closed) return
    let events = run
    let size = chars
    if (this.#skip > 0) {
      events = run.slice(this.#skip)
      this.#skip = 0
      size = 0
      for (const event of events) size += event.text.length
    }
    if (events.length === 0) return
    if (this.#empty()) this.#shared = events
    else this.#own().push(...events)
    this.#queued += size
    if (this.#queued > this.#limit) this.#overflow()
    else if (wake) this.wake()
  }

  /** @internal At a flush: the taker gets what is queued, or the end. */
  wake(): void {
    const taker = this.#taker
    if (taker === undefined || (this.#empty() && !this.#closed)) return
    this.#taker = undefined
    if (this.#empty()) {
      taker(undefined)
      return
    }
    const events = this.#shared ?? this.#queue
    this.#shared = undefined
    this.#queue = []
    this.#queued = 0
    taker(events)
  }

  #empty(): boolean {
    return this.#shared === undefined && this.#queue.length === 0
  }

  // The queue as this subscription's own array, to add to.
  #own(): FeedEvent[] {
    if (this.#shared !== undefined) {
      this.#queue = [...this.#shared]
      this.#shared = undefined
    }
    return this.#queue
  }

  #overflow(): void {
    const reset = this.#feed.resetEvent('overflow')
    this.#queue = []
    this.#shared = undefined
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
