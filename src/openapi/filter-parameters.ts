import type { JsonObject } from '../json.ts'
import type { Fields, ResourceSpec } from '../schema/types.ts'
import { type IdSchemaOf, fieldSchema } from './field-schemas.ts'
import { queryParameter } from './shared-parameters.ts'

/** A scalar field a filter can test, at any depth: `address.city`. */
type Leaf = {
  readonly path: string
  readonly schema: JsonObject
  readonly ref: boolean
  readonly nullable: boolean
}

const SCALAR_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean'])

function withoutNull(schema: JsonObject): JsonObject {
  const result: JsonObject = { ...schema }
  const type = result['type']
  if (Array.isArray(type)) {
    const rest = type.filter((entry) => entry !== 'null')
    if (rest.length === 1 && rest[0] !== undefined) result['type'] = rest[0]
    else result['type'] = rest
  }
  const values = result['enum']
  if (Array.isArray(values)) result['enum'] = values.filter((value) => value !== null)
  delete result['default']
  return result
}

function isScalar(schema: JsonObject): boolean {
  const type = schema['type']
  if (type === undefined) return true
  const types = Array.isArray(type) ? type : [type]
  return types.every((entry) => typeof entry === 'string' && SCALAR_TYPES.has(entry))
}

function leaves(fields: Fields, prefix: string, idOf: IdSchemaOf): Leaf[] {
  const found: Leaf[] = []
  for (const [name, field] of fields) {
    const path = prefix + name
    if (field.kind === 'object' && field.valueType === 'object') {
      found.push(...leaves(field.fields, `${path}.`, idOf))
      continue
    }
    // A filter on an array field tests its elements.
    let element = field
    while (element.kind === 'array') element = element.of
    const schema = withoutNull(fieldSchema(element, 'item', idOf))
    if (!isScalar(schema)) continue
    // A field of mixed types is compared as text.
    const typed = schema['type'] === undefined ? { ...schema, type: 'string' } : schema
    const nullable = field.nullable || element.nullable
    found.push({ path, schema: typed, ref: field.kind === 'ref', nullable })
  }
  return found
}

function filterLeaves(resource: ResourceSpec, idOf: IdSchemaOf): Leaf[] {
  const id: Leaf = {
    path: resource.idKey,
    schema: idOf(resource.name),
    ref: false,
    nullable: false,
  }
  return resource.fields === undefined ? [id] : [id, ...leaves(resource.fields, '', idOf)]
}

function isOrdered(schema: JsonObject): boolean {
  const type = schema['type']
  return type === 'integer' || type === 'number' || schema['format'] === 'date-time'
}

/**
 * Filters on a list: equality per scalar field (repeat for any of), `_like` on text fields,
 * `_gte`/`_lte` on numbers and dates, and one free-form `filters` object for every other operator.
 * `pathField` (the ref a nested route fills from its path) gets none.
 */
export function filterParameters(
  resource: ResourceSpec,
  idOf: IdSchemaOf,
  pathField: string | undefined,
): JsonObject[] {
  const params: JsonObject[] = []
  const fields = filterLeaves(resource, idOf).filter((leaf) => leaf.path !== pathField)
  for (const { path, schema, ref, nullable } of fields) {
    const orNull = nullable ? ' (`null` for none)' : ''
    params.push(
      queryParameter(
        path,
        `Items whose \`${path}\` equals this value${orNull}; repeat the parameter for any of several values.`,
        { type: 'array', items: schema },
        { style: 'form', explode: true },
      ),
    )
    if (schema['type'] === 'string' && schema['enum'] === undefined) {
      const like = `Items whose \`${path}\` matches this regular expression, ignoring case.`
      params.push(queryParameter(`${path}_like`, like, { type: 'string', format: 'regex' }))
    }
    if (isOrdered(schema) && !ref) {
      params.push(
        queryParameter(`${path}_gte`, `Items whose \`${path}\` is at least this value.`, schema),
      )
      params.push(
        queryParameter(`${path}_lte`, `Items whose \`${path}\` is at most this value.`, schema),
      )
    }
  }
  params.push(operatorParameter(fields))
  return params
}

function operatorParameter(fields: readonly Leaf[]): JsonObject {
  const sample = fields.find((leaf) => isOrdered(leaf.schema) && !leaf.ref)?.path ?? 'id'
  const description = [
    'Any other filter, one query parameter per entry:',
    '`field_gt`, `field_gte`, `field_lt`, `field_lte`, `field_ne`, `field_like` (json-server 0.17),',
    'or `field:gt`, `:gte`, `:lt`, `:lte`, `:eq`, `:ne`, `:in` (comma list), `:contains`, `:startsWith`,',
    '`:endsWith` (json-server 1.0; the last three ignore case). Deep fields use dots: `address.city`.',
    `For example \`{ "${sample}_ne": "1" }\` is sent as \`?${sample}_ne=1\`.`,
  ].join(' ')
  return queryParameter(
    'filters',
    description,
    { type: 'object', additionalProperties: { type: 'string' } },
    // An empty example, or documentation tools would send placeholder keys as filters.
    { style: 'form', explode: true, example: {} },
  )
}

/** Field paths `_sort` accepts, each also with a leading `-` for descending order. */
export function sortableFields(resource: ResourceSpec, idOf: IdSchemaOf): string[] {
  return filterLeaves(resource, idOf).map((leaf) => leaf.path)
}
