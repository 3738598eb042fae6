import { Hono } from 'hono'
import type { RouteRules } from '../../rewrite/route-rules.ts'
import { RULES_PATH } from '../../routes/own-routes.ts'
import { rewriteUrl } from '../../rewrite/rewrite-url.ts'
import { splitUrl } from '../request/path-segments.ts'

/**
 * json-server's rewriter, before routing: a request a rule matches is handed to `app` with its new
 * URL, whatever its method; `GET /__rules` (answered by `app`) is never rewritten. Routing reads
 * the URL, so the rewrite happens before the app sees the request. `rulesPath` is where the rules
 * are served (`/__rules`, under the API's prefix when there is one). Inside a session's path
 * prefix (`sessionsPath`, `/_sessions/` under the API's), the rules apply to the path after it.
 */
export function withRewrites(
  app: Hono,
  rules: RouteRules,
  rulesPath = RULES_PATH,
  sessionsPath = '/_sessions/',
): Hono {
  const front = new Hono()
  front.all('*', (c) => {
    const request = c.req.raw
    const { pathname, search } = splitUrl(request.url)
    const end = pathname.startsWith(sessionsPath) ? pathname.indexOf('/', sessionsPath.length) : -1
    const prefix = end === -1 ? '' : pathname.slice(0, end)
    const path = pathname.slice(prefix.length)
    const rewritten =
      pathname === rulesPath ? undefined : rewriteUrl(rules.current.rewrites, path, search)
    const target = rewritten === undefined ? undefined : prefix + rewritten
    if (target === undefined) return app.fetch(request, c.env)
    const url = new URL(target, request.url)
    const hasBody = request.body !== null
    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers: request.headers,
      signal: request.signal,
      ...(hasBody ? { body: request.body, duplex: 'half' } : {}),
    }
    return app.fetch(new Request(url, init), c.env)
  })
  return front
}
