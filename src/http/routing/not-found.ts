import type { Context, Hono } from 'hono'
import { errorBody } from '../answer/error-response.ts'
import { splitUrl } from '../request/path-segments.ts'
import { notFound } from './resolve-target.ts'
import { sendEmpty, sendError } from '../answer/send-json.ts'

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

/**
 * Answers a request no route took: 405 with `Allow` when one of the app's own fixed routes has this
 * path under another method (OPTIONS gets 204 with `Allow`), else the JSON 404.
 */
export function notFoundHandler(app: Hono): (c: Context) => Response {
  return (c) => {
    const path = splitUrl(c.req.url).pathname
    const methods = routeMethods(app, path)
    if (methods.length === 0) {
      return sendError(c, 404, errorBody(notFound(path).message))
    }
    const allow = [...methods, 'OPTIONS'].join(', ')
    if (c.req.method === 'OPTIONS') return sendEmpty(c, 204, { Allow: allow })
    const message = `${c.req.method} is not allowed here. Allowed: ${allow}.`
    return sendError(c, 405, errorBody(message), { Allow: allow })
  }
}

/** Methods of the routes registered for exactly `path` (wildcard routes and middleware aside). */
export function routeMethods(app: Hono, path: string): string[] {
  const methods = new Set<string>()
  for (const route of app.routes) {
    if (route.method === 'ALL' || route.path.includes('*') || !samePath(route.path, path)) continue
    methods.add(route.method)
    if (route.method === 'GET') methods.add('HEAD')
  }
  methods.delete('OPTIONS')
  return [...methods].toSorted((a, b) => rank(a) - rank(b))
}

function rank(method: string): number {
  const index = METHOD_ORDER.indexOf(method)
  return index === -1 ? METHOD_ORDER.length : index
}

// `:name` matches one segment; everything else literally.
function samePath(pattern: string, path: string): boolean {
  const want = pattern.split('/')
  const have = path.split('/')
  return (
    want.length === have.length &&
    want.every((part, index) => part.startsWith(':') || part === have[index])
  )
}
