import { AppError } from '../errors.ts'
import type { FeedOptions, Present } from '../feed/change-feed.ts'
import type { StartupView } from '../store/startup-view.ts'
import { Session } from './session.ts'
import { checkSessionName } from './session-name.ts'

export type SessionsOptions = {
  /** Live sessions at most; one more is refused with a 503. */
  readonly maxSessions?: number
  /** A session unused this long (in milliseconds) is dropped. */
  readonly idleMs?: number
  /** The clock; tests pass their own. */
  readonly now?: () => number
  /** Each session's change feed (a smaller history than the shared feed's by default). */
  readonly feed?: FeedOptions
  /** Asked before a new session is made: throws to refuse it (a Worker's limit across objects). */
  readonly admit?: (name: string) => void
}

export const DEFAULT_MAX_SESSIONS = 1000
export const DEFAULT_SESSION_IDLE_MS = 30 * 60 * 1000
const SESSION_FEED: FeedOptions = { historySize: 100, historyChars: 256 * 1024 }
// Idle sessions are looked for at most this often, on a request: no timer keeps the process busy.
const SWEEP_EVERY_MS = 1000

/** The 503 of a new session beyond the limit. */
export function tooManySessions(live: number): AppError {
  return new AppError(
    'unavailable',
    `Too many sessions: ${live} are live, the most this server keeps. ` +
      'Drop one with DELETE /_sessions/NAME, or wait for idle ones to expire.',
  )
}

/**
 * The live sessions of one database, by name: each a private copy-on-write view of the data the
 * server started with. A session is made on first use and dropped on request or when idle.
 */
export class Sessions {
  readonly maxSessions: number
  readonly idleMs: number
  readonly #startup: StartupView
  readonly #now: () => number
  readonly #feed: FeedOptions
  readonly #sessions = new Map<string, Session>()
  readonly #admit: ((name: string) => void) | undefined
  #present: Present | undefined
  #swept = 0

  constructor(startup: StartupView, options: SessionsOptions = {}) {
    this.#startup = startup
    this.maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS
    this.idleMs = options.idleMs ?? DEFAULT_SESSION_IDLE_MS
    this.#now = options.now ?? Date.now
    this.#feed = { ...SESSION_FEED, ...options.feed }
    this.#admit = options.admit
  }

  get size(): number {
    return this.#sessions.size
  }

  /** How items are shown in sessions' events (users without their password hash). */
  presentWith(present: Present | undefined): void {
    this.#present = present
  }

  /**
   * The session with this name, made now if there is none (400 for a bad name, 503 at the cap);
   * `created` is when a session kept elsewhere (a Worker's object) was first made.
   */
  open(name: string, created?: number): Session {
    const now = this.#now()
    this.#sweep(now)
    const found = this.#sessions.get(name)
    if (found !== undefined) {
      found.lastUsed = now
      return found
    }
    checkSessionName(name)
    if (this.#sessions.size >= this.maxSessions) throw tooManySessions(this.#sessions.size)
    this.#admit?.(name)
    const session = new Session(name, this.#startup, created ?? now, {
      options: this.#feed,
      present: this.#present,
    })
    session.lastUsed = now
    this.#sessions.set(name, session)
    return session
  }

  find(name: string): Session | undefined {
    this.#sweep(this.#now())
    return this.#sessions.get(name)
  }

  /** Drops a session and ends its streams; `false` when there was none. */
  drop(name: string): boolean {
    const session = this.#sessions.get(name)
    if (session === undefined) return false
    this.#sessions.delete(name)
    session.close()
    return true
  }

  list(): Session[] {
    this.#sweep(this.#now(), true)
    return [...this.#sessions.values()]
  }

  /** Drops every session (the server is closing). */
  clear(): void {
    for (const name of this.#sessions.keys()) this.drop(name)
  }

  #sweep(now: number, always = false): void {
    if (!always && now - this.#swept < Math.min(SWEEP_EVERY_MS, this.idleMs)) return
    this.#swept = now
    for (const [name, session] of this.#sessions) {
      if (now - session.lastUsed > this.idleMs && !session.listening) this.drop(name)
    }
  }
}
