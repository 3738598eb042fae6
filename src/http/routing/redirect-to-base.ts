import { sendEmpty } from '../answer/send-json.ts'
import type { Route } from '../route.ts'

/**
 * `GET /` when the API lives under a prefix (`--base /api`): a temporary redirect to its homepage
 * there, so a browser opening the server's address finds it. Temporary, because the prefix is
 * the server's setting of the day.
 */
export function redirectToBase(base: string): Route {
  return (c) => sendEmpty(c, 302, { Location: base })
}
