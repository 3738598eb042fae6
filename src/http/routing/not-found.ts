import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import { insideBase } from '../../routes/base-path.ts'
import { ownRouteAt, type OwnRoute } from '../../routes/own-routes.ts'
import { allowHeader } from '../../routes/route-table.ts'
import { splitUrl } from '../request/path-segments.ts'
import { sendEmpty } from '../answer/send-json.ts'

export function notFound(path: string): AppError {
  return new AppError('not_found', `The requested resource was not found: ${path}.`)
}

/** A path the server answers other than its resources: fauxrest's own routes, a front end's `/`. */
export type KnownPath = Pick<OwnRoute, 'path' | 'methods'>

/**
 * Answers a request no route took: 405 with `Allow` when one of the `known` paths (where the
 * server answers them) has this path under another method (OPTIONS gets 204 with `Allow`), else
 * the JSON 404, which says where the API is when the path is outside its prefix (`--base`).
 */
export function notFoundHandler(
  known: readonly KnownPath[],
  base: string,
  onError: (error: unknown, c: Context) => Response,
): (c: Context) => Response {
  return (c) => {
    const path = splitUrl(c.req.url).pathname
    const own = ownRouteAt(known, path)
    if (own === undefined) {
      if (insideBase(base, path) !== undefined) return onError(notFound(path), c)
      const message = `The requested resource was not found: ${path}. The API is served under ${base}.`
      return onError(new AppError('not_found', message), c)
    }
    const allow = allowHeader(own.methods)
    if (c.req.method === 'OPTIONS') return sendEmpty(c, 204, { Allow: allow })
    const message = `${c.req.method} is not allowed here. Allowed: ${allow}.`
    return onError(new AppError('method_not_allowed', message, { headers: { Allow: allow } }), c)
  }
}
