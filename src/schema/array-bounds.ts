import { report, type ParseContext } from './context.ts'
import { DEFAULT_ARRAY_MAX, DEFAULT_ARRAY_MIN, MAX_ARRAY_LENGTH } from './keys.ts'
import { childPath } from './path.ts'
import type { Constraints, FieldSpec } from './types.ts'

/**
 * The lengths of generated arrays: `min` and `max`, else `minItems` and `maxItems` (which also
 * bound writes), else the defaults; `undefined` after reporting a problem.
 */
export function parseArrayBounds(
  spec: Record<string, unknown>,
  path: string,
  ctx: ParseContext,
  constraints: Constraints | undefined,
  of: FieldSpec | undefined,
): { readonly min: number; readonly max: number } | undefined {
  const min = lengthBound(spec['min'], childPath(path, 'min'), ctx)
  const max = lengthBound(spec['max'], childPath(path, 'max'), ctx)
  if (min === null || max === null) return undefined
  if (min !== undefined && max !== undefined && min > max) {
    report(ctx.issues, childPath(path, 'min'), `must be <= max (${max})`)
    return undefined
  }
  const { minItems, maxItems, uniqueItems } = constraints ?? {}
  let ok = true
  if (min !== undefined && minItems !== undefined && min < minItems) {
    report(ctx.issues, childPath(path, 'min'), `must be >= minItems (${minItems})`)
    ok = false
  }
  if (max !== undefined && maxItems !== undefined && max > maxItems) {
    report(ctx.issues, childPath(path, 'max'), `must be <= maxItems (${maxItems})`)
    ok = false
  }
  if (!ok) return undefined
  const low = min ?? minItems
  const high = max ?? maxItems
  const lowest = low ?? Math.min(DEFAULT_ARRAY_MIN, high ?? DEFAULT_ARRAY_MAX)
  let highest = max ?? Math.min(maxItems ?? MAX_ARRAY_LENGTH, Math.max(DEFAULT_ARRAY_MAX, lowest))
  const distinct = uniqueItems === true ? distinctValues(of) : undefined
  if (distinct !== undefined) {
    if (lowest > distinct) {
      const message = `cannot hold: arrays of at least ${lowest} items from ${distinct} distinct values`
      report(ctx.issues, childPath(path, 'uniqueItems'), message)
      return undefined
    }
    highest = Math.min(highest, distinct)
  }
  return { min: lowest, max: highest }
}

// How many different values an element field can take, when the schema says so.
function distinctValues(of: FieldSpec | undefined): number | undefined {
  if (of?.kind === 'value') return of.nullable ? 2 : 1
  if (of?.kind !== 'enum') return undefined
  const values = new Set(of.values.map((value) => JSON.stringify(value)))
  if (of.nullable) values.add('null')
  return values.size
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
