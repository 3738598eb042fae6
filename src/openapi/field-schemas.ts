import type { JsonObject, JsonValue } from '../json.ts'
import { type FieldMode, isRequired, nestedMode } from '../schema/field-modes.ts'
import type { FieldSpec, Fields, JsonType, ResourceSpec, Schema } from '../schema/types.ts'

/** The JSON Schema of a resource's ids, for ids, refs and path parameters. */
export type IdSchemaOf = (resource: string) => JsonObject

const FORMATS: ReadonlyMap<string, string> = new Map([
  ['internet.email', 'email'],
  ['internet.exampleEmail', 'email'],
  ['internet.url', 'uri'],
  ['internet.ipv4', 'ipv4'],
  ['internet.ipv6', 'ipv6'],
  ['string.uuid', 'uuid'],
  ['date.anytime', 'date-time'],
  ['date.past', 'date-time'],
  ['date.future', 'date-time'],
  ['date.recent', 'date-time'],
  ['date.soon', 'date-time'],
  ['date.between', 'date-time'],
  ['date.birthdate', 'date-time'],
])

function formatOf(fakerPath: string): string | undefined {
  return fakerPath.startsWith('image.') ? 'uri' : FORMATS.get(fakerPath)
}

/** Ids by strategy; free-form resources (and plain db files) may hold ids of either type. */
export function idSchemaFor(resource: ResourceSpec | undefined): JsonObject {
  if (resource === undefined || resource.fields === undefined)
    return { type: ['integer', 'string'] }
  if (resource.id === 'uuid') return { type: 'string', format: 'uuid' }
  // Generated nanoids are URL-safe, but a client may create an item with any non-empty string id.
  if (resource.id === 'nanoid') return { type: 'string', minLength: 1 }
  return { type: 'integer' }
}

export function idSchemaOf(schema: Schema): IdSchemaOf {
  return (resource) => idSchemaFor(schema.resources.get(resource))
}

/** Properties of `fields`, with `extra` (the id) inserted at `position`, and the required list. */
export function objectSchema(
  fields: Fields,
  mode: FieldMode,
  idOf: IdSchemaOf,
  extra?: { name: string; schema: JsonObject; required: boolean; position: number },
): JsonObject {
  const entries: [string, JsonValue][] = []
  const required: string[] = []
  for (const [name, field] of fields) {
    entries.push([name, fieldSchema(field, mode, idOf)])
    if (isRequired(field, mode)) required.push(name)
  }
  if (extra !== undefined) {
    entries.splice(extra.position, 0, [extra.name, extra.schema])
    if (extra.required) required.splice(0, 0, extra.name)
  }
  const schema: JsonObject = { type: 'object', properties: Object.fromEntries(entries) }
  if (required.length > 0) schema['required'] = required
  // Writes reject unknown fields with 422; answers may carry `_embed`/`_expand` additions.
  if (mode !== 'item') schema['additionalProperties'] = false
  return schema
}

export function fieldSchema(field: FieldSpec, mode: FieldMode, idOf: IdSchemaOf): JsonObject {
  const schema = baseSchema(field, mode, idOf)
  // The schema's constraint keywords are JSON Schema's own, as OpenAPI 3.1 reads them; a declared
  // format wins over the one the faker method suggests.
  if (field.constraints !== undefined) Object.assign(schema, field.constraints)
  if (field.nullable) makeNullable(schema)
  if (field.default !== undefined) schema['default'] = field.default
  return schema
}

function baseSchema(field: FieldSpec, mode: FieldMode, idOf: IdSchemaOf): JsonObject {
  switch (field.kind) {
    case 'ref':
      return { ...idOf(field.resource) }
    case 'enum':
      return { ...typeOnly(field.valueType), enum: [...field.values] }
    case 'array':
      return { type: 'array', items: fieldSchema(field.of, nestedMode(mode), idOf) }
    case 'object':
      return objectSchema(field.fields, nestedMode(mode), idOf)
    case 'faker': {
      const schema = typeOnly(field.valueType)
      const format = field.valueType === 'string' ? formatOf(field.path) : undefined
      if (format !== undefined) schema['format'] = format
      return schema
    }
    case 'template':
    case 'value':
      return typeOnly(field.valueType)
  }
}

function typeOnly(type: JsonType | undefined): JsonObject {
  if (type === undefined) return {}
  // Every array schema needs `items`; a faker method's elements are of no declared type.
  return type === 'array' ? { type, items: {} } : { type }
}

function makeNullable(schema: JsonObject): void {
  const type = schema['type']
  if (typeof type === 'string' && type !== 'null') schema['type'] = [type, 'null']
  else if (Array.isArray(type) && !type.includes('null')) schema['type'] = [...type, 'null']
  const values = schema['enum']
  if (Array.isArray(values) && !values.includes(null)) schema['enum'] = [...values, null]
}
