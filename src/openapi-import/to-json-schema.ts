import { isNode, type Node } from './document.ts'

export type Direction = 'request' | 'response'

// Keywords that say nothing about validity, or that JSON Schema 2020-12 reads differently.
const DROPPED = new Set([
  'nullable',
  'example',
  'discriminator',
  'xml',
  'externalDocs',
  'readOnly',
  'writeOnly',
])
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']
const SCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf', 'prefixItems']
const SCHEMA_VALUES = [
  'items',
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
]

/**
 * An OpenAPI schema (3.0 or 3.1, refs resolved) as plain JSON Schema 2020-12 for one direction:
 * 3.0's `nullable` and boolean `exclusiveMinimum` rewritten, and `readOnly` properties left out of
 * requests (`writeOnly` ones out of answers). A schema that contains itself becomes a `$defs` entry.
 */
export function toJsonSchema(schema: Node, direction: Direction): Node {
  const defs: Record<string, Node> = {}
  const names = new Map<Node, string>()
  const inProgress = new Set<Node>()
  const convert = (node: unknown): unknown => {
    if (!isNode(node)) return node
    if (inProgress.has(node)) {
      let name = names.get(node)
      if (name === undefined) {
        name = `s${names.size}`
        names.set(node, name)
      }
      return { $ref: `#/$defs/${name}` }
    }
    inProgress.add(node)
    const out = convertNode(node, direction, convert)
    inProgress.delete(node)
    const name = names.get(node)
    if (name !== undefined) defs[name] = out
    return out
  }
  const root = convert(schema) as Node
  return Object.keys(defs).length === 0
    ? root
    : { ...root, $defs: { ...(isNode(root['$defs']) ? root['$defs'] : {}), ...defs } }
}

function convertNode(node: Node, direction: Direction, convert: (value: unknown) => unknown): Node {
  const out: Record<string, unknown> = {}
  const hidden = direction === 'request' ? 'readOnly' : 'writeOnly'
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue
    if (SCHEMA_MAPS.includes(key) && isNode(value)) {
      const map: Record<string, unknown> = {}
      for (const [name, child] of Object.entries(value)) {
        if (key === 'properties' && isNode(child) && child[hidden] === true) continue
        map[name] = convert(child)
      }
      out[key] = map
    } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      out[key] = value.map(convert)
    } else if (SCHEMA_VALUES.includes(key)) {
      out[key] = convert(value)
    } else {
      out[key] = value
    }
  }
  if (Array.isArray(node['required']) && isNode(node['properties'])) {
    const properties = node['properties']
    out['required'] = node['required'].filter(
      (name) =>
        !(
          typeof name === 'string' &&
          isNode(properties[name]) &&
          properties[name][hidden] === true
        ),
    )
  }
  for (const bound of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const inclusive = bound === 'exclusiveMinimum' ? 'minimum' : 'maximum'
    if (node[bound] === true) {
      out[bound] = node[inclusive]
      delete out[inclusive]
    } else if (node[bound] === false) delete out[bound]
  }
  if (node['nullable'] === true) {
    if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null']
    if (Array.isArray(out['enum']) && !out['enum'].includes(null))
      out['enum'] = [...out['enum'], null]
  }
  return out
}
