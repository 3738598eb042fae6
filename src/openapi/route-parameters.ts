import { type JsonObject, isJsonObject } from '../json.ts'
import type { ResourceSpec, Schema } from '../schema/types.ts'
import type { ResourceRoute } from '../routes/route-table.ts'
import type { IdSchemaOf } from './field-schemas.ts'
import { filterParameters, sortableFields } from './filter-parameters.ts'
import { EVERY_ROUTE, LIST_SHARED, SHARED_PARAMETERS, parameterRef } from './shared-parameters.ts'

function query(
  name: string,
  description: string,
  schema: JsonObject,
  explode: boolean,
): JsonObject {
  return { name, in: 'query', required: false, description, schema, style: 'form', explode }
}

function stringList(values: readonly string[] | undefined): JsonObject {
  const items: JsonObject =
    values === undefined ? { type: 'string' } : { type: 'string', enum: [...values] }
  return { type: 'array', items }
}

// `_embed` takes child resources and, as in json-server 1.0, parents by their expand name.
function embeddable(schema: Schema, resource: string): string[] {
  const children = schema.relations.filter((relation) => relation.parent === resource)
  return [
    ...new Set([...children.map((relation) => relation.child), ...expandable(schema, resource)]),
  ]
}

function expandable(schema: Schema, resource: string): string[] {
  const parents = schema.relations.filter((relation) => relation.child === resource)
  return [...new Set(parents.map((relation) => relation.expandAs))]
}

function selectable(schema: Schema, resource: ResourceSpec): string[] | undefined {
  if (resource.fields === undefined) return undefined
  const names = [...resource.fields.keys()]
  names.splice(resource.idPosition, 0, resource.idKey)
  return [...new Set([...names, ...embeddable(schema, resource.name)])]
}

/** `_embed`, `_expand` and `_select`: what an item or list answer includes. */
function shapeParameters(schema: Schema, resource: ResourceSpec): JsonObject[] {
  const params: JsonObject[] = []
  const children = embeddable(schema, resource.name)
  if (children.length > 0) {
    const about =
      'Include the child items that reference each item (or a parent, by its `_expand` name); comma separated or repeated.'
    params.push(query('_embed', about, stringList(children), true))
  }
  const parents = expandable(schema, resource.name)
  if (parents.length > 0) {
    const about =
      'Include the parent item each item references (`userId` gives `user`); comma separated or repeated.'
    params.push(query('_expand', about, stringList(parents), true))
  }
  const about = 'Keep only these fields, comma separated (the answer then lacks the others).'
  params.push(query('_select', about, stringList(selectable(schema, resource)), false))
  return params
}

function sortParameter(resource: ResourceSpec, idOf: IdSchemaOf): JsonObject {
  const fields = resource.fields === undefined ? undefined : sortableFields(resource, idOf)
  const values = fields?.flatMap((field) => [field, `-${field}`])
  const about =
    'Sort by these fields, comma separated, in a stable order; a leading `-` sorts descending (`_sort=-views,title`).'
  return query('_sort', about, stringList(values), false)
}

function pathParameter(name: string, schema: JsonObject, description: string): JsonObject {
  return { name, in: 'path', required: true, description, schema }
}

/** Path parameters of a route: the ids of its parents, then its own. */
export function pathParameters(route: ResourceRoute, idOf: IdSchemaOf): JsonObject[] {
  const params = route.parents.map((step) =>
    pathParameter(
      step.param,
      idOf(step.resource),
      `The id of the parent item of \`/${step.resource}\`.`,
    ),
  )
  if (route.idParam !== undefined) {
    params.push(
      pathParameter(
        route.idParam,
        idOf(route.resource),
        `The id of the item of \`/${route.resource}\`.`,
      ),
    )
  }
  return params
}

function uniqueByName(params: readonly JsonObject[]): JsonObject[] {
  const seen = new Set<string>()
  return params.filter((param) => {
    const reference = param['$ref']
    const shared =
      typeof reference === 'string'
        ? SHARED_PARAMETERS[reference.split('/').at(-1) ?? '']
        : undefined
    const resolved = isJsonObject(shared) ? shared : param
    const key = `${String(resolved['in'])}:${String(resolved['name'])}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Query parameters of `GET` on a list: the whole query language. */
export function listQueryParameters(
  schema: Schema,
  resource: ResourceSpec,
  idOf: IdSchemaOf,
  pathField: string | undefined,
): JsonObject[] {
  const [search, ...paging] = LIST_SHARED
  const shared = search === undefined ? paging : [search, sortParameter(resource, idOf), ...paging]
  const params = [
    ...shared,
    ...shapeParameters(schema, resource),
    ...EVERY_ROUTE,
    ...filterParameters(resource, idOf, pathField),
  ]
  return uniqueByName([...params, parameterRef('If-None-Match')])
}

/** Query parameters of `GET` on one item. */
export function itemQueryParameters(schema: Schema, resource: ResourceSpec): JsonObject[] {
  return [...shapeParameters(schema, resource), ...EVERY_ROUTE, parameterRef('If-None-Match')]
}
