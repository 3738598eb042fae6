import type { JsonObject, JsonValue } from '../json.ts'
import { childPointer, isNode, type Node } from './document.ts'
import { constraintsOf } from './constraints-of.ts'
import { FORMAT_HINTS, nameHint, patternForFaker, type Hint } from './faker-hints.ts'
import { viewSchema, type SchemaView } from './schema-view.ts'

// A recursive schema (a tree of categories) is generated this many levels deep.
const MAX_DEPTH = 4
const FREE_FORM_KEYS = ['additionalProp1', 'additionalProp2', 'additionalProp3']

/**
 * The native field spec (src/schema's format) that generates values valid against an OpenAPI
 * schema. Chosen from, in order: `const`/`enum`, `format`, `examples`, numeric bounds, string
 * lengths and `pattern`, the property name, a single `example`, then the type.
 */
export function fieldFromSchema(schema: unknown, name: string, at: string, depth = 0): JsonValue {
  const view = viewSchema(schema, at)
  return withModifiers(kindOf(view, name, depth), view)
}

function withModifiers(kind: JsonObject, view: SchemaView): JsonValue {
  // Constants and enums are the document's own values: constraints are left to the faker ones
  const constrained = 'faker' in kind || 'array' in kind
  const out: JsonObject = { ...kind, ...(constrained ? constraintsOf(view) : {}) }
  if (view.nullable && !('value' in kind && kind['value'] === null)) out['nullable'] = true
  const fallback = view.node['default']
  if (fallback !== undefined && isJson(fallback) && !('value' in kind)) out['default'] = fallback
  return out
}

function kindOf(view: SchemaView, name: string, depth: number): JsonObject {
  const node = view.node
  if (node['const'] !== undefined && isJson(node['const'])) return { value: node['const'] }
  if (Array.isArray(node['enum'])) {
    const values = node['enum'].filter((v): v is JsonValue => v !== null && isJson(v))
    if (values.length > 0) return { enum: values }
  }
  switch (view.type) {
    case 'object':
      return objectKind(view, depth)
    case 'array':
      return arrayKind(view, name, depth)
    case 'boolean':
      return { faker: 'datatype.boolean', type: 'boolean' }
    case 'integer':
    case 'number':
      return numberKind(view, name)
    case 'string':
      return stringKind(view, name)
    case undefined:
      return exampleOf(node) ?? { faker: 'lorem.word', type: 'string' }
  }
}

function objectKind(view: SchemaView, depth: number): JsonObject {
  const fields: JsonObject = {}
  if (depth < MAX_DEPTH) {
    for (const [key, property] of view.properties) {
      if (key.includes('.') || isNode(property) === false) continue
      if (property['writeOnly'] === true && !view.required.has(key)) continue
      const field = fieldFromSchema(
        property,
        key,
        childPointer(view.pointer, 'properties', key),
        depth + 1,
      )
      fields[key] = view.required.has(key) ? field : optional(field)
    }
    const extra = view.node['additionalProperties']
    if (view.properties.size === 0 && isNode(extra)) {
      const at = childPointer(view.pointer, 'additionalProperties')
      for (const key of FREE_FORM_KEYS) fields[key] = fieldFromSchema(extra, key, at, depth + 1)
    }
  }
  if (Object.keys(fields).length === 0) return { value: {} }
  return { object: fields }
}

function optional(field: JsonValue): JsonValue {
  return isNode(field) ? { ...(field as JsonObject), optional: true } : field
}

function arrayKind(view: SchemaView, name: string, depth: number): JsonObject {
  const min = numberKeyword(view.node, 'minItems') ?? 1
  const max = Math.max(min, Math.min(numberKeyword(view.node, 'maxItems') ?? 3, min + 4))
  if (depth >= MAX_DEPTH) return { value: [] }
  const at = childPointer(view.pointer, 'items')
  const items = view.node['items']
  const of = fieldFromSchema(isNode(items) ? items : {}, name, at, depth + 1)
  return { array: of, min, max }
}

