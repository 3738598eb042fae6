import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { AppError, type Issue } from '../../errors.ts'
import { requestHeader } from '../request/request-header.ts'
import type { OperationBinding, ParameterBinding } from '../../openapi-import/binding.ts'
import type { BodyCheck } from '../../openapi-import/check-body.ts'

/**
 * Path, query, header and cookie parameters against their schemas: a missing required one, or one
 * its schema refuses (`/pet/abc` for an integer id, `?status=lost` outside an enum, an
 * `X-Rate-Limit: many` header), is a 400 naming it.
 */
export function checkParameters(
  c: Context,
  op: OperationBinding,
  path: ReadonlyMap<string, string>,
  check: BodyCheck,
): void {
  const issues: Issue[] = []
  const query = new URL(c.req.url).searchParams
  for (const parameter of op.parameters) {
    const raw = valuesOf(c, parameter, path, query)
    const label = `${parameter.in} parameter ${parameter.name}`
    if (raw.length === 0) {
      if (parameter.required) issues.push({ path: label, message: 'is required' })
      continue
    }
    const value =
      parameter.type === 'array'
        ? raw
            .flatMap((text) => text.split(','))
            .map((text) =>
              convert(parameter.in === 'header' ? text.trim() : text, parameter.itemType),
            )
        : convert(raw[0] ?? '', parameter.type)
    for (const issue of check(parameter.schema, value)) {
      issues.push({
        path: issue.path === '' ? label : `${label}.${issue.path}`,
        message: issue.message,
      })
    }
  }
  if (issues.length > 0) {
    throw new AppError('bad_request', 'Request had invalid parameters.', { details: issues })
  }
}

function valuesOf(
  c: Context,
  parameter: ParameterBinding,
  path: ReadonlyMap<string, string>,
  query: URLSearchParams,
): string[] {
  switch (parameter.in) {
    case 'path':
      return single(path.get(parameter.name))
    case 'query':
      return query.getAll(parameter.name)
    case 'header':
      // Several fields of one name are one list (RFC 9110), read as the array style `simple`.
      return single(requestHeader(c, parameter.name.toLowerCase()))
    case 'cookie':
      return single(getCookie(c, parameter.name))
  }
}

// A text that does not read as its type stays text, so the schema check says what is wrong.
function convert(text: string, type: string | undefined): unknown {
  if ((type === 'integer' || type === 'number') && text.trim() !== '') {
    const value = Number(text)
    return Number.isFinite(value) ? value : text
  }
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true'
  return text
}

function single(value: string | undefined): string[] {
  return value === undefined ? [] : [value]
}
