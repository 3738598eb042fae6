import type { Context } from 'hono'
import { AppError, type Issue } from '../../errors.ts'
import type { OperationBinding, ParameterBinding } from '../../openapi-import/binding.ts'
import type { BodyCheck } from '../../openapi-import/check-body.ts'

/**
 * Path and query parameters against their schemas: a missing required one, or one its schema
 * refuses (`/pet/abc` for an integer id, `?status=lost` outside an enum), is a 400 naming it.
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
    const raw = parameter.in === 'path' ? pathValues(path, parameter) : query.getAll(parameter.name)
    const label = `${parameter.in} parameter ${parameter.name}`
    if (raw.length === 0) {
      if (parameter.required) issues.push({ path: label, message: 'is required' })
      continue
    }
    const value =
      parameter.type === 'array'
        ? raw.flatMap((text) => text.split(',')).map((text) => convert(text, parameter.itemType))
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

function pathValues(path: ReadonlyMap<string, string>, parameter: ParameterBinding): string[] {
  const value = path.get(parameter.name)
  return value === undefined ? [] : [value]
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
