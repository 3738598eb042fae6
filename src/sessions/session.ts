import { ChangeFeed, type FeedOptions, type Present } from '../feed/change-feed.ts'
import { publishCommits } from '../feed/publish-commits.ts'
import { SessionStore } from '../store/session-store.ts'
import type { StartupView } from '../store/startup-view.ts'

export type SessionInfo = {
  readonly name: string
  /** Rows (and singular objects) the session holds because it changed them. */
  readonly changes: number
  /** About how many bytes of JSON those rows are. */
  readonly bytes: number
  readonly created: string
  readonly lastUsed: string
  /** Open `/_events` streams. */
  readonly subscribers: number
}

/** One session: its private view of the database, and its own change feed (made when first asked). */
export class Session {
  readonly name: string
  readonly store: SessionStore
  readonly created: number
  lastUsed: number
  readonly #feedOptions: FeedOptions
  readonly #present: Present | undefined
  #feed: ChangeFeed | undefined
  #unhook: (() => void) | undefined

  constructor(
    name: string,
    startup: StartupView,
    now: number,
    feed: { readonly options: FeedOptions; readonly present: Present | undefined },
  ) {
    this.name = name
    this.store = new SessionStore(startup)
    this.created = now
    this.lastUsed = now
    this.#feedOptions = feed.options
    this.#present = feed.present
  }

  /** The session's change feed: only its own changes, and only from the first time it is asked. */
  feed(): ChangeFeed {
    if (this.#feed === undefined) {
      const feed = new ChangeFeed(this.#feedOptions)
      feed.presentWith(this.#present)
      this.#unhook = publishCommits(this.store, feed)
      this.#feed = feed
    }
    return this.#feed
  }

  /** Publishes to the feed if anyone ever asked for it (fake writes; the store's commits go by themselves). */
  publish(...args: Parameters<ChangeFeed['publish']>): void {
    this.#feed?.publish(...args)
  }

  /** Someone listens to its feed: it is not idle, whatever the clock says. */
  get listening(): boolean {
    return (this.#feed?.subscribers ?? 0) > 0
  }

  info(): SessionInfo {
    let bytes = 0
    for (const row of this.store.held()) bytes += JSON.stringify(row).length
    return {
      name: this.name,
      changes: this.store.size,
      bytes,
      created: new Date(this.created).toISOString(),
      lastUsed: new Date(this.lastUsed).toISOString(),
      subscribers: this.#feed?.subscribers ?? 0,
    }
  }

  /** Ends its streams; the session is gone. */
  close(): void {
    this.#unhook?.()
    this.#feed?.disconnectAll()
  }
}
