import type { JsonValue } from '../json.ts'
import { compileRe2 } from '../regex.ts'
import { isMultipleOf } from '../schema/number-domain.ts'
import type { Constraints } from '../schema/types.ts'
import { shown } from './describe-value.ts'
import { FORMAT_NAMES, matchesFormat } from './format-check.ts'
import { jsonKey } from './same-json.ts'

/**
 * The first way `value` breaks `constraints`, as a message, or `undefined` when it keeps them.
 * As in JSON Schema, string constraints apply only to strings, number ones to numbers, item ones
 * to arrays; the type itself is checked elsewhere.
 */
export function constraintProblem(constraints: Constraints, value: JsonValue): string | undefined {
  if (typeof value === 'string') return stringProblem(constraints, value)
  if (typeof value === 'number') return numberProblem(constraints, value)
  if (Array.isArray(value)) return itemsProblem(constraints, value)
  return undefined
}

/** The length JSON Schema counts: code points, so an emoji is one character. */
export function codePointLength(text: string): number {
  let length = 0
  for (const _ of text) length++
  return length
}

function stringProblem(constraints: Constraints, text: string): string | undefined {
  const { minLength, maxLength, pattern, format } = constraints
  if (minLength !== undefined || maxLength !== undefined) {
    const length = codePointLength(text)
    if (minLength !== undefined && length < minLength) {
      return `must be at least ${characters(minLength)} long`
    }
    if (maxLength !== undefined && length > maxLength) {
      return `must be at most ${characters(maxLength)} long`
    }
  }
  if (pattern !== undefined) {
    const test = compileRe2(pattern, { ignoreCase: false })
    if (typeof test !== 'function' || !test(text)) return `must match the pattern ${shown(pattern)}`
  }
  if (format !== undefined && !matchesFormat(format, text)) {
    return `must be ${FORMAT_NAMES[format]} (format "${format}")`
  }
  return undefined
}

function characters(count: number): string {
  return count === 1 ? '1 character' : `${count} characters`
}

function numberProblem(constraints: Constraints, value: number): string | undefined {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format } = constraints
  if (minimum !== undefined && value < minimum) return `must be >= ${minimum}`
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) {
    return `must be > ${exclusiveMinimum}`
  }
  if (maximum !== undefined && value > maximum) return `must be <= ${maximum}`
  if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) {
    return `must be < ${exclusiveMaximum}`
  }
  if (multipleOf !== undefined && !isMultipleOf(value, multipleOf)) {
    return `must be a multiple of ${multipleOf}`
  }
  if (format !== undefined && !matchesFormat(format, value)) {
    return `must be ${FORMAT_NAMES[format]} (format "${format}")`
  }
  return undefined
}

function itemsProblem(constraints: Constraints, items: readonly JsonValue[]): string | undefined {
  const { minItems, maxItems, uniqueItems } = constraints
  if (minItems !== undefined && items.length < minItems) {
    return `must have at least ${minItems} item${minItems === 1 ? '' : 's'}`
  }
  if (maxItems !== undefined && items.length > maxItems) {
    return `must have at most ${maxItems} item${maxItems === 1 ? '' : 's'}`
  }
  if (uniqueItems === true) {
    const index = firstRepeat(items)
    if (index !== undefined)
      return `must not repeat items: ${shown(items[index] ?? null)} is there twice`
  }
  return undefined
}

/** The index of the first item equal to an earlier one (deep equality), if any. */
export function firstRepeat(items: readonly JsonValue[]): number | undefined {
  const seen = new Set<string>()
  for (const [index, item] of items.entries()) {
    const key = jsonKey(item)
    if (seen.has(key)) return index
    seen.add(key)
  }
  return undefined
}
