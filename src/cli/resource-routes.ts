import { routeTable, toColonPath } from '../routes/route-table.ts'
import type { ResourceSpec, Schema } from '../schema/types.ts'

/** The routes a resource answers on, one level of nesting shown: its own, then its children's lists. */
export function resourceRoutes(resource: ResourceSpec, schema: Schema): string[] {
  const routes = routeTable(schema).resources.filter(
    (route) =>
      (route.resource === resource.name && route.parents.length === 0) ||
      (route.kind === 'list' &&
        route.parents.length === 1 &&
        route.parents[0]?.resource === resource.name),
  )
  return routes.map((route) => toColonPath(route.path))
}
