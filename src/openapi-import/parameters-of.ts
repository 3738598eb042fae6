import type { ParameterBinding, ParameterPlace } from './binding.ts'
import { childPointer, nodeAt } from './document.ts'
import type { Operation } from './operations-of.ts'
import { viewSchema } from './schema-view.ts'
import { toJsonSchema } from './to-json-schema.ts'

const PLACES: readonly ParameterPlace[] = ['path', 'query', 'header', 'cookie']
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization'])

function isPlace(value: unknown): value is ParameterPlace {
  return typeof value === 'string' && (PLACES as readonly string[]).includes(value)
}

/** The parameters the operation declares, with their schemas (not the headers a request says itself). */
export function parametersOf(op: Operation): ParameterBinding[] {
  const out: ParameterBinding[] = []
  for (const [index, parameter] of op.parameters.entries()) {
    const where = parameter['in']
    const name = parameter['name']
    const schema = nodeAt(parameter, 'schema')
    if (!isPlace(where) || typeof name !== 'string' || schema === undefined) continue
    // OpenAPI ignores header parameters of these names: the request's own fields say them.
    if (where === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) continue
    const view = viewSchema(schema, childPointer(op.pointer, 'parameters', String(index), 'schema'))
    const items = view.type === 'array' ? nodeAt(view.node, 'items') : undefined
    out.push({
      name,
      in: where,
      required: where === 'path' || parameter['required'] === true,
      schema: toJsonSchema(schema, 'request'),
      type: view.type,
      itemType: items === undefined ? undefined : viewSchema(items, op.pointer).type,
    })
  }
  return out
}
