import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError, type ErrorCode, type Issue } from '../../errors.ts'
import { reasonPhrase } from './reason-phrase.ts'

export const STATUS_BY_CODE = {
  bad_request: 400,
  invalid_query: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_body: 422,
  unavailable: 503,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>

export type ErrorBody = { error: string; details?: Issue[] }

export function errorBody(message: string, details?: readonly Issue[]): ErrorBody {
  return details === undefined || details.length === 0
    ? { error: message }
    : { error: message, details: [...details] }
}

/** Maps any thrown value to a status and the one error shape; nothing internal leaks out. */
export function toErrorResponse(error: unknown): {
  status: ContentfulStatusCode
  body: ErrorBody
  headers?: Readonly<Record<string, string>>
} {
  if (error instanceof AppError) {
    const answer = {
      status: STATUS_BY_CODE[error.code],
      body: errorBody(error.message, error.details),
    }
    return error.headers === undefined ? answer : { ...answer, headers: error.headers }
  }
  // Hono's own errors (its middleware throw these) keep their status, in our shape. Recognised by
  // shape, not class: a middleware file imports its own copy of hono, and the command line runs
  // a bundled one.
  if (isHttpError(error)) {
    const message = error.message === '' ? `${reasonPhrase(error.status)}.` : error.message
    return { status: error.status, body: { error: message } }
  }
  return { status: 500, body: { error: 'Internal server error.' } }
}

/** Hono's `HTTPException` with an error status: an error with `status` and `getResponse`. */
function isHttpError(error: unknown): error is Error & { readonly status: ContentfulStatusCode } {
  if (!(error instanceof Error) || typeof Reflect.get(error, 'getResponse') !== 'function') {
    return false
  }
  const status: unknown = Reflect.get(error, 'status')
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599
}
