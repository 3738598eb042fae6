export type JsonPrimitive = string | number | boolean | null
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject
export type JsonObject = { [key: string]: JsonValue }

/** An item id: integers by default, strings for uuid and nanoid resources. */
export type Id = number | string

/** A stored item of a plural resource; has an `id` unless a hand-written db file left it out. */
export type Row = JsonObject

/** The whole database: plural resources are arrays, singular ones objects. */
export type Data = { [resource: string]: Row[] | JsonObject }

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isId(value: unknown): value is Id {
  return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string'
}

/** A row's id under `idKey`; `undefined` for an item without one (a json-server file may hold some). */
export function idOf(row: JsonObject, idKey: string): Id | undefined {
  const id = row[idKey]
  return isId(id) ? id : undefined
}

/** The id of a row the store holds by its id (found by it, or just given one): never missing. */
export function storedId(row: JsonObject, idKey: string): Id {
  const id = idOf(row, idKey)
  if (id === undefined) throw new Error(`a stored item has no ${JSON.stringify(idKey)}`)
  return id
}

const DIGITS = /^(?:0|[1-9][0-9]*)$/

/** An integer id, as a number (`1`) or as digits in a string (`"1"`, json-server 1.0's ids). */
export function isIntegerId(value: unknown): value is Id {
  if (typeof value === 'number') return Number.isSafeInteger(value)
  return typeof value === 'string' && DIGITS.test(value) && Number.isSafeInteger(Number(value))
}

// Keys that could reach Object.prototype when used as property names.
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
])

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key)
}
