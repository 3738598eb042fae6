import type { Context } from 'hono'
import { etagOf, matchesEtag } from './json-body.ts'

/** A text or binary answer with its ETag, computed once. */
export type Page = {
  readonly body: string | Uint8Array<ArrayBuffer>
  readonly etag: string
  readonly type: string
}

export function textPage(text: string, type: string): Page {
  return { body: text, etag: etagOf(text), type }
}

/** Sends a page with its ETag; a GET or HEAD whose If-None-Match still matches gets 304. */
export function sendPage(
  c: Context,
  page: Page,
  headers: Readonly<Record<string, string>> = {},
): Response {
  const all = { ETag: page.etag, 'X-Content-Type-Options': 'nosniff', ...headers }
  if (matchesEtag(c.req.header('if-none-match'), page.etag)) return c.body(null, 304, all)
  return c.body(page.body, 200, { 'Content-Type': page.type, ...all })
}
