import { AppError, UserError } from './errors.ts'
import { SESSION_HEADER, SESSIONS_PATH } from './http/session/session-stage.ts'
import { checkSessionName } from './sessions/session-name.ts'
import type { Sessions } from './sessions/sessions.ts'

/** One session of a mock, for a test: requests inside it, its reset, its end. */
export type MockSession = {
  readonly name: string
  /**
   * The session's base URL on the server the mock listens on (`http://127.0.0.1:PORT/_sessions/NAME`),
   * or its path (`/_sessions/NAME`) while it listens on none: a front end's API base URL.
   */
  readonly url: string
  /** `{ 'Fauxrest-Session': NAME }`: what a client sends to be in the session. */
  readonly headers: Readonly<Record<string, string>>
  /** A request inside the session, answered in process (no port needed): `fetch('/posts/1')`. */
  fetch(path: string, init?: RequestInit): Promise<Response>
  /** Back to the data the server started with, for this session only. */
  reset(): Promise<void>
  /** Drops the session and ends its change streams. */
  close(): void
}

/** Answers a request in process (a Hono app's `request`). */
export type InProcess = (path: string, init: RequestInit) => Response | Promise<Response>

export function mockSession(
  request: InProcess,
  sessions: Sessions,
  name: string,
  listening: () => string | undefined,
): MockSession {
  try {
    sessions.open(checkSessionName(name))
  } catch (error) {
    if (error instanceof AppError) throw new UserError(error.message, [], { cause: error })
    throw error
  }
  const headers = { [SESSION_HEADER]: name }
  return {
    name,
    get url() {
      return `${listening() ?? ''}${SESSIONS_PATH}/${name}`
    },
    headers,
    async fetch(path, init = {}) {
      const merged = new Headers(init.headers)
      merged.set(SESSION_HEADER, name)
      return request(path, { ...init, headers: merged })
    },
    reset: () => sessions.open(name).store.reset(),
    close: () => void sessions.drop(name),
  }
}
