import type { JsonValue } from '../json.ts'
import type { JsonType } from './types.ts'

/** The JSON type of a value; whole numbers are `integer`. */
export function jsonTypeOf(value: JsonValue): JsonType {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  if (typeof value === 'object') return 'object'
  return typeof value === 'string' ? 'string' : 'boolean'
}

/** The type all of `types` share (integer and number make number); `undefined` when they mix. */
export function commonJsonType(types: Iterable<JsonType>): JsonType | undefined {
  let common: JsonType | undefined
  let first = true
  for (const type of types) {
    if (first) common = type
    else if (common !== type) {
      const numeric = isNumeric(common) && isNumeric(type)
      if (!numeric) return undefined
      common = 'number'
    }
    first = false
  }
  return common
}

function isNumeric(type: JsonType | undefined): boolean {
  return type === 'integer' || type === 'number'
}

/** Whether `value` is of `type` (an integer is also a number). */
export function matchesJsonType(value: JsonValue, type: JsonType): boolean {
  const actual = jsonTypeOf(value)
  return actual === type || (type === 'number' && actual === 'integer')
}

/** Whether `value` is plain JSON data (finite numbers, plain objects and arrays only). */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (depth > 1000) return false
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every((item: unknown) => isJsonValue(item, depth + 1))
  if (typeof value !== 'object') return false
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return false
  return Object.values(value).every((item: unknown) => isJsonValue(item, depth + 1))
}
