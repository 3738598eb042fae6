export type JsonPrimitive = string | number | boolean | null
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject
export type JsonObject = { [key: string]: JsonValue }

/** An item id: integers by default, strings for uuid and nanoid resources. */
export type Id = number | string

/** A stored item of a plural resource; always has an `id`. */
export type Row = JsonObject

/** The whole database: plural resources are arrays, singular ones objects. */
export type Data = { [resource: string]: Row[] | JsonObject }

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isId(value: unknown): value is Id {
  return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string'
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
