import type { JsonObject } from '../json.ts'
import type { EventChange, ResetChange } from './event-change.ts'
import { eventId, feedEvent, type FeedEvent } from './feed-event.ts'
import { FrameBatches } from './frame-batches.ts'
import { Subscription, type FeedLink } from './subscription.ts'
import { EVERYTHING, type FeedPredicate } from './topics.ts'

export type FeedOptions = {
  /** Events kept for clients that reconnect with `Last-Event-ID`. */
  readonly historySize?: number
  /** Characters of event text the history keeps at most, however few the events. */
  readonly historyChars?: number
  /** Characters of event text queued for one subscriber before it is dropped with a `reset`. */
  readonly bufferChars?: number
  /** Names this run of the feed in every event id; a time-based name by default. */
  readonly epoch?: string
  /** Milliseconds between the comments that keep an idle stream open through proxies. */
  readonly keepAliveMs?: number
  /** The `retry:` streams announce: milliseconds a client waits before it reconnects. */
  readonly retryMs?: number
  /**
   * The largest share of the time that handing events to subscribers may take while changes come
   * faster than one a flush. A flush hands each subscriber everything it heard since the last, at
   * once; after one that carried several changes, the next waits until the last one's time is this
   * share of the time since it began. After one that carried a single change, the next goes at once.
   */
  readonly flushShare?: number
  /**
   * The longest wait between flushes, however long the last one took: a flush that took long (a
   * flood of writes to 1,000 streams) must not hold the next events back for seconds.
   */
  readonly maxFlushGapMs?: number
  /** Milliseconds from a fixed point, to time flushes by (`performance.now`; tests pass their own). */
  readonly now?: () => number
}

export type SubscribeOptions = {
  readonly predicate?: FeedPredicate
  /**
   * The only resources whose changes `predicate` can let through (resets aside): the feed does not
   * offer it the others, so streams on other resources cost a write nothing.
   */
  readonly resources?: ReadonlySet<string> | undefined
  /** The id of the last event the client saw: what followed it is sent first. */
  readonly lastEventId?: string | undefined
  /**
   * Called instead of queueing the final `reset` when the subscriber overflows while it is busy
   * (a stream whose client stopped reading), so the reset can go out behind the stuck write.
   */
  readonly onOverflow?: (reset: FeedEvent) => void
}

export type { Subscription }

/** An item as clients may see it (a user without its password hash). */
export type Present = (resource: string, item: JsonObject) => JsonObject

const DEFAULTS = {
  historySize: 1000,
  historyChars: 8 * 1024 * 1024,
  bufferChars: 1024 * 1024,
  keepAliveMs: 15_000,
  retryMs: 2000,
  flushShare: 0.1,
  maxFlushGapMs: 40,
}

/**
 * The change feed: numbered events, a bounded history for replay, and subscribers that each pull
 * what matches their predicate. Publishing never waits for a subscriber: one that falls more than
 * `bufferChars` behind is dropped with a final `reset`, so a slow client never slows writes.
 * Subscribers are handed their events at flushes, each everything it heard since the last in one
 * go; while changes come faster than one a flush, flushes are spaced so that they take at most
 * `flushShare` of the time (but come at least every `maxFlushGapMs`), so 1,000 streams that hear
 * every write cost 1,000 writes a flush, not 1,000 a change.
 */
export class ChangeFeed implements FeedLink {
  readonly epoch: string
  readonly keepAliveMs: number
  readonly retryMs: number
  readonly #historySize: number
  readonly #historyChars: number
  readonly #bufferChars: number
  readonly #history: FeedEvent[] = []
  readonly #subscribers = new Set<Subscription>()
  /** Subscribers with a filter: each event is offered to each of them. */
  readonly #filtered = new Set<Subscription>()
  /** Subscribers with a filter on named resources: offered their resources' events, and resets. */
  readonly #byResource = new Map<string, Set<Subscription>>()
  readonly #onResources = new Set<Subscription>()
  /** Subscribers of everything: handed the run of events since the last flush, one array for all. */
  readonly #everything = new Set<Subscription>()
  #run: FeedEvent[] = []
  /** Subscriptions whose taker is woken at the next flush. */
  readonly #ready = new Set<Subscription>()
  readonly #flushShare: number
  readonly #maxFlushGap: number
  readonly #now: () => number
  readonly #batches = new FrameBatches()
  #flushing = false
  #nextFlush = 0
  /** The last event the last flush handed out. */
  #flushedSeq = 0
  #historyUsed = 0
  #seq = 0
  #present: Present | undefined

  constructor(options: FeedOptions = {}) {
    this.epoch = options.epoch ?? Date.now().toString(36)
    this.keepAliveMs = options.keepAliveMs ?? DEFAULTS.keepAliveMs
    this.retryMs = options.retryMs ?? DEFAULTS.retryMs
    this.#historySize = options.historySize ?? DEFAULTS.historySize
    this.#historyChars = options.historyChars ?? DEFAULTS.historyChars
    this.#bufferChars = options.bufferChars ?? DEFAULTS.bufferChars
    this.#flushShare = options.flushShare ?? DEFAULTS.flushShare
    this.#maxFlushGap = options.maxFlushGapMs ?? DEFAULTS.maxFlushGapMs
    this.#now = options.now ?? (() => performance.now())
  }

