import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import { ownRouteAt } from '../../routes/own-routes.ts'
import { allowHeader, type RouteTable } from '../../routes/route-table.ts'
import { splitUrl } from '../request/path-segments.ts'
import { sendEmpty } from '../answer/send-json.ts'

export function notFound(path: string): AppError {
  return new AppError('not_found', `The requested resource was not found: ${path}.`)
}

/**
 * Answers a request no route took: 405 with `Allow` when one of fauxrest's own routes has this
 * path under another method (OPTIONS gets 204 with `Allow`), else the JSON 404.
 */
export function notFoundHandler(
  table: RouteTable,
  onError: (error: unknown, c: Context) => Response,
): (c: Context) => Response {
  return (c) => {
    const path = splitUrl(c.req.url).pathname
    const own = ownRouteAt(table.own, path)
    if (own === undefined) return onError(notFound(path), c)
    const allow = allowHeader(own.methods)
    if (c.req.method === 'OPTIONS') return sendEmpty(c, 204, { Allow: allow })
    const message = `${c.req.method} is not allowed here. Allowed: ${allow}.`
    return onError(new AppError('method_not_allowed', message, { headers: { Allow: allow } }), c)
  }
}
