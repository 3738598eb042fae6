import type { ChangeFeed, SubscribeOptions } from './change-feed.ts'
import type { FeedEvent } from './feed-event.ts'
import type { Subscription } from './subscription.ts'

/**
 * Where a stream's bytes go. `write` returns nothing once the bytes are on their way, or a promise
 * while the client is behind (what follows waits for it); `end` finishes the stream.
 */
export type StreamSink = {
  readonly write: (bytes: Uint8Array | string) => Promise<unknown> | undefined
  readonly end: () => void
}

const KEEP_ALIVE = ': keep-alive\n\n'

/**
 * One `/_events` stream: its opening, then at every flush what its subscription heard (one write),
 * comment keep-alives while idle, and its end when the subscription ends. A sink that writes at once
 * (node/feed-takeover.ts) writes during the flush; `switchTo` hands the stream to such a sink
 * before its client has read anything, resending what was written to the old one.
 */
export class FeedStream {
  readonly #feed: ChangeFeed
  readonly #subscription: Subscription
  #sink: StreamSink
  /** Bytes the sink has not taken yet (a write it is still waiting on). */
  #waiting: Uint8Array | string | undefined
  #done: () => void = () => undefined
  readonly #keepAlive: ReturnType<typeof setInterval>

  constructor(feed: ChangeFeed, sink: StreamSink, options: Omit<SubscribeOptions, 'onOverflow'>) {
    this.#feed = feed
    this.#sink = sink
    // A client that stopped reading: the reset and the end go out behind the write it is stuck on.
    this.#subscription = feed.subscribe({
      ...options,
      onOverflow: (reset) => this.#overflow(reset),
    })
    this.#keepAlive = setInterval(() => {
      if (this.#waiting === undefined) void this.#sink.write(KEEP_ALIVE)
    }, feed.keepAliveMs)
  }

  /** Writes `opening`, then the events; resolves once the subscription has ended. */
  run(opening: string): Promise<void> {
    const ended = new Promise<void>((resolve) => {
      this.#done = resolve
    })
    this.#send(opening)
    return ended
  }

  #overflow(reset: FeedEvent): void {
    void this.#sink.write(reset.text)
    this.#sink.end()
  }

  /** The client behind `sink` went away: the stream ends, unless it has moved to another sink. */
  gone(sink: StreamSink): void {
    if (sink === this.#sink) this.#subscription.close()
  }

  /** From now on the bytes go to `sink`, beginning with any the old sink still held. */
  switchTo(sink: StreamSink): void {
    this.#sink = sink
    const waiting = this.#waiting
    this.#waiting = undefined
    if (waiting !== undefined) this.#send(waiting)
  }

  #send(bytes: Uint8Array | string): void {
    const sink = this.#sink
    const wait = sink.write(bytes)
    if (wait === undefined) {
      this.#next()
      return
    }
    this.#waiting = bytes
    void wait.then(() => {
      // A switch has resent these bytes on the new sink, which goes on from there.
      if (this.#sink !== sink) return
      this.#waiting = undefined
      this.#next()
    })
  }

  #next(): void {
    this.#subscription.pull(this.#take)
  }

  readonly #take = (events: readonly FeedEvent[] | undefined): void => {
    if (events === undefined) {
      clearInterval(this.#keepAlive)
      this.#sink.end()
      this.#done()
      return
    }
    this.#send(this.#feed.bytes(events))
  }
}
