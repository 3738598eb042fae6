import type { Context } from 'hono'
import type { Delay } from '../../app-options.ts'
import { setAnswerHeaders, type HeaderRecord } from '../answer/answer-headers.ts'
import { sendEmpty } from '../answer/send-json.ts'
import { splitUrl } from '../request/path-segments.ts'
import { checkBodySize, readBodyWithin } from '../request/read-body.ts'
import { requestHeader } from '../request/request-header.ts'
import type { Answer } from '../route.ts'
import { corsHeaders } from './cors-headers.ts'
import { pickDelay, requestDelay, type Sleep } from './delay.ts'
import { forcedAnswer } from './forced-status.ts'
import { jsonpCallback, toJsonp } from './jsonp.ts'
import { keepLatest } from './keep-latest.ts'

export type Pipeline<S> = (c: Context, route: (scope: S) => Answer) => Answer

export type PipelineOptions<S> = {
  readonly cors: boolean
  /** Added to every answer: a fixed time, or a random one in the range. */
  readonly delay: Delay | undefined
  readonly log: ((line: string) => void) | undefined
  /** Largest request body in bytes: a write announcing more is a 413 whatever its path. */
  readonly bodyLimit: number
  /** Turns an error thrown by a stage or a route into its answer (the app's one error answer). */
  readonly onError: (error: unknown, c: Context) => Response
  /** What the route works on (the shared database, or the session the request names). */
  readonly scope: (c: Context) => S
  /** Waits; tests pass a recorder instead of real time. */
  readonly sleep?: Sleep
  /** In [0, 1), for delays in a range. */
  readonly random?: () => number
}

const NO_CORS: HeaderRecord = {}
const PREFLIGHT_METHODS = 'GET,HEAD,PUT,POST,DELETE,PATCH'

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The one request pipeline: every request passes these stages, in this order, before and after
 * its route.
 *
 *   1. shapes        keep the latest Context alive (keep-latest.ts: V8 object layouts)
 *   2. cors          CORS headers on every answer; a preflight is answered here
 *   3. session       the database the route works on: the shared one, or the session named by
 *                    `Fauxrest-Session` or a `/_sessions/NAME/` prefix (made on first use)
 *   4. body          a write's body: its size checked against the limit (413), read at most once
 *   5. delay         `--delay`, `?_delay=MS`
 *   6. forced status `?_status=CODE`, `Prefer: code=CODE`: answered without running the route
 *   7. route         the route's handler
 *   8. jsonp         `?callback=NAME` wraps a JSON answer in a script
 *   9. log           one line per request
 *
 * Stages 5, 6, 8 and 9 run only when a request or the options ask for them. Otherwise the route
 * runs synchronously, so an answer built at once goes out on @hono/node-server's direct path, as a
 * bare node:http server would write it; this is why the stages are not `app.use()` middleware
 * (each middleware makes every request await). Hono's own `cors` middleware was measured at
 * 0.4-0.6x the requests per second on GET /posts/1 (see cors-headers.ts). Hono's `bodyLimit`
 * middleware is left out for the same reason, and because the Node server hands the app a body it
 * has already read whole (node/serve-fetch.ts), so there is no stream left to cap.
 */
export function requestPipeline<S>(options: PipelineOptions<S>): Pipeline<S> {
  const cors = options.cors ? corsHeaders() : () => NO_CORS
  const sleep = options.sleep ?? realSleep
  const random = options.random ?? Math.random
  return (c, route) => {
    keepLatest(c)
    // 2. cors
    setAnswerHeaders(c, cors(requestHeader(c, 'origin')))
    if (options.cors && c.req.method === 'OPTIONS') {
      const method = requestHeader(c, 'access-control-request-method')
      if (method !== undefined) return preflight(c)
    }
    let scope: S
    try {
      // 3. session
      scope = options.scope(c)
      // 4. body: an announced length is checked now; an unannounced one is read, and counted, first.
      const method = c.req.method
      if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
        if (!checkBodySize(c, options.bodyLimit)) return bodyFirst(c, route, scope)
      }
    } catch (error) {
      return options.onError(error, c)
    }
    if (!asksForStages(c) && options.delay === undefined && options.log === undefined) {
      return route(scope)
    }
    return slowStages(c, route, scope)
  }

  async function bodyFirst(c: Context, route: (scope: S) => Answer, scope: S): Promise<Response> {
    try {
      await readBodyWithin(c, options.bodyLimit)
    } catch (error) {
      return options.onError(error, c)
    }
    return slowStages(c, route, scope)
  }

  // Stages 5 to 9.
  async function slowStages(c: Context, route: (scope: S) => Answer, scope: S): Promise<Response> {
    const started = performance.now()
    let response: Response
    let callback: string | undefined
    try {
      callback = jsonpCallback(c)
      const query = c.req.query('_delay')
      const ms = query === undefined ? pickDelay(options.delay, random) : requestDelay(query)
      if (ms > 0) await sleep(ms)
      response = forcedAnswer(c) ?? (await route(scope))
    } catch (error) {
      response = options.onError(error, c)
    }
    if (callback !== undefined) response = await toJsonp(response, callback)
    if (options.log !== undefined) {
      const { pathname, search } = splitUrl(c.req.url)
      const ms = (performance.now() - started).toFixed(1)
      options.log(`${c.req.method} ${pathname}${search} ${response.status} ${ms} ms`)
    }
    return response
  }
}

// A substring test first: most requests ask for none of the optional stages.
function asksForStages(c: Context): boolean {
  const url = c.req.url
  return (
    url.includes('_delay') ||
    url.includes('_status') ||
    url.includes('callback') ||
    requestHeader(c, 'prefer') !== undefined
  )
}

function preflight(c: Context): Response {
  const asked = requestHeader(c, 'access-control-request-headers')
  const headers: Record<string, string> = {
    'Access-Control-Allow-Methods': PREFLIGHT_METHODS,
    'Access-Control-Max-Age': '600',
  }
  if (asked !== undefined) {
    headers['Access-Control-Allow-Headers'] = asked
      .split(',')
      .map((name) => name.trim())
      .join(',')
    headers['Vary'] = 'Access-Control-Request-Headers'
  }
  return sendEmpty(c, 204, headers)
}
