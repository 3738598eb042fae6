import { hasOwn, isId, type JsonObject, type JsonValue, type Row } from '../json.ts'
import type { Lookups } from './lookups.ts'
import type { ItemQuery } from './types.ts'

/**
 * A row with its embedded children and expanded parents, cut to the selected keys. Always a new
 * object when anything changes; the stored row is never touched.
 */
export function shapeRow(row: Row, shape: ItemQuery, lookups: Lookups, idKey: string): JsonObject {
  const { embed, expand, select } = shape
  if (embed.length === 0 && expand.length === 0 && select === undefined) return row
  const added: [string, JsonValue][] = []
  const id = row[idKey]
  for (const spec of embed) {
    added.push([spec.name, isId(id) ? [...lookups.byRef(spec.child, spec.field, String(id))] : []])
  }
  for (const spec of expand) {
    const ref = hasOwn(row, spec.field) ? row[spec.field] : undefined
    const parent = isId(ref) ? lookups.byId(spec.parent, String(ref)) : undefined
    if (parent !== undefined) added.push([spec.name, parent])
  }
  // fromEntries defines own data properties, so even a "__proto__" key stays plain data.
  const entries = [...Object.entries(row), ...added]
  if (select === undefined) return Object.fromEntries(entries)
  const keep = new Set(select)
  return Object.fromEntries(entries.filter(([key]) => keep.has(key)))
}
