import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import { requestHeader } from './request-header.ts'

const BODY_KEY = 'fauxrest:body-text'

/**
 * The pipeline's body stage, for an announced length: over `limit` is a 413 (nothing is read);
 * `false` when no length was announced, so the body must be read, and counted, first.
 */
export function checkBodySize(c: Context, limit: number): boolean {
  const length = requestHeader(c, 'content-length')
  if (length === undefined) return false
  if (Number(length) > limit) throw tooLarge(limit)
  return true
}

/** The pipeline's body stage, for an unannounced length: reads at most `limit` bytes (else 413). */
export async function readBodyWithin(c: Context, limit: number): Promise<void> {
  const stream = c.req.raw.body
  let text = ''
  if (stream !== null) {
    const reader = stream.getReader()
    const decoder = new TextDecoder()
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel()
        throw tooLarge(limit)
      }
      text += decoder.decode(value, { stream: true })
    }
    text += decoder.decode()
  }
  c.set(BODY_KEY, text)
  // Hono's own readers (`c.req.json()` in a user's middleware) then parse this text, not the
  // stream it came from (Hono keeps promises there, whatever its types say).
  Object.assign(c.req.bodyCache, { text: Promise.resolve(text) })
}

/**
 * The body as text, read once per request. Its size was checked by the pipeline's body stage,
 * which also read it already when its length was not announced.
 */
export async function readBodyText(c: Context): Promise<string> {
  const read: unknown = c.get(BODY_KEY)
  if (typeof read === 'string') return read
  // @hono/node-server reads a body asked for as text straight from the socket.
  const text = await c.req.text()
  c.set(BODY_KEY, text)
  return text
}

export function tooLarge(limit: number): AppError {
  return new AppError(
    'payload_too_large',
    `The request body is larger than the limit of ${limit} bytes.`,
  )
}
