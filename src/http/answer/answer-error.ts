import type { Context } from 'hono'
import { errorBody, toErrorResponse } from './error-response.ts'
import { sendError } from './send-json.ts'

/**
 * The answer to anything thrown while a request is handled, in any stage or route: its status
 * (errors.ts's code table), the one error body (`errorBody`) and its headers (`Allow` on a 405).
 * `log` hears the server faults (500), which answer without their detail.
 */
export function answerError(c: Context, error: unknown, log?: (line: string) => void): Response {
  // The client hung up mid-request (a body cut short): no server fault, and no one to answer.
  if (c.req.raw.signal.aborted) return sendError(c, 400, errorBody('The request was aborted.'))
  const { status, body, headers } = toErrorResponse(error)
  if (status === 500) log?.(`internal error: ${String(error)}`)
  return sendError(c, status, body, headers)
}
