import type { Context } from 'hono'

export type HeaderRecord = Readonly<Record<string, string>>

const KEY = 'fauxrest:answer-headers'
const NONE: HeaderRecord = {}

/** Headers every answer to this request carries (CORS), set once by the front door. */
export function setAnswerHeaders(c: Context, headers: HeaderRecord): void {
  c.set(KEY, headers)
}

export function answerHeaders(c: Context): HeaderRecord {
  const headers: unknown = c.get(KEY)
  return typeof headers === 'object' && headers !== null ? (headers as HeaderRecord) : NONE
}

/**
 * An answer whose headers are a plain object: @hono/node-server then writes it directly, without
 * building web Headers (Hono's `c.body()` does so as soon as there is more than one header).
 */
export function answer(
  c: Context,
  body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | null,
  status: number,
  headers: HeaderRecord = NONE,
): Response {
  return new Response(body, { status, headers: withHeaders(answerHeaders(c), headers) })
}

/** `extra` over `base`; a `Vary` in both lists both (CORS varies on Origin, the homepage on Accept). */
export function withHeaders(base: HeaderRecord, extra: HeaderRecord): HeaderRecord {
  const vary = base['Vary'] !== undefined && extra['Vary'] !== undefined
  const merged = { ...base, ...extra }
  return vary ? { ...merged, Vary: `${base['Vary']}, ${extra['Vary']}` } : merged
}
