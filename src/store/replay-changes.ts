import { isId } from '../json.ts'
import type { Data, Row } from '../json.ts'
import type { Change } from './change.ts'

/**
 * The data after the changes, applied in order to `data` (which it reuses). An insert or update
 * stores the row under its id, in place when the id is there, at the end otherwise; so replaying
 * changes the data already holds leaves it as it is.
 */
export function replayChanges(
  data: Data,
  changes: Iterable<Change>,
  idKeyOf: (resource: string) => string = () => 'id',
): Data {
  // Rows by id in list order (a Map keeps insertion order), built for a resource when first met.
  const tables = new Map<string, Map<string, Row>>()
  const table = (resource: string): Map<string, Row> => {
    let rows = tables.get(resource)
    if (rows === undefined) {
      rows = new Map()
      const value = data[resource]
      const idKey = idKeyOf(resource)
      if (Array.isArray(value)) {
        value.forEach((row, at) => rows?.set(keyOf(row, idKey) ?? `\u0000${at}`, row))
      }
      tables.set(resource, rows)
    }
    return rows
  }
  for (const change of changes) {
    switch (change.op) {
      case 'insert':
      case 'update': {
        const key = keyOf(change.row, idKeyOf(change.resource))
        if (key !== undefined) table(change.resource).set(key, change.row)
        break
      }
      case 'delete':
        table(change.resource).delete(String(change.id))
        break
      case 'set':
        tables.delete(change.resource)
        // Members outside the schema are kept whatever they are, as the file held them.
        data[change.resource] = change.value as Data[string]
        break
      case 'drop':
        tables.delete(change.resource)
        delete data[change.resource]
        break
    }
  }
  for (const [resource, rows] of tables) data[resource] = [...rows.values()]
  return data
}

function keyOf(row: Row, idKey: string): string | undefined {
  const id = row[idKey]
  return isId(id) ? String(id) : undefined
}
