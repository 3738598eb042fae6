import type { Context } from 'hono'
import type { Delay } from '../../app-options.ts'
import { setAnswerHeaders, type HeaderRecord } from '../answer/answer-headers.ts'
import { requestDelay, pickDelay, type Sleep } from './delay.ts'
import { forcedAnswer } from './forced-status.ts'
import { corsHeaders } from './cors-headers.ts'
import { jsonpCallback, toJsonp } from './jsonp.ts'
import { keepLatest } from './keep-latest.ts'
import type { Answer } from '../route.ts'
import { splitUrl } from '../request/path-segments.ts'
import { readBodyText, tooLarge } from '../request/read-json-body.ts'
import { requestHeader } from '../request/request-header.ts'
import { sendEmpty } from '../answer/send-json.ts'

export type Door = (c: Context, run: () => Answer) => Answer

export type DoorOptions = {
  readonly cors: boolean
  /** Added to every answer: a fixed time, or a random one in the range. */
  readonly delay: Delay | undefined
  readonly log: ((line: string) => void) | undefined
  /** Largest request body in bytes: a write announcing more is a 413 whatever its path. */
  readonly bodyLimit: number
  /** Turns an error thrown by a route into its answer (the app's error handler). */
  readonly onError: (error: unknown, c: Context) => Response
  /** Waits; tests pass a recorder instead of real time. */
  readonly sleep?: Sleep
  /** In [0, 1), for delays in a range. */
  readonly random?: () => number
}

const NO_CORS: HeaderRecord = {}
const PREFLIGHT_METHODS = 'GET,HEAD,PUT,POST,DELETE,PATCH'

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * What every request passes before its route: CORS headers on every answer (the request's Origin
 * reflected, credentials allowed), preflights, then, only
 * when asked for, a delay (`--delay`, `?_delay`), a forced status (`?_status`, `Prefer: code=`),
 * JSONP (`?callback=`) and the request log. Without those the route runs synchronously, so an answer built at once goes
 * out on @hono/node-server's direct path, as a bare node:http server would write it.
 */
export function frontDoor(options: DoorOptions): Door {
  const cors = options.cors ? corsHeaders() : () => NO_CORS
  const sleep = options.sleep ?? realSleep
  const random = options.random ?? Math.random
  return (c, run) => {
    keepLatest(c)
    setAnswerHeaders(c, cors(requestHeader(c, 'origin')))
    if (options.cors && c.req.method === 'OPTIONS') {
      const method = requestHeader(c, 'access-control-request-method')
      if (method !== undefined) return preflight(c)
    }
    const method = c.req.method
    if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
      const length = requestHeader(c, 'content-length')
      if (length === undefined) return bodyFirst(c, run)
      if (Number(length) > options.bodyLimit) return options.onError(tooLarge(options.bodyLimit), c)
    }
    const url = c.req.url
    const asked =
      url.includes('_delay') ||
      url.includes('_status') ||
      url.includes('callback') ||
      requestHeader(c, 'prefer') !== undefined
    if (!asked && options.delay === undefined && options.log === undefined) return run()
    return slowDoor(c, run)
  }

  // A body of unannounced length is read (up to the limit) before routing, so 413 is said first.
  async function bodyFirst(c: Context, run: () => Answer): Promise<Response> {
    try {
      await readBodyText(c, options.bodyLimit)
    } catch (error) {
      return options.onError(error, c)
    }
    return slowDoor(c, run)
  }

  async function slowDoor(c: Context, run: () => Answer): Promise<Response> {
    const started = performance.now()
    let response: Response
    let callback: string | undefined
    try {
      callback = jsonpCallback(c)
      const query = c.req.query('_delay')
      const ms = query === undefined ? pickDelay(options.delay, random) : requestDelay(query)
      if (ms > 0) await sleep(ms)
      response = forcedAnswer(c) ?? (await run())
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
