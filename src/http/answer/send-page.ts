import type { Context } from 'hono'
import { answer, type HeaderRecord } from './answer-headers.ts'
import { etagOf, matchesEtag } from './json-body.ts'
import { requestHeader } from '../request/request-header.ts'

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
export function sendPage(c: Context, page: Page, headers: HeaderRecord = {}): Response {
  const all = { ETag: page.etag, 'X-Content-Type-Options': 'nosniff', ...headers }
  if (matchesEtag(requestHeader(c, 'if-none-match'), page.etag)) return answer(c, null, 304, all)
  return answer(c, page.body, 200, { 'Content-Type': page.type, ...all })
}
