import { FORBIDDEN_KEYS, hasOwn, type JsonValue } from '../json.ts'

/**
 * The value at a dotted path, like lodash `get` (array elements by numeric segment), reading only
 * own properties and never a key that could reach Object.prototype.
 */
export function getPath(value: JsonValue, path: readonly string[]): JsonValue | undefined {
  let current: JsonValue | undefined = value
  for (const key of path) {
    if (current === undefined || current === null || typeof current !== 'object') return undefined
    if (FORBIDDEN_KEYS.has(key)) return undefined
    if (Array.isArray(current)) {
      if (!isIndex(key)) return undefined
      current = current[Number(key)]
    } else {
      current = hasOwn(current, key) ? current[key] : undefined
    }
  }
  return current
}

/** Whether the path leads to a value (null counts, as lodash `has` does). */
export function hasPath(value: JsonValue, path: readonly string[]): boolean {
  return getPath(value, path) !== undefined
}

export function isIndex(key: string): boolean {
  return /^(0|[1-9]\d*)$/.test(key) && Number.isSafeInteger(Number(key))
}
