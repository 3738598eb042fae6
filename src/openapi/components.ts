import type { JsonObject } from '../json.ts'
import type { Relation, ResourceSpec, Schema } from '../schema/types.ts'
import type { FieldMode } from '../schema/field-modes.ts'
import { type IdSchemaOf, objectSchema } from './field-schemas.ts'

export const ERROR_SCHEMA: JsonObject = {
  type: 'object',
  description: 'Every error answer.',
  required: ['error'],
  properties: {
    error: { type: 'string', description: 'What went wrong, in one sentence.' },
    details: {
      type: 'array',
      description: 'One entry per problem, for invalid bodies and query parameters.',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'string', description: 'The field or parameter, e.g. `address.city`.' },
          message: { type: 'string' },
        },
      },
    },
  },
}

export function ref(name: string): JsonObject {
  return { $ref: `#/components/schemas/${name}` }
}

const ID_NOTES: Readonly<Record<FieldMode, string>> = {
  item: 'The item id.',
  create: 'Optional: the server assigns the next id; an id already in use is a 409.',
  update: 'Ignored: an item id never changes.',
}

function resourceSchema(resource: ResourceSpec, mode: FieldMode, idOf: IdSchemaOf): JsonObject {
  const plural = !resource.singular
  const id = { ...idOf(resource.name), description: ID_NOTES[mode] }
  if (resource.fields === undefined) {
    // Free-form: any JSON object is accepted.
    const schema: JsonObject = { type: 'object', additionalProperties: true }
    if (plural) schema['properties'] = { [resource.idKey]: id }
    if (plural && mode === 'item') schema['required'] = [resource.idKey]
    return schema
  }
  if (!plural) return objectSchema(resource.fields, mode, idOf)
  const extra = {
    name: resource.idKey,
    schema: id,
    required: mode === 'item',
    position: resource.idPosition,
  }
  return objectSchema(resource.fields, mode, idOf, extra)
}

function pageSchema(typeName: string): JsonObject {
  const pageNumber = { type: 'integer', minimum: 1 }
  return {
    type: 'object',
    description: 'A page of items, answered when `_per_page` is given (json-server 1.0 style).',
    required: ['first', 'prev', 'next', 'last', 'pages', 'items', 'data'],
    properties: {
      first: pageNumber,
      prev: { type: ['integer', 'null'], minimum: 1 },
      next: { type: ['integer', 'null'], minimum: 1 },
      last: pageNumber,
      pages: { type: 'integer', minimum: 0, description: 'Number of pages.' },
      items: { type: 'integer', minimum: 0, description: 'Number of matching items.' },
      data: { type: 'array', items: ref(typeName) },
    },
  }
}

/** `components.schemas`: per resource `<T>`, `<T>Create`, `<T>Update` (and `<T>Page`), then `Database`, `Error`. */
export function buildSchemaComponents(
  schema: Schema,
  names: ReadonlyMap<string, string>,
  idOf: IdSchemaOf,
): JsonObject {
  const entries: [string, JsonObject][] = []
  const database: JsonObject = {}
  for (const resource of schema.resources.values()) {
    const typeName = names.get(resource.name) ?? resource.name
    const what = resource.singular ? `\`/${resource.name}\`` : `an item of \`/${resource.name}\``
    const item = resourceSchema(resource, 'item', idOf)
    entries.push([typeName, { ...item, description: `${capital(what)}.` }])
    const create = resourceSchema(resource, 'create', idOf)
    entries.push([
      `${typeName}Create`,
      { ...create, description: `The body to create or replace ${what}.` },
    ])
    const update = resourceSchema(resource, 'update', idOf)
    entries.push([
      `${typeName}Update`,
      { ...update, description: `The body to update ${what} (merged).` },
    ])
    if (!resource.singular) entries.push([`${typeName}Page`, pageSchema(typeName)])
    database[resource.name] = resource.singular
      ? ref(typeName)
      : { type: 'array', items: ref(typeName) }
  }
  entries.push([
    'Database',
    {
      type: 'object',
      description: 'The whole database.',
      properties: database,
      required: [...schema.resources.keys()],
    },
  ])
  entries.push(['Error', ERROR_SCHEMA])
  return Object.fromEntries(entries)
}

/**
 * The body of a nested POST (`POST /users/{userId}/posts`): the create body, except that the
 * reference to the parent comes from the path and may be left out.
 */
export function nestedCreateSchema(
  resource: ResourceSpec,
  relation: Relation,
  typeName: string,
  idOf: IdSchemaOf,
): JsonObject {
  const create = resourceSchema(resource, 'create', idOf)
  const required = create['required']
  if (!Array.isArray(required) || !required.includes(relation.field))
    return ref(`${typeName}Create`)
  const rest = required.filter((name) => name !== relation.field)
  const schema: JsonObject = {
    ...Object.fromEntries(Object.entries(create).filter(([key]) => key !== 'required')),
    description: `The body to create an item of \`/${resource.name}\`; \`${relation.field}\` is taken from the path.`,
  }
  if (rest.length > 0) schema['required'] = rest
  return schema
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
