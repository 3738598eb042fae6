import type { JsonObject, JsonValue } from '../json.ts'

/**
 * Full-text search (`q`): whether any string, number or boolean anywhere in the row, read as text,
 * contains `needle` (already lower-cased), ignoring case; the top-level keys in `skip` are not
 * looked in. Walks with a stack so deeply nested data cannot overflow the call stack.
 */
export function containsText(row: JsonObject, needle: string, skip: ReadonlySet<string>): boolean {
  const stack: JsonValue[] = []
  for (const key of Object.keys(row)) {
    const value = row[key]
    if (value !== undefined && !skip.has(key)) stack.push(value)
  }
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (typeof current === 'string') {
      if (current.toLowerCase().includes(needle)) return true
    } else if (typeof current === 'number' || typeof current === 'boolean') {
      if (String(current).includes(needle)) return true
    } else if (Array.isArray(current)) {
      for (const item of current) stack.push(item)
    } else if (current !== null) {
      for (const item of Object.values(current)) stack.push(item)
    }
  }
  return false
}
