import { isJsonObject, type JsonObject } from '../json.ts'
import type { OwnRouteName } from '../routes/own-routes.ts'
import { routeTable } from '../routes/route-table.ts'
import { ref } from './components.ts'
import type { BuildContext } from './context.ts'
import { eventsPath } from './events-path.ts'
import { sessionPath, sessionsPath } from './session-operations.ts'
import { routeOperations } from './operations.ts'
import { NOT_MODIFIED, errorResponses, headerRef, jsonContent } from './responses.ts'
import { pathParameters } from './route-parameters.ts'
import { EVERY_ROUTE, parameterRef } from './shared-parameters.ts'

/** The tag of fauxrest's own routes; no resource may be named so (db-resource-name.ts). */
export const SERVER_TAG = '_fauxrest'

const RESET_DONE: JsonObject = {
  type: 'object',
  required: ['reset'],
  properties: { reset: { type: 'boolean', const: true } },
}

// The operations of fauxrest's own routes, by route; `undefined` leaves a route out of the document
// (the pages are for people, not for API clients; registration and log-in need the auth settings,
// bearer-security.ts).
const OWN_OPERATIONS: Readonly<
  Record<OwnRouteName, ((context: BuildContext) => JsonObject) | undefined>
> = {
  home: undefined,
  docs: undefined,
  'docs-slash': undefined,
  'docs-asset': undefined,
  openapi: undefined,
  sessions: (context) => sessionsPath(context, [SERVER_TAG]),
  session: (context) => sessionPath(context, [SERVER_TAG]),
  register: undefined,
  login: undefined,
  rules: (context) => ({
    get: {
      tags: [SERVER_TAG],
      summary: 'Get the routes file’s rules',
      description:
        'The rewrite rules the server was started with (`--routes`), as json-server shows them.',
      operationId: context.uniqueOperationId('getRules'),
      parameters: [...EVERY_ROUTE],
      responses: {
        '200': {
          description: 'Each rule: the path it matches, and what it rewrites it to.',
          content: jsonContent({ type: 'object', additionalProperties: { type: 'string' } }),
        },
        ...errorResponses(['400']),
      },
    },
  }),
  events: (context) => eventsPath(context, [SERVER_TAG]),
  db: (context) => ({
    get: {
      tags: [SERVER_TAG],
      summary: 'Get the whole database',
      operationId: context.uniqueOperationId('getDatabase'),
      parameters: [...EVERY_ROUTE, parameterRef('If-None-Match')],
      responses: {
        '200': {
          description: 'Every resource: arrays for plural resources, objects for singular ones.',
          headers: { ETag: headerRef('ETag') },
          content: jsonContent(ref('Database')),
        },
        ...NOT_MODIFIED,
        ...errorResponses(['400']),
      },
    },
  }),
  reset: (context) => ({
    post: {
      tags: [SERVER_TAG],
      summary: 'Reset the database',
      description: 'Restores the data the server started with, for test suites.',
      operationId: context.uniqueOperationId('resetDatabase'),
      parameters: [...EVERY_ROUTE],
      responses: {
        '200': { description: 'Reset done.', content: jsonContent(RESET_DONE, { reset: true }) },
        ...errorResponses(['400', '405', '503']),
      },
    },
  }),
}

/** `paths`: every resource route of the route table, then fauxrest's own API routes. */
export function buildPaths(context: BuildContext): JsonObject {
  const paths: JsonObject = {}
  const table = routeTable(context.schema)
  for (const route of table.resources) {
    const item: JsonObject = {}
    const parameters = pathParameters(route, context.idOf)
    if (parameters.length > 0) item['parameters'] = parameters
    // Path parameters are shared by the item's operations, so they sit on the path item.
    const operations = routeOperations(route, context)
    for (const [method, operation] of operations) item[method] = operation
    paths[route.path] = item
  }
  for (const route of table.ownWith(context.features)) {
    const operations = OWN_OPERATIONS[route.name]
    // A plain db's resource `db`: GET /db is the whole database, POST /db still the resource's
    const resource = paths[route.path]
    const shared = isJsonObject(resource) ? resource : {}
    if (operations !== undefined) paths[route.path] = { ...shared, ...operations(context) }
  }
  return paths
}
