import type { JsonObject, JsonValue } from '../json.ts'
import type { ResourceSpec } from '../schema/types.ts'
import type { RouteMethod } from '../routes/route-method.ts'
import type { ResourceRoute } from '../routes/route-table.ts'
import { nestedCreateSchema, ref } from './components.ts'
import { type BuildContext, aSingle, resourceOf, typeName } from './context.ts'
import { pascalCase } from './resource-names.ts'
import {
  type ErrorStatus,
  NOT_MODIFIED,
  deleteSuccess,
  errorResponses,
  headerRef,
  jsonContent,
} from './responses.ts'
import { itemQueryParameters, listQueryParameters } from './route-parameters.ts'
import { EVERY_ROUTE, parameterRef } from './shared-parameters.ts'

const WRITE_ERRORS: readonly ErrorStatus[] = ['400', '405', '413', '415', '422', '503']

function withoutKeys(
  item: JsonObject | undefined,
  keys: readonly string[],
): JsonObject | undefined {
  if (item === undefined) return undefined
  return Object.fromEntries(Object.entries(item).filter(([key]) => !keys.includes(key)))
}

// A PATCH example changes one field: the first one that is not the id.
function patchExample(item: JsonObject | undefined, idKey: string): JsonObject | undefined {
  const entry = item === undefined ? undefined : Object.entries(item).find(([key]) => key !== idKey)
  return entry === undefined ? undefined : Object.fromEntries([entry])
}

function body(schema: JsonObject, example: JsonValue | undefined): JsonObject {
  return { required: true, content: jsonContent(schema, example) }
}

function success(
  description: string,
  schema: JsonObject,
  example: JsonValue | undefined,
  headers: JsonObject,
): JsonObject {
  return { description, headers, content: jsonContent(schema, example) }
}

function sorted(statuses: readonly ErrorStatus[]): ErrorStatus[] {
  return [...new Set(statuses)].toSorted()
}

/** What the operations of one route share: names, the example item, and how to add one. */
type RouteParts = {
  readonly route: ResourceRoute
  readonly context: BuildContext
  readonly resource: ResourceSpec
  readonly type: string
  readonly item: JsonObject | undefined
  /** ` of a user` on a nested route; empty on a top-level one. */
  readonly under: string
  /** A nested route's parent may not exist: 404. */
  readonly nested: readonly ErrorStatus[]
  readonly etag: JsonObject
  readonly add: (method: RouteMethod, verb: string, summary: string, rest: JsonObject) => void
  readonly itemResponse: (description: string) => JsonObject
}

/** The operations of one route, keyed by method: by its kind, a singular object, a list or an item. */
export function routeOperations(
  route: ResourceRoute,
  context: BuildContext,
): Map<RouteMethod, JsonObject> {
  const type = typeName(context, route.resource)
  const item = context.examples(route.resource)
  const parentTypes = route.parents.map((step) => typeName(context, step.resource)).join('')
  const parentStep = route.parents.at(-1)
  const etag = { ETag: headerRef('ETag') }
  const operations = new Map<RouteMethod, JsonObject>()
  const parts: RouteParts = {
    route,
    context,
    resource: resourceOf(context, route.resource),
    type,
    item,
    under:
      parentStep === undefined ? '' : ` of ${aSingle(resourceOf(context, parentStep.resource))}`,
    nested: route.parents.length > 0 ? ['404'] : [],
    etag,
    add: (method, verb, summary, rest) => {
      const operationId = context.uniqueOperationId(
        `${verb}${parentTypes}${verb === 'list' ? pascalCase(route.resource) : type}`,
      )
      operations.set(method, { tags: [route.resource], summary, operationId, ...rest })
    },
    itemResponse: (description) => success(description, ref(type), item, etag),
  }
  if (route.kind === 'singular') singularOperations(parts)
  else if (route.kind === 'list') listOperations(parts)
  else itemOperations(parts)
  return operations
}

