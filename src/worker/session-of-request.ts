import { SESSION_HEADER, SESSIONS_PATH } from '../http/session/session-stage.ts'
import { isSessionName } from '../sessions/session-name.ts'

const PREFIX = `${SESSIONS_PATH}/`

/**
 * The session whose object answers this request, as the app's session stage picks it: a
 * `/_sessions/NAME/…` path, else the `Fauxrest-Session` header. `undefined` sends it to the
 * database's object: requests outside sessions, `/_sessions` and `/_sessions/NAME` (the
 * registry's), CORS preflights, and the ones its app refuses with a 400 (a bad name, a header and
 * a path naming different sessions). A Worker serves at the root (no `--base`).
 */
export function sessionOfRequest(request: Request): string | undefined {
  if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
    return undefined
  }
  const header = request.headers.get(SESSION_HEADER)?.trim()
  const { pathname } = new URL(request.url)
  if (!pathname.startsWith(PREFIX)) {
    return pathname === SESSIONS_PATH || header === undefined ? undefined : validName(header)
  }
  const end = pathname.indexOf('/', PREFIX.length)
  if (end === -1) return undefined
  let name: string
  try {
    name = decodeURIComponent(pathname.slice(PREFIX.length, end))
  } catch {
    return undefined
  }
  return header !== undefined && header !== name ? undefined : validName(name)
}

function validName(name: string): string | undefined {
  return isSessionName(name) ? name : undefined
}
