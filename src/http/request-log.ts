import type { MiddlewareHandler } from 'hono'

/** One line per request: method, path and query, status, time taken. */
export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    await next()
    const url = new URL(c.req.url)
    const ms = (performance.now() - started).toFixed(1)
    log(`${c.req.method} ${url.pathname}${url.search} ${c.res.status} ${ms} ms`)
  }
}
