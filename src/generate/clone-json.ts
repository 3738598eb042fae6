import type { JsonObject, JsonValue } from '../json.ts'

/** A deep copy, so generated items never share objects (the store mutates items in place). */
export function cloneJson(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(cloneJson)
  const copy: JsonObject = {}
  for (const key of Object.keys(value)) {
    const item = cloneJson(value[key] as JsonValue)
    // Plain assignment to `__proto__` would set the prototype instead of a key.
    if (key === '__proto__') {
      Object.defineProperty(copy, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    } else {
      copy[key] = item
    }
  }
  return copy
}
