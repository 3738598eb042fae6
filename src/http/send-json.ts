import type { Context } from 'hono'
import { answer, type HeaderRecord } from './answer-headers.ts'
import type { ErrorBody } from './error-response.ts'
import { matchesEtag, type JsonBody } from './json-body.ts'
import { requestHeader } from './request-header.ts'

const JSON_TYPE = 'application/json; charset=utf-8'

/** A JSON answer with its ETag; a GET or HEAD whose If-None-Match still matches gets 304. */
export function sendJson(
  c: Context,
  body: JsonBody,
  status: 200 | 201 = 200,
  headers: HeaderRecord = {},
): Response {
  const method = c.req.method
  if (
    status === 200 &&
    (method === 'GET' || method === 'HEAD') &&
    matchesEtag(requestHeader(c, 'if-none-match'), body.etag)
  ) {
    return answer(c, null, 304, { ETag: body.etag, ...headers })
  }
  return answer(c, body.payload, status, { 'Content-Type': JSON_TYPE, ETag: body.etag, ...headers })
}

export function sendError(
  c: Context,
  status: number,
  body: ErrorBody,
  headers: HeaderRecord = {},
): Response {
  return answer(c, JSON.stringify(body, null, 2), status, { 'Content-Type': JSON_TYPE, ...headers })
}

/** An answer with no body (204, 205, 304, HEAD-like answers). */
export function sendEmpty(c: Context, status: number, headers: HeaderRecord = {}): Response {
  return answer(c, null, status, headers)
}
