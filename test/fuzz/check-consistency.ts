import type { Mock } from '../../src/index.ts'
import { isJsonObject, type Row } from '../../src/json.ts'

/**
 * Every way the database could be inconsistent after hostile traffic, as readable lines: repeated
 * ids, indices that disagree with a scan, references to parents that do not exist, nulls where the
 * relation does not allow them, singular resources that are not objects.
 */
export function inconsistencies(mock: Mock): string[] {
  const { store, schema } = mock
  const problems: string[] = []
  for (const spec of schema.resources.values()) {
    if (spec.singular) {
      if (!isJsonObject(store.data()[spec.name])) problems.push(`${spec.name} is not an object`)
      continue
    }
    const rows = store.list(spec.name)
    const ids = new Set<string>()
    for (const row of rows) {
      const id = row['id']
      if (typeof id !== 'number' && typeof id !== 'string') {
        problems.push(`${spec.name}: an item without a valid id: ${JSON.stringify(row)}`)
        continue
      }
      if (ids.has(String(id))) problems.push(`${spec.name}: id ${JSON.stringify(id)} is repeated`)
      ids.add(String(id))
      if (store.get(spec.name, id) !== row) {
        problems.push(`${spec.name}: the id index does not find ${JSON.stringify(id)}`)
      }
    }
    if (store.data()[spec.name] !== rows) problems.push(`${spec.name}: the list is not the data`)
  }
  for (const relation of schema.relations) {
    const { child, field, parent, onDelete } = relation
    const spec = schema.resources.get(child)?.fields?.get(field)
    const nullable = onDelete === 'nullify' || spec?.nullable === true
    const byParent = new Map<string, Row[]>()
    for (const row of store.list(child)) {
      const value = row[field]
      if (value === null || value === undefined) {
        if (!nullable && value === null) {
          problems.push(`${child} ${String(row['id'])}: ${field} is null`)
        }
        continue
      }
      if (typeof value !== 'number' && typeof value !== 'string') {
        problems.push(`${child} ${String(row['id'])}: ${field} is ${JSON.stringify(value)}`)
        continue
      }
      if (store.get(parent, value) === undefined) {
        problems.push(`${child} ${String(row['id'])}: ${field} ${value} names no ${parent}`)
      }
      byParent.set(String(value), [...(byParent.get(String(value)) ?? []), row])
    }
    for (const parentRow of store.list(parent)) {
      const parentId = String(parentRow['id'])
      const rows = byParent.get(parentId) ?? []
      const indexed = store.byRef(child, field, parentId)
      if (indexed.length !== rows.length || rows.some((row) => !indexed.includes(row))) {
        problems.push(`${child}.${field} = ${parentId}: the index disagrees with a scan`)
      }
    }
  }
  return problems
}
