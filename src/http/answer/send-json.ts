import type { Context } from 'hono'
import { answer, answerHeaders, withHeaders, type HeaderRecord } from './answer-headers.ts'
import type { ErrorBody } from './error-response.ts'
import { matchesEtag, type JsonBody } from './json-body.ts'
import { requestHeader } from '../request/request-header.ts'

const JSON_TYPE = 'application/json; charset=utf-8'
// Browsers revalidate API answers (a 304 while the ETag holds) instead of showing stale data.
const NO_CACHE = 'no-cache'
const NO_HEADERS: HeaderRecord = {}

type KnownHeaders = { base: HeaderRecord; extra: HeaderRecord; headers: HeaderRecord }

// A cached body's answer headers, built once per set of app-wide headers and extra headers (a
// cached list's paging headers): reads of unchanged items and lists then allocate nothing but the
// Response.
const bodyHeaders = new WeakMap<JsonBody, KnownHeaders>()

function headersOf(c: Context, body: JsonBody, extra: HeaderRecord): HeaderRecord {
  const base = answerHeaders(c)
  const known = bodyHeaders.get(body)
  if (known?.base === base && known.extra === extra) return known.headers
  const headers = jsonHeaders(base, body, extra)
  bodyHeaders.set(body, { base, extra, headers })
  return headers
}

function jsonHeaders(base: HeaderRecord, body: JsonBody, extra: HeaderRecord): HeaderRecord {
  const own = { 'Content-Type': JSON_TYPE, 'Cache-Control': NO_CACHE, ETag: body.etag }
  return withHeaders({ ...base, ...own }, extra)
}

/** A JSON answer with its ETag; a GET or HEAD whose If-None-Match still matches gets 304. */
export function sendJson(
  c: Context,
  body: JsonBody,
  status: 200 | 201 = 200,
  headers: HeaderRecord = NO_HEADERS,
): Response {
  const method = c.req.method
  if (
    status === 200 &&
    (method === 'GET' || method === 'HEAD') &&
    matchesEtag(requestHeader(c, 'if-none-match'), body.etag)
  ) {
    return answer(c, null, 304, { 'Cache-Control': NO_CACHE, ETag: body.etag, ...headers })
  }
  return new Response(body.payload, { status, headers: headersOf(c, body, headers) })
}

/**
 * The answer to a write: a body made for this request alone (the row as written), so neither it
 * nor its headers are remembered. Remembering them tied an entry of two WeakMaps to every row
 * written; under a stream of POSTs after a run's reads at 20x JSONPlaceholder, each young-generation
 * garbage collection then took 1.4 to 2.5 times as long. A later read of the row serialises it once
 * and keeps that.
 */
export function sendWritten(
  c: Context,
  body: JsonBody,
  status: 200 | 201 = 200,
  headers: HeaderRecord = NO_HEADERS,
): Response {
  return new Response(body.payload, {
    status,
    headers: jsonHeaders(answerHeaders(c), body, headers),
  })
}

export function sendError(
  c: Context,
  status: number,
  body: ErrorBody,
  headers: HeaderRecord = {},
): Response {
  return answer(c, JSON.stringify(body, null, 2), status, {
    'Content-Type': JSON_TYPE,
    'Cache-Control': NO_CACHE,
    ...headers,
  })
}

/** An answer with no body (204, 205, 304, HEAD-like answers). */
export function sendEmpty(c: Context, status: number, headers: HeaderRecord = {}): Response {
  return answer(c, null, status, headers)
}
