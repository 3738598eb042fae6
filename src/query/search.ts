import type { JsonValue } from '../json.ts'

/**
 * Full-text search (`q`): whether any string anywhere in the value contains `needle` (already
 * lower-cased), ignoring case. Walks with a stack so deeply nested data cannot overflow the call stack.
 */
export function containsText(value: JsonValue, needle: string): boolean {
  const stack: JsonValue[] = [value]
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (typeof current === 'string') {
      if (current.toLowerCase().includes(needle)) return true
    } else if (Array.isArray(current)) {
      for (const item of current) stack.push(item)
    } else if (current !== null && typeof current === 'object') {
      for (const item of Object.values(current)) stack.push(item)
    }
  }
  return false
}
