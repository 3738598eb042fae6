import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorBody } from './error-response.ts'
import { matchesEtag, type JsonBody } from './json-body.ts'

const JSON_TYPE = 'application/json; charset=utf-8'

/** A JSON answer with its ETag; a GET or HEAD whose If-None-Match still matches gets 304. */
export function sendJson(
  c: Context,
  body: JsonBody,
  status: 200 | 201 = 200,
  headers: Readonly<Record<string, string>> = {},
): Response {
  const reading = c.req.method === 'GET' || c.req.method === 'HEAD'
  if (reading && status === 200 && matchesEtag(c.req.header('if-none-match'), body.etag)) {
    return c.body(null, 304, { ETag: body.etag, ...headers })
  }
  return c.body(body.text, status, { 'Content-Type': JSON_TYPE, ETag: body.etag, ...headers })
}

export function sendError(c: Context, status: ContentfulStatusCode, body: ErrorBody): Response {
  return c.body(JSON.stringify(body, null, 2), status, { 'Content-Type': JSON_TYPE })
}
