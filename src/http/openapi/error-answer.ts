import type { Context } from 'hono'
import type { JsonObject, JsonValue } from '../../json.ts'
import type { OperationBinding } from '../../openapi-import/binding.ts'
import { childPointer, type Node } from '../../openapi-import/document.ts'
import { sampleValue } from '../../openapi-import/sample-value.ts'
import { viewSchema, type SchemaView } from '../../openapi-import/schema-view.ts'
import { answer } from '../answer/answer-headers.ts'
import { toErrorResponse, type ErrorBody } from '../answer/error-response.ts'
import { reasonPhrase } from '../answer/reason-phrase.ts'
import { splitUrl } from '../request/path-segments.ts'
import { sendError } from '../answer/send-json.ts'

/**
 * An error in the document's own error shape and media type (`application/problem+json`…) when the
 * operation declares one for that status (or a `default`), else fauxrest's `{ error, details }`.
 */
export function errorAnswer(c: Context, op: OperationBinding, error: unknown): Response {
  const { status, body, headers } = toErrorResponse(error)
  const declared = op.errors.get(status) ?? op.errors.get('default')
  const extra: Record<string, string> = { ...headers }
  for (const header of declared?.headers ?? []) extra[header.name] = header.value
  if (declared?.schema === undefined || declared.mediaType === undefined) {
    return sendError(c, status, body, extra)
  }
  const shaped = shapeError(declared.schema, status, body, splitUrl(c.req.url).pathname)
  return answer(c, JSON.stringify(shaped, null, 2), status, {
    ...extra,
    'Content-Type': declared.mediaType,
  })
}

function shapeError(schema: Node, status: number, body: ErrorBody, path: string): JsonValue {
  const view = viewSchema(schema, '#')
  if (view.type !== 'object') return sampleValue(schema, '#')
  const problems = (body.details ?? []).map((d) => `${d.path || '(body)'}: ${d.message}`)
  const detail = problems.length === 0 ? body.error : `${body.error} ${problems.join('; ')}`
  const out: JsonObject = {}
  for (const [key, property] of view.properties) {
    const at = childPointer('#', 'properties', key)
    const inner = viewSchema(property, at)
    const value = known(key.toLowerCase(), inner, status, detail, path)
    if (value !== undefined) out[key] = value
    else if (view.required.has(key)) out[key] = sampleValue(property, at)
  }
  return out
}

function known(
  key: string,
  property: SchemaView,
  status: number,
  detail: string,
  path: string,
): JsonValue | undefined {
  const numeric = property.type === 'integer' || property.type === 'number'
  if ((key === 'status' || key === 'code' || key === 'statuscode') && numeric) return status
  if (
    property.type !== 'string' ||
    property.node['enum'] !== undefined ||
    property.node['const'] !== undefined
  )
    return undefined
  if (key === 'title') return reasonPhrase(status)
  if (key === 'detail' || key === 'message' || key === 'error' || key === 'description')
    return detail
  if (key === 'type') return 'about:blank'
  if (key === 'instance') return path
  if (key === 'code' || key === 'status') return String(status)
  return undefined
}
