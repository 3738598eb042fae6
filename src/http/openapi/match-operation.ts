import type { OpenApiBinding, OperationBinding } from '../../openapi-import/binding.ts'
import { isParam, parsePathTemplate, type Segment } from '../../openapi-import/path-template.ts'

export type Matched = {
  readonly op: OperationBinding
  readonly params: ReadonlyMap<string, string>
}
export type Match = Matched | { readonly allow: string } | undefined

/**
 * Finds the document's operation for a request: the most specific path first (static segments
 * before parameters). A path the document has without this method gives the methods it has.
 */
export function operationMatcher(
  binding: OpenApiBinding,
): (method: string, segments: readonly string[]) => Match {
  const compiled = binding.operations.map((op) => ({
    op,
    segments: parsePathTemplate(op.path) ?? [],
  }))
  return (method, segments) => {
    const allowed: string[] = []
    for (const { op, segments: template } of compiled) {
      const params = matchSegments(template, segments)
      if (params === undefined) continue
      if (op.method === method) return { op, params }
      allowed.push(op.method)
    }
    return allowed.length === 0 ? undefined : { allow: [...new Set(allowed)].join(', ') }
  }
}

function matchSegments(
  template: readonly Segment[],
  segments: readonly string[],
): Map<string, string> | undefined {
  if (template.length !== segments.length) return undefined
  const params = new Map<string, string>()
  for (const [index, part] of template.entries()) {
    const actual = segments[index] ?? ''
    if (isParam(part)) {
      if (actual === '') return undefined
      params.set(part.param, actual)
    } else if ('text' in part && part.text !== actual) return undefined
  }
  return params
}