/** GET, PUT and PATCH (and POST, which replaces) on a singular resource. */
function singularOperations(parts: RouteParts): void {
  const { route, resource, type, item, etag, add, itemResponse } = parts
  add('get', 'get', `Get ${route.resource}`, {
    parameters: [...EVERY_ROUTE, parameterRef('If-None-Match')],
    responses: {
      '200': itemResponse(`The \`${route.resource}\` object.`),
      ...NOT_MODIFIED,
      ...errorResponses(['400']),
    },
  })
  // POST creates or replaces the object, as json-server 0.17 has it.
  add('post', 'create', `Create or replace ${route.resource}`, {
    parameters: [...EVERY_ROUTE, parameterRef('If-Match')],
    requestBody: body(ref(`${type}Create`), item),
    responses: {
      '201': success('The stored object.', ref(type), item, {
        Location: headerRef('Location'),
        ...etag,
      }),
      ...errorResponses([...WRITE_ERRORS, '412']),
    },
  })
  for (const [method, verb, schemaName, example] of [
    ['put', 'replace', 'Create', item],
    ['patch', 'update', 'Update', patchExample(item, resource.idKey)],
  ] as const) {
    add(method, verb, `${verb === 'replace' ? 'Replace' : 'Update'} ${route.resource}`, {
      parameters: [...EVERY_ROUTE, parameterRef('If-Match')],
      requestBody: body(ref(`${type}${schemaName}`), example),
      responses: {
        '200': itemResponse(`The ${verb === 'replace' ? 'replaced' : 'merged'} object.`),
        ...errorResponses([...WRITE_ERRORS, '412']),
      },
    })
  }
}

/** GET (the query language) and POST (create) on a list. */
function listOperations(parts: RouteParts): void {
  const { route, context, resource, type, item, under, nested, etag, add } = parts
  const listSchema = { oneOf: [{ type: 'array', items: ref(type) }, ref(`${type}Page`)] }
  const listHeaders = {
    'X-Total-Count': headerRef('X-Total-Count'),
    Link: headerRef('Link'),
    ...etag,
  }
  const listExample = item === undefined ? undefined : [item]
  add('get', 'list', `List ${route.resource}${under}`, {
    parameters: listQueryParameters(context.schema, resource, context.idOf, route.relation?.field),
    responses: {
      '200': success(
        'The matching items: an array, or a page envelope with `_per_page`.',
        listSchema,
        listExample,
        listHeaders,
      ),
      ...NOT_MODIFIED,
      ...errorResponses(sorted(['400', ...nested])),
    },
  })
  const relation = route.relation
  const createSchema =
    relation === undefined
      ? ref(`${type}Create`)
      : nestedCreateSchema(resource, relation, type, context.idOf)
  const createExample = withoutKeys(
    item,
    relation === undefined ? [resource.idKey] : [resource.idKey, relation.field],
  )
  add(
    'post',
    'create',
    `Create ${aSingle(resource)}${relation === undefined ? '' : ` for ${aSingle(resourceOf(context, relation.parent))}`}`,
    {
      parameters: [...EVERY_ROUTE],
      requestBody: body(createSchema, createExample),
      responses: {
        '201': success('The created item, with its new id.', ref(type), item, {
          Location: headerRef('Location'),
          ...etag,
        }),
        ...errorResponses(sorted([...WRITE_ERRORS, ...nested, '409'])),
      },
    },
  )
}

/** GET, PUT, PATCH and DELETE on an item. */
function itemOperations(parts: RouteParts): void {
  const { route, context, resource, type, item, under, add, itemResponse } = parts
  const single = `${aSingle(resource)}${under}`
  add('get', 'get', `Get ${single}`, {
    parameters: itemQueryParameters(context.schema, resource),
    responses: {
      '200': itemResponse('The item.'),
      ...NOT_MODIFIED,
      ...errorResponses(['400', '404']),
    },
  })
  const writeErrors = sorted([...WRITE_ERRORS, '404', '412'])
  add('put', 'replace', `Replace ${single}`, {
    parameters: [...EVERY_ROUTE, parameterRef('If-Match')],
    requestBody: body(ref(`${type}Create`), withoutKeys(item, [resource.idKey])),
    responses: { '200': itemResponse('The replaced item.'), ...errorResponses(writeErrors) },
  })
  add('patch', 'update', `Update ${single}`, {
    parameters: [...EVERY_ROUTE, parameterRef('If-Match')],
    requestBody: body(ref(`${type}Update`), patchExample(item, resource.idKey)),
    responses: {
      '200': itemResponse('The item with the changes merged in.'),
      ...errorResponses(writeErrors),
    },
  })
  const restricted = context.schema.relations.some(
    (relation) => relation.parent === route.resource && relation.onDelete === 'restrict',
  )
  const deleteErrors = sorted([
    '400',
    '404',
    '405',
    '412',
    '503',
    ...(restricted ? (['409'] as const) : []),
  ])
  add('delete', 'delete', `Delete ${single}`, {
    parameters: [...EVERY_ROUTE, parameterRef('If-Match')],
    responses: {
      ...deleteSuccess(context.deleteMode, ref(type), item),
      ...errorResponses(deleteErrors),
    },
  })
}
