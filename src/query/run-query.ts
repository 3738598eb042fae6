import type { JsonObject, Row } from '../json.ts'
import type { ResourceSpec, Schema } from '../schema/types.ts'
import { candidateRows } from './candidate-rows.ts'
import type { Lookups } from './lookups.ts'
import { paginate } from './paginate.ts'
import { shapeRow } from './shape-row.ts'
import { sortRows } from './sort.ts'
import type { ItemQuery, ListQuery, ListResult, Scope } from './types.ts'

export type { ListResult, Scope } from './types.ts'

/** Filter, search, sort, page, then embed, expand and select the rows that are kept. */
export function runListQuery(query: ListQuery, scope: Scope, lookups: Lookups): ListResult {
  const { rows, tests } = candidateRows(query, scope, lookups)
  const matched = tests.length === 0 ? rows : rows.filter((row) => tests.every((test) => test(row)))
  const sorted = query.sort.length === 0 ? matched : sortRows(matched, query.sort)
  const idKey = scope.idKey ?? 'id'
  return paginate(sorted, query.window, (row) => shapeRow(row, query, lookups, idKey))
}

/**
 * One item with `_embed`, `_expand` and `_select` applied. The query was resolved against the
 * resource and schema when parsed; they are taken here to keep the item and list calls alike.
 */
export function shapeItem(
  row: Row,
  query: ItemQuery,
  resource: ResourceSpec,
  _schema: Schema,
  lookups: Lookups,
): JsonObject {
  return shapeRow(row, query, lookups, resource.idKey)
}
