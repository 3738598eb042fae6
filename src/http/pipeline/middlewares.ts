import type { Context, MiddlewareHandler } from 'hono'
import { answerHeaders } from '../answer/answer-headers.ts'
import type { Route } from '../route.ts'

/** A user's middleware (`--middlewares`): Hono's `(c, next) => …`, typed for TypeScript users. */
export type Middleware = MiddlewareHandler

const RAN = 'fauxrest:middlewares-ran'

/**
 * Runs the user's middlewares in order, then the route, inside the request pipeline (so CORS,
 * delays and the log cover what a middleware answers). A middleware may answer by itself, change
 * the answer after `await next()`, or set headers before it; they run once per request, however
 * many routes it passes (the resources route hands unknown paths on to static files).
 */
export function withMiddlewares(middlewares: readonly Middleware[], handler: Route): Route {
  if (middlewares.length === 0) return handler
  return async (c, next) => {
    if (c.get(RAN) === true) return handler(c, next)
    c.set(RAN, true)
    const dispatch = async (index: number): Promise<void> => {
      const middleware = middlewares[index]
      if (middleware === undefined) {
        c.res = withPreparedHeaders(c, await handler(c, next))
        return
      }
      const result = await middleware(c, () => dispatch(index + 1))
      if (result instanceof Response) c.res = withAnswerHeaders(c, result)
    }
    await dispatch(0)
    return c.res
  }
}

/** An answer a middleware built itself carries what every answer carries (CORS). */
function withAnswerHeaders(c: Context, response: Response): Response {
  const missing = Object.entries(answerHeaders(c)).filter(([name]) => !response.headers.has(name))
  if (missing.length === 0) return response
  const merged = new Response(response.body, response)
  for (const [name, value] of missing) merged.headers.set(name, value)
  return merged
}

/**
 * fauxrest's routes build their answers directly, not through `c.json()`, so headers a middleware
 * set with `c.header()` before `next()` are copied onto the answer here.
 */
function withPreparedHeaders(c: Context, response: Response): Response {
  const prepared = [...c.res.headers].filter(([name]) => name !== 'content-type')
  if (prepared.length === 0) return response
  const merged = new Response(response.body, response)
  for (const [name, value] of prepared) merged.headers.set(name, value)
  return merged
}