function numberKind(view: SchemaView, name: string): JsonObject {
  const node = view.node
  const type = view.type === 'integer' ? 'integer' : 'number'
  const examples = examplesOf(node)
  if (examples !== undefined) return examples
  const bounds = numberBounds(node, type)
  if (bounds !== undefined) return bounds
  const hint = nameHint(name, type)
  if (hint !== undefined) return fromHint(hint)
  const example = exampleOf(node)
  if (example !== undefined) return example
  return type === 'integer'
    ? { faker: 'number.int', args: [{ min: 1, max: 1000 }], type }
    : { faker: 'number.float', args: [{ min: 0, max: 1000, fractionDigits: 2 }], type }
}

function numberBounds(node: Node, type: 'integer' | 'number'): JsonObject | undefined {
  const minimum = numberKeyword(node, 'minimum')
  const maximum = numberKeyword(node, 'maximum')
  // 3.0 writes exclusiveMinimum as a flag beside minimum, 3.1 as the bound itself
  const exclusiveMin = exclusiveBound(node, 'exclusiveMinimum', minimum)
  const exclusiveMax = exclusiveBound(node, 'exclusiveMaximum', maximum)
  const multipleOf = numberKeyword(node, 'multipleOf')
  if ([minimum, maximum, exclusiveMin, exclusiveMax, multipleOf].every((v) => v === undefined))
    return undefined
  const step = type === 'integer' ? 1 : 0.01
  let min = exclusiveMin === undefined ? (minimum ?? 0) : exclusiveMin + step
  let max = exclusiveMax === undefined ? (maximum ?? min + 1000) : exclusiveMax - step
  if (type === 'integer') {
    min = Math.ceil(min)
    max = Math.floor(max)
  }
  if (max < min) max = min
  const args: JsonObject = { min, max }
  if (multipleOf !== undefined) args['multipleOf'] = multipleOf
  if (type === 'number' && multipleOf === undefined) args['fractionDigits'] = 2
  return { faker: type === 'integer' ? 'number.int' : 'number.float', args: [args], type }
}

function exclusiveBound(
  node: Node,
  key: string,
  inclusive: number | undefined,
): number | undefined {
  const value = node[key]
  if (typeof value === 'number') return value
  return value === true ? inclusive : undefined
}

function stringKind(view: SchemaView, name: string): JsonObject {
  const node = view.node
  const format = typeof node['format'] === 'string' ? FORMAT_HINTS[node['format']] : undefined
  if (format !== undefined) return fromHint(format)
  const examples = examplesOf(node)
  if (examples !== undefined) return examples
  if (typeof node['pattern'] === 'string') {
    const pattern = patternForFaker(node['pattern'])
    if (pattern !== undefined)
      return { faker: 'helpers.fromRegExp', args: [pattern], type: 'string' }
  }
  const minLength = numberKeyword(node, 'minLength')
  const maxLength = numberKeyword(node, 'maxLength')
  if (minLength !== undefined || maxLength !== undefined) {
    const min = minLength ?? 1
    const max = Math.max(min, maxLength ?? min + 10)
    return { faker: 'string.alpha', args: [{ length: { min, max } }], type: 'string' }
  }
  const hint = nameHint(name, 'string')
  if (hint !== undefined) return fromHint(hint)
  return exampleOf(node) ?? { faker: 'lorem.word', type: 'string' }
}

/** Two or more `examples` are drawn from like an enum (one is used as a single `example`). */
function examplesOf(node: Node): JsonObject | undefined {
  const examples = node['examples']
  if (!Array.isArray(examples)) return undefined
  const values = examples.filter((v): v is JsonValue => isJson(v) && v !== null)
  return values.length > 1 ? { enum: values } : undefined
}

/** A single `example` (or a one-element `examples`): every item gets it. */
function exampleOf(node: Node): JsonObject | undefined {
  const examples = node['examples']
  const only = Array.isArray(examples) && examples.length === 1 ? examples[0] : undefined
  const example = node['example'] ?? only
  return example !== undefined && example !== null && isJson(example)
    ? { value: example }
    : undefined
}

function fromHint(hint: Hint): JsonObject {
  return hint.args === undefined
    ? { faker: hint.faker, type: hint.type }
    : { faker: hint.faker, args: [...hint.args], type: hint.type }
}

function numberKeyword(node: Node, key: string): number | undefined {
  const value = node[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function isJson(value: unknown): value is JsonValue {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true
  if (Array.isArray(value)) return value.every(isJson)
  return isNode(value) && Object.values(value).every(isJson)
}
