import { queryError, quote } from '../../query/query-error.ts'
import type { Delay } from '../../app-options.ts'

/** The most `?_delay=MS` may ask for: longer is a 400, so a typo cannot hang a test suite. */
export const MAX_REQUEST_DELAY = 30_000

export type Sleep = (ms: number) => Promise<void>

/** The configured delay for one answer: fixed, or random in the range. */
export function pickDelay(delay: Delay | undefined, random: () => number): number {
  if (delay === undefined) return 0
  return delay.min + Math.floor(random() * (delay.max - delay.min + 1))
}

/** `?_delay=MS` (0 to 30 000) replaces the configured delay for one request. */
export function requestDelay(text: string): number {
  const ms = Number(text)
  if (/^\d+$/.test(text) && ms <= MAX_REQUEST_DELAY) return ms
  const message = `must be an integer from 0 to ${MAX_REQUEST_DELAY} (got ${quote(text)})`
  throw queryError([{ path: '_delay', message }])
}
