import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import type { Session } from '../../sessions/session.ts'
import { checkSessionName } from '../../sessions/session-name.ts'
import type { Sessions } from '../../sessions/sessions.ts'
import { insideBase } from '../../routes/base-path.ts'
import { splitUrl } from '../request/path-segments.ts'
import { requestHeader } from '../request/request-header.ts'
import { ResponseCache } from '../resources/response-cache.ts'
import { lookupsOf, type RequestScope } from './request-scope.ts'

export const SESSION_HEADER = 'Fauxrest-Session'
export const SESSIONS_PATH = '/_sessions'

const HEADER = SESSION_HEADER.toLowerCase()
const PREFIX = `${SESSIONS_PATH}/`

/**
 * The pipeline's session stage: the scope of each request. `Fauxrest-Session: NAME` or a path
 * under `/_sessions/NAME/` picks that session (made on first use); anything else is the shared
 * database. `/_sessions` and `/_sessions/NAME` themselves manage sessions and work on none. Under
 * `--base /api` the prefix is `/api/_sessions/NAME/`.
 */
export function sessionStage(
  sessions: Sessions,
  shared: RequestScope,
  apiBase: string,
): (c: Context) => RequestScope {
  const cache = new ResponseCache('many')
  const scopes = new WeakMap<Session, RequestScope>()
  const scopeOf = (session: Session): RequestScope => {
    let scope = scopes.get(session)
    if (scope === undefined) {
      const db = session.store
      const prefix = `${session.name}\n`
      scope = {
        db,
        lookups: lookupsOf(db),
        cache: {
          get: (key, version) => cache.get(prefix + key, version),
          set: (key, version, list) => cache.set(prefix + key, version, list),
        },
        events: { publish: (changes, options) => session.publish(changes, options) },
        feed: () => session.feed(),
        reset: () => db.reset(),
        session: session.name,
        base: '',
      }
      scopes.set(session, scope)
    }
    return scope
  }
  return (c) => {
    const header = requestHeader(c, HEADER)
    // A substring test first: most requests name no session in their path.
    const inside = c.req.path.includes(SESSIONS_PATH)
      ? insideBase(apiBase, splitUrl(c.req.url).pathname)
      : undefined
    const named = inside === undefined ? undefined : pathSession(inside)
    if (named === undefined) {
      if (header === undefined || (inside !== undefined && isManagement(inside))) return shared
      return scopeOf(sessions.open(checkSessionName(header.trim())))
    }
    const inPath = named.name
    if (header !== undefined && header.trim() !== inPath) {
      const both = `header (${JSON.stringify(header.trim())}) and the path (${JSON.stringify(inPath)})`
      throw new AppError('bad_request', `The ${SESSION_HEADER} ${both} name different sessions.`)
    }
    const scope = scopeOf(sessions.open(checkSessionName(inPath)))
    return { ...scope, base: `${SESSIONS_PATH}/${named.raw}` }
  }
}

/** The session a `/_sessions/NAME/…` path names; `undefined` for `/_sessions/NAME` itself. */
function pathSession(path: string): { name: string; raw: string } | undefined {
  if (!path.startsWith(PREFIX)) return undefined
  const end = path.indexOf('/', PREFIX.length)
  if (end === -1) return undefined
  const raw = path.slice(PREFIX.length, end)
  try {
    return { name: raw.includes('%') ? decodeURIComponent(raw) : raw, raw }
  } catch {
    throw new AppError('bad_request', `Invalid session name ${JSON.stringify(raw)}.`)
  }
}

function isManagement(path: string): boolean {
  return path === SESSIONS_PATH || (path.startsWith(PREFIX) && !path.includes('/', PREFIX.length))
}

/** The path a route reads: the request's (inside the API's prefix), after the session prefix. */
export function scopedPath(pathname: string, scope: RequestScope): string {
  return scope.base === '' ? pathname : pathname.slice(scope.base.length) || '/'
}
