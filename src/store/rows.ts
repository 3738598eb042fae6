import { isId } from '../json.ts'
import type { Id, JsonObject, Row } from '../json.ts'

/** The body's keys in their order, then the id (any id in the body is dropped). */
export function withId(body: JsonObject, idKey: string, id: Id): Row {
  const row: Row = {}
  for (const key of Object.keys(body)) {
    if (key !== idKey) define(row, key, body[key])
  }
  define(row, idKey, id)
  return row
}

/** `body` in place of `row` (a PUT): the row's id is kept, `id` when it has none. */
export function replaceRow(row: Row, body: JsonObject, idKey: string, id: Id | string): Row {
  const current = row[idKey]
  return withId(body, idKey, isId(current) ? current : id)
}

/** A shallow merge into a new object: existing keys keep their place, new ones follow; the id is kept. */
export function mergeRow(row: Row, changes: JsonObject, idKey: string): Row {
  const merged: Row = {}
  for (const key of Object.keys(row)) define(merged, key, row[key])
  for (const key of Object.keys(changes)) {
    if (key !== idKey) define(merged, key, changes[key])
  }
  return merged
}

/** A copy that keeps every key, `__proto__` included, as an own property. */
export function copyObject(value: JsonObject): JsonObject {
  const copy: JsonObject = {}
  for (const key of Object.keys(value)) define(copy, key, value[key])
  return copy
}

function define(target: JsonObject, key: string, value: JsonObject[string] | undefined): void {
  if (value === undefined) return
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  } else {
    target[key] = value
  }
}
