import { AppError } from '../errors.ts'

export const MAX_SESSION_NAME = 64

// URL-safe as they are (RFC 3986 unreserved characters): a name needs no encoding in a path.
const NAME = /^[A-Za-z0-9._~-]+$/

/** Whether `name` may name a session. */
export function isSessionName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_SESSION_NAME && NAME.test(name)
}

/** The name, if it may name a session; else a 400 saying what a name may hold. */
export function checkSessionName(name: string): string {
  if (isSessionName(name)) return name
  const shown = JSON.stringify(name.length > MAX_SESSION_NAME ? `${name.slice(0, 20)}…` : name)
  throw new AppError(
    'bad_request',
    `Invalid session name ${shown}: use 1 to ${MAX_SESSION_NAME} letters, digits, ".", "_", "~" or "-".`,
  )
}
