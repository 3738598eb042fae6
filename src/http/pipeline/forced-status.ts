import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import { queryError, quote } from '../../query/query-error.ts'
import { answer } from '../answer/answer-headers.ts'
import { errorBody } from '../answer/error-response.ts'
import { reasonPhrase } from '../answer/reason-phrase.ts'
import { requestHeader } from '../request/request-header.ts'
import { sendEmpty, sendError } from '../answer/send-json.ts'

const RANGE = 'must be an integer from 200 to 599'
const BODILESS = new Set([204, 205, 304])

/**
 * `?_status=CODE` or the header `Prefer: code=CODE` (the query wins) answers with that status
 * without running the request, so nothing is written: 4xx and 5xx with a JSON error body, 204, 205
 * and 304 with no body, any other code with `{}`. `undefined` when neither asks.
 */
export function forcedAnswer(c: Context): Response | undefined {
  const forced = requestedStatus(c)
  if (forced === undefined) return undefined
  const { status, via } = forced
  if (BODILESS.has(status)) return sendEmpty(c, status)
  if (status >= 400)
    return sendError(c, status, errorBody(`${reasonPhrase(status)} (forced with ${via}).`))
  return answer(c, '{}', status, { 'Content-Type': 'application/json; charset=utf-8' })
}

function requestedStatus(c: Context): { status: number; via: string } | undefined {
  const query = c.req.query('_status')
  if (query !== undefined) {
    const status = statusCode(query)
    if (status === undefined) {
      throw queryError([{ path: '_status', message: `${RANGE} (got ${quote(query)})` }])
    }
    return { status, via: `?_status=${status}` }
  }
  const prefer = requestHeader(c, 'prefer')
  const code = prefer === undefined ? undefined : preference(prefer, 'code')
  if (code === undefined) return undefined
  const status = statusCode(code)
  if (status === undefined) {
    const message = `code ${RANGE} (got ${quote(code)})`
    throw new AppError('bad_request', `Invalid header "Prefer": ${message}.`, {
      details: [{ path: 'Prefer', message }],
    })
  }
  return { status, via: `Prefer: code=${status}` }
}

function statusCode(text: string): number | undefined {
  const status = Number(text)
  return /^\d{3}$/.test(text) && status >= 200 && status <= 599 ? status : undefined
}

/** The value of one preference in a `Prefer` header (RFC 7240), unquoted. */
export function preference(header: string, name: string): string | undefined {
  for (const item of header.split(',')) {
    const [pair = ''] = item.split(';')
    const equals = pair.indexOf('=')
    const key = (equals === -1 ? pair : pair.slice(0, equals)).trim().toLowerCase()
    if (key !== name) continue
    const value = equals === -1 ? '' : pair.slice(equals + 1).trim()
    return value.replace(/^"(.*)"$/, '$1')
  }
  return undefined
}
