import { listApiRoutes, toColonPath } from '../openapi/api-routes.ts'
import type { Schema } from '../schema/types.ts'

// fauxrest's own routes, after the resources'.
const OWN_ROUTES: readonly (readonly [string, string])[] = [
  ['GET', '/'],
  ['GET', '/docs'],
  ['GET', '/openapi.json'],
  ['GET', '/db'],
  ['POST', '/_reset'],
]

/** Every route served for a schema, nested at every depth: `[methods, path]` rows for a table. */
export function routeRows(schema: Schema): string[][] {
  const rows = listApiRoutes(schema).map((route) => [
    route.methods.map((method) => method.toUpperCase()).join(' '),
    toColonPath(route.path),
  ])
  return [...rows, ...OWN_ROUTES.map(([method, path]) => [method, path])]
}
