import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import { isJsonObject, type JsonObject } from '../../json.ts'
import type { OperationBinding } from '../../openapi-import/binding.ts'
import type { BodyCheck } from '../../openapi-import/check-body.ts'
import { isJsonType } from '../../openapi-import/responses.ts'
import { cappedIssues } from '../../validate/capped-issues.ts'
import { INVALID_BODY } from '../../validate/validate-write.ts'
import { readBodyText } from '../request/read-body.ts'
import { malformed } from '../request/read-json-body.ts'
import { requestHeader } from '../request/request-header.ts'

/**
 * The operation's JSON body, checked against its request schema. A body that fails it gets the
 * status the operation declares for that (422, or 400 when only 400 is declared); malformed JSON
 * is a 400. `undefined` when the operation takes no JSON body, or an optional one was not sent.
 */
export async function requestBody(
  c: Context,
  op: OperationBinding,
  check: BodyCheck,
): Promise<unknown> {
  const request = op.request
  if (request === undefined) return undefined
  const text = await readBodyText(c)
  const mediaType = requestHeader(c, 'content-type')?.split(';')[0]?.trim() ?? ''
  if (mediaType !== '' && !isJsonType(mediaType.toLowerCase())) {
    throw new AppError('unsupported_media_type', `The ${mediaType} mediatype is not supported.`)
  }
  const code = op.invalidStatus === 400 ? 'bad_request' : 'invalid_body'
  if (text.trim() === '') {
    if (!request.required) return undefined
    throw new AppError(code, INVALID_BODY, {
      details: [{ path: '', message: 'a request body is required' }],
    })
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw malformed(text)
  }
  const issues = check(request.schema, value)
  if (issues.length > 0) throw new AppError(code, INVALID_BODY, { details: cappedIssues(issues) })
  if (!isJsonObject(value) || request.readOnly.length === 0) return value
  const stored: JsonObject = { ...value }
  for (const name of request.readOnly) delete stored[name]
  return stored
}
