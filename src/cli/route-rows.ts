import type { RouteMethod } from '../routes/route-method.ts'
import { routeTable, toColonPath } from '../routes/route-table.ts'
import type { Schema } from '../schema/types.ts'

const methodList = (methods: readonly RouteMethod[]): string =>
  methods.map((method) => method.toUpperCase()).join(' ')

/** Every route served for a schema, nested at every depth, then fauxrest's own: `[methods, path]` rows. */
export function routeRows(schema: Schema): string[][] {
  const table = routeTable(schema)
  const rows = table.resources.map((route) => [methodList(route.methods), toColonPath(route.path)])
  const own = table.own.filter((route) => route.label !== undefined)
  return [...rows, ...own.map((route) => [methodList(route.methods), route.path])]
}
