import type { SessionInfo } from './session.ts'
import type { Sessions } from './sessions.ts'

/** What `GET /_sessions` answers. */
export type SessionList = {
  readonly count: number
  readonly max: number
  readonly idleSeconds: number
  readonly sessions: SessionInfo[]
}

/**
 * Where the session routes (`GET /_sessions`, `GET` and `DELETE /_sessions/NAME`) find sessions:
 * this process's memory, or, in a Worker, the objects sessions live in.
 */
export interface SessionDirectory {
  list(): Promise<SessionList>
  /** One session's entry; `undefined` when there is none. */
  info(name: string): Promise<SessionInfo | undefined>
  /** Drops a session and ends its streams; `false` when there was none. */
  drop(name: string): Promise<boolean>
}

/** The sessions this process holds. */
export function localDirectory(sessions: Sessions): SessionDirectory {
  return {
    list: () =>
      Promise.resolve({
        count: sessions.size,
        max: sessions.maxSessions,
        idleSeconds: Math.round(sessions.idleMs / 1000),
        sessions: sessions.list().map((session) => session.info()),
      }),
    info: (name) => Promise.resolve(sessions.find(name)?.info()),
    drop: (name) => Promise.resolve(sessions.drop(name)),
  }
}
