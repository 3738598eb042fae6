import { DocumentError, childPointer, isNode, type Node } from './document.ts'

export const SCALAR_TYPES = ['string', 'number', 'integer', 'boolean'] as const
export type ViewType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array'

/** A schema with `allOf` merged, one `oneOf`/`anyOf` branch chosen, and its type made explicit. */
export type SchemaView = {
  readonly type: ViewType | undefined
  readonly nullable: boolean
  readonly node: Node
  readonly properties: ReadonlyMap<string, Node>
  readonly required: ReadonlySet<string>
  readonly pointer: string
}

const TYPES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
])

/**
 * Reads a schema: `allOf` parts merged, the first `oneOf`/`anyOf` branch (a deterministic pick),
 * `nullable` (3.0) and type arrays (3.1) folded into `nullable`. A `$ref` still present was not
 * resolved by the parser: the document is refused at its pointer.
 */
export function viewSchema(schema: unknown, at: string): SchemaView {
  const merged = mergeSchema(schema, at, 0)
  const { type, nullable } = typeOf(merged)
  const properties = new Map<string, Node>()
  for (const [name, value] of Object.entries(
    isNode(merged['properties']) ? merged['properties'] : {},
  ))
    if (isNode(value)) properties.set(name, value)
  const required = new Set(
    Array.isArray(merged['required'])
      ? merged['required'].filter((name): name is string => typeof name === 'string')
      : [],
  )
  const inferred =
    type ?? (properties.size > 0 ? 'object' : isNode(merged['items']) ? 'array' : undefined)
  return { type: inferred, nullable, node: merged, properties, required, pointer: at }
}

const MAX_MERGE_DEPTH = 16

function mergeSchema(schema: unknown, at: string, depth: number): Node {
  if (schema === true || schema === undefined) return {}
  if (!isNode(schema)) throw new DocumentError(at, 'is not a schema object')
  if (typeof schema['$ref'] === 'string') {
    throw new DocumentError(at, `unresolved $ref "${schema['$ref']}"`)
  }
  if (depth > MAX_MERGE_DEPTH) throw new DocumentError(at, 'allOf/oneOf is nested too deeply')
  const own: Record<string, unknown> = { ...schema }
  delete own['allOf']
  delete own['oneOf']
  delete own['anyOf']
  let result: Node = own
  const parts = Array.isArray(schema['allOf']) ? schema['allOf'] : []
  parts.forEach((part, index) => {
    result = combine(result, mergeSchema(part, childPointer(at, 'allOf', String(index)), depth + 1))
  })
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key]
    if (Array.isArray(branches) && branches.length > 0) {
      result = combine(result, mergeSchema(branches[0], childPointer(at, key, '0'), depth + 1))
    }
  }
  return result
}

function combine(base: Node, extra: Node): Node {
  const out: Record<string, unknown> = { ...base, ...extra }
  if (isNode(base['properties']) || isNode(extra['properties'])) {
    const properties: Record<string, unknown> = { ...asRecord(base['properties']) }
    for (const [name, value] of Object.entries(asRecord(extra['properties']))) {
      // The same property in two allOf parts: both apply, so their keywords are merged
      properties[name] =
        isNode(properties[name]) && isNode(value) ? { allOf: [properties[name], value] } : value
    }
    out['properties'] = properties
  }
  const required = [...asList(base['required']), ...asList(extra['required'])]
  if (required.length > 0) out['required'] = [...new Set(required)]
  if (base['type'] !== undefined && extra['type'] === undefined) out['type'] = base['type']
  return out
}

function asRecord(value: unknown): Record<string, unknown> {
  return isNode(value) ? { ...value } : {}
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function typeOf(node: Node): { type: ViewType | undefined; nullable: boolean } {
  const raw = node['type']
  const listed = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  const nullable =
    node['nullable'] === true ||
    listed.includes('null') ||
    (Array.isArray(node['enum']) && node['enum'].includes(null))
  const type = listed.find((t): t is ViewType => typeof t === 'string' && TYPES.has(t))
  return { type, nullable }
}
