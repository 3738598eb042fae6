import type { MiddlewareHandler } from 'hono'
import { queryError, quote } from '../query/query-error.ts'
import type { Delay } from './app-options.ts'

/** The most `?_delay=MS` may ask for: longer is a 400, so a typo cannot hang a test suite. */
export const MAX_REQUEST_DELAY = 30_000

export type Sleep = (ms: number) => Promise<void>

export type DelayOptions = {
  /** Added to every answer: a fixed time, or a random one in the range. */
  readonly delay: Delay | undefined
  /** Waits; tests pass a recorder instead of real time. */
  readonly sleep?: Sleep
  /** In [0, 1), for delays in a range. */
  readonly random?: () => number
}

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Delays every answer by the configured time; `?_delay=MS` (0 to 30 000) replaces it for one
 * request. The wait comes before the request runs, so errors are delayed too.
 */
export function delayAnswers(options: DelayOptions): MiddlewareHandler {
  const { delay, sleep = realSleep, random = Math.random } = options
  return async (c, next) => {
    const asked = c.req.query('_delay')
    const ms = asked === undefined ? pick(delay, random) : requestDelay(asked)
    if (ms > 0) await sleep(ms)
    await next()
  }
}

function pick(delay: Delay | undefined, random: () => number): number {
  if (delay === undefined) return 0
  return delay.min + Math.floor(random() * (delay.max - delay.min + 1))
}

function requestDelay(text: string): number {
  const ms = Number(text)
  if (/^\d+$/.test(text) && ms <= MAX_REQUEST_DELAY) return ms
  const message = `must be an integer from 0 to ${MAX_REQUEST_DELAY} (got ${quote(text)})`
  throw queryError([{ path: '_delay', message }])
}
