import type { Context } from 'hono'
import type { JsonValue } from '../../json.ts'
import type { OperationBinding } from '../../openapi-import/binding.ts'
import { answer, type HeaderRecord } from '../answer/answer-headers.ts'

/** The declared success status, media type and headers; no body when the document declares none. */
export function sendOperation(
  c: Context,
  op: OperationBinding,
  value: JsonValue,
  extra: HeaderRecord = {},
): Response {
  const { success } = op
  const headers: Record<string, string> = { ...extra }
  for (const header of success.headers) headers[header.name] = header.value
  if (success.mediaType === undefined || success.status === 204 || success.status === 304) {
    return answer(c, null, success.status, headers)
  }
  headers['Content-Type'] =
    success.mediaType === 'application/json' ? 'application/json; charset=utf-8' : success.mediaType
  return answer(c, JSON.stringify(value, null, 2), success.status, headers)
}