  /** The id of the latest event (`<epoch>-0` before any). */
  get lastId(): string {
    return eventId(this.epoch, this.#seq)
  }

  /** Subscribers connected now. */
  get subscribers(): number {
    return this.#subscribers.size
  }

  /** How items are shown from now on; every event carries them so, and only so. */
  presentWith(present: Present | undefined): void {
    this.#present = present
  }

  publish(changes: readonly EventChange[], options: { readonly fake?: boolean } = {}): void {
    const fake = options.fake === true
    for (const change of changes) {
      const event = feedEvent(this.epoch, ++this.#seq, this.#shown(change), fake)
      this.#remember(event)
      if (this.#everything.size > 0) this.#run.push(event)
      for (const subscriber of this.#filtered) subscriber.deliver(event)
      const named =
        change.type === 'reset' ? this.#onResources : this.#byResource.get(change.resource)
      if (named !== undefined) for (const subscriber of named) subscriber.deliver(event)
    }
    if (this.#run.length > 0) this.#schedule()
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    const predicate = options.predicate ?? EVERYTHING
    const subscription = new Subscription(this, predicate, this.#bufferChars, options.onOverflow)
    this.#subscribers.add(subscription)
    if (predicate === EVERYTHING) {
      // The run so far was published before it came: it gets what follows.
      subscription.skip(this.#run.length)
      this.#everything.add(subscription)
    } else if (options.resources === undefined) {
      this.#filtered.add(subscription)
    } else {
      this.#onResources.add(subscription)
      for (const resource of options.resources) {
        const named = this.#byResource.get(resource) ?? new Set<Subscription>()
        named.add(subscription)
        this.#byResource.set(resource, named)
      }
    }
    if (options.lastEventId !== undefined) this.#replay(subscription, options.lastEventId)
    return subscription
  }

  /** Ends every subscription once it has taken what is queued for it (for a shutdown). */
  disconnectAll(): void {
    for (const subscription of this.#subscribers) subscription.close()
  }

  /** A `reset` for one subscriber only, numbered as the latest event. */
  resetEvent(reason: ResetChange['reason']): FeedEvent {
    return feedEvent(this.epoch, this.#seq, { type: 'reset', reason }, false)
  }

  /** The bytes of events a subscriber took, shared with every subscriber that took the same. */
  bytes(events: readonly FeedEvent[]): Uint8Array {
    return this.#batches.bytes(events)
  }

  /** @internal A subscription leaves the feed. */
  drop(subscription: Subscription): void {
    this.#subscribers.delete(subscription)
    this.#filtered.delete(subscription)
    if (this.#onResources.delete(subscription)) {
      for (const [resource, named] of this.#byResource) {
        named.delete(subscription)
        if (named.size === 0) this.#byResource.delete(resource)
      }
    }
    if (this.#everything.delete(subscription) && this.#run.length > 0) {
      subscription.receive(this.#run.slice(), charsOf(this.#run), false)
    }
  }

  /** @internal A subscription's taker is to be woken at the next flush. */
  ready(subscription: Subscription): void {
    this.#ready.add(subscription)
    this.#schedule()
  }

  #schedule(): void {
    if (this.#flushing) return
    this.#flushing = true
    // A task, not a microtask: the changes of every request this turn of the event loop handles
    // go out together.
    setTimeout(this.#flush, Math.max(0, this.#nextFlush - this.#now()))
  }

  readonly #flush = (): void => {
    const started = this.#now()
    const carried = this.#seq - this.#flushedSeq
    this.#flushedSeq = this.#seq
    this.#flushing = false
    this.#batches.clear()
    const run = this.#run
    this.#run = []
    const ready = [...this.#ready]
    this.#ready.clear()
    // Takers that write at once (the Node server's streams) write during these loops, so their
    // time is the time delivery took.
    if (run.length > 0) {
      const chars = charsOf(run)
      for (const subscription of this.#everything) subscription.receive(run, chars, true)
    }
    for (const subscription of ready) subscription.wake()
    // Changes come faster than one a flush (many writers): space the flushes, up to a bound. One
    // change (a single writer waiting for its event, say) leaves nothing to gather; the next goes at
    // once.
    const gap = Math.min(this.#maxFlushGap, (this.#now() - started) / this.#flushShare)
    this.#nextFlush = carried > 1 ? started + gap : 0
  }

  #shown(change: EventChange): EventChange {
    const present = this.#present
    if (present === undefined || change.type === 'reset') return change
    const { resource, item, previous } = change
    const shown = { ...change, item: item === null ? null : present(resource, item) }
    return previous === undefined ? shown : { ...shown, previous: present(resource, previous) }
  }

  #remember(event: FeedEvent): void {
    this.#history.push(event)
    this.#historyUsed += event.text.length
    while (
      this.#history.length > 1 &&
      (this.#history.length > this.#historySize || this.#historyUsed > this.#historyChars)
    ) {
      this.#historyUsed -= this.#history.shift()?.text.length ?? 0
    }
  }

  // What followed the client's last event, if the history still holds all of it; else a reset.
  #replay(subscription: Subscription, lastEventId: string): void {
    const seen = seqOf(lastEventId, this.epoch)
    const oldest = this.#history[0]?.seq ?? this.#seq + 1
    if (seen === undefined || seen > this.#seq || seen < oldest - 1) {
      subscription.deliver(this.resetEvent('missed'))
      return
    }
    for (const event of this.#history) if (event.seq > seen) subscription.deliver(event)
  }
}

function charsOf(events: readonly FeedEvent[]): number {
  let chars = 0
  for (const event of events) chars += event.text.length
  return chars
}

function seqOf(id: string, epoch: string): number | undefined {
  const prefix = `${epoch}-`
  if (!id.startsWith(prefix)) return undefined
  const digits = id.slice(prefix.length)
  return /^\d{1,15}$/.test(digits) ? Number(digits) : undefined
}
