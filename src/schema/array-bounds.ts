import { report, type ParseContext } from './context.ts'
import { DEFAULT_ARRAY_MAX, DEFAULT_ARRAY_MIN, MAX_ARRAY_LENGTH } from './keys.ts'
import { childPath } from './path.ts'

/** An array field's `min` and `max` lengths with their defaults, or `undefined` after reporting. */
export function parseArrayBounds(
  spec: Record<string, unknown>,
  path: string,
  ctx: ParseContext,
): { readonly min: number; readonly max: number } | undefined {
  const min = lengthBound(spec['min'], childPath(path, 'min'), ctx)
  const max = lengthBound(spec['max'], childPath(path, 'max'), ctx)
  if (min === null || max === null) return undefined
  if (min !== undefined && max !== undefined && min > max) {
    report(ctx.issues, childPath(path, 'min'), `must be <= max (${max})`)
    return undefined
  }
  return {
    min: min ?? Math.min(DEFAULT_ARRAY_MIN, max ?? DEFAULT_ARRAY_MAX),
    max: max ?? Math.max(DEFAULT_ARRAY_MAX, min ?? DEFAULT_ARRAY_MIN),
  }
}

// `undefined` when absent, `null` when invalid (reported)
function lengthBound(value: unknown, path: string, ctx: ParseContext): number | null | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    if (value <= MAX_ARRAY_LENGTH) return value
  }
  report(ctx.issues, path, `must be an integer from 0 to ${MAX_ARRAY_LENGTH}`)
  return null
}
