import type { JsonObject } from '../json.ts'
import { listApiRoutes } from './api-routes.ts'
import { ref } from './components.ts'
import type { BuildContext } from './context.ts'
import { routeOperations } from './operations.ts'
import { NOT_MODIFIED, errorResponses, headerRef, jsonContent } from './responses.ts'
import { pathParameters } from './route-parameters.ts'
import { EVERY_ROUTE, parameterRef } from './shared-parameters.ts'

/** The tag of fauxrest's own routes; resource names cannot start with `_`, so it never clashes. */
export const SERVER_TAG = '_fauxrest'

const RESET_DONE: JsonObject = {
  type: 'object',
  required: ['reset'],
  properties: { reset: { type: 'boolean', const: true } },
}

function serverPaths(context: BuildContext): JsonObject {
  const tags = [SERVER_TAG]
  return {
    '/db': {
      get: {
        tags,
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
    },
    '/_reset': {
      post: {
        tags,
        summary: 'Reset the database',
        description: 'Restores the data the server started with, for test suites.',
        operationId: context.uniqueOperationId('resetDatabase'),
        parameters: [...EVERY_ROUTE],
        responses: {
          '200': { description: 'Reset done.', content: jsonContent(RESET_DONE, { reset: true }) },
          ...errorResponses(['400', '405', '503']),
        },
      },
    },
  }
}

/** `paths`: every resource route, then `/db` and `/_reset`. */
export function buildPaths(context: BuildContext): JsonObject {
  const paths: JsonObject = {}
  for (const route of listApiRoutes(context.schema)) {
    const item: JsonObject = {}
    const parameters = pathParameters(route, context.idOf)
    if (parameters.length > 0) item['parameters'] = parameters
    // Path parameters are shared by the item's operations, so they sit on the path item.
    const operations = routeOperations(route, context)
    for (const [method, operation] of operations) item[method] = operation
    paths[route.path] = item
  }
  return { ...paths, ...serverPaths(context) }
}
