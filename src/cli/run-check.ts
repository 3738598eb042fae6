import { resolve } from 'node:path'
import { createLazyFakerCatalog } from '../generate/lazy-faker-catalog.ts'
import { loadSchema } from '../node/load-schema.ts'
import type { SchemaOptions } from '../schema/types.ts'
import type { CliIo } from './cli-io.ts'
import { createPaint, renderTable } from './render-table.ts'
import { resourceRoutes } from './resource-routes.ts'
import { routeRows } from './route-rows.ts'

/** Validates a schema and prints what it would serve; invalid schemas throw with every issue. */
export async function runCheck(
  command: { readonly file: string; readonly reading: SchemaOptions },
  io: CliIo,
): Promise<number> {
  const { file } = command
  const catalog = createLazyFakerCatalog()
  const { schema, plainData } = await loadSchema(resolve(io.cwd, file), catalog, command.reading)
  const paint = createPaint(io.color)
  const rows: string[][] = [['resource', 'items', 'id', 'routes']]
  for (const resource of schema.resources.values()) {
    const items = resource.singular
      ? '-'
      : String(
          plainData === undefined ? resource.count : (plainData[resource.name] as unknown[]).length,
        )
    const id = resource.singular ? '-' : resource.id
    rows.push([resource.name, items, id, resourceRoutes(resource, schema).join('  ')])
  }
  const kind = plainData === undefined ? 'schema' : 'plain database (served schemaless)'
  io.out(`${paint('green', '✓')} ${file}: valid ${kind}, ${schema.resources.size} resources\n\n`)
  io.out(`${renderTable(rows, paint)}\n`)
  if (schema.relations.length > 0) {
    io.out('\n  relations\n')
    for (const relation of schema.relations) {
      io.out(
        `  ${relation.child}.${relation.field} -> ${relation.parent} (onDelete: ${relation.onDelete})\n`,
      )
    }
  }
  const routes = routeRows(schema)
  io.out(`\n  ${routes.length} routes (HEAD wherever GET, OPTIONS everywhere)\n`)
  io.out(`${renderTable([['methods', 'path'], ...routes], paint)}\n`)
  return 0
}
