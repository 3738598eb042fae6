import { quote } from './query-error.ts'
import type { CompareAs, Scalar } from './types.ts'

export type Invalid = { readonly error: string }

export function isInvalid(value: unknown): value is Invalid {
  return typeof value === 'object' && value !== null && 'error' in value
}

// Decimal notation only: Number() would also accept '', ' 1', '0x10' and 'Infinity'.
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

export function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined
  const value = Number(text)
  return Number.isFinite(value) ? value : undefined
}

/** A whole number of at least `min` (paging parameters). */
export function parseCount(text: string, min: 0 | 1): number | Invalid {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (Number.isSafeInteger(value) && value >= min) return value
  return {
    error: `must be ${min === 1 ? 'a positive' : 'a non-negative'} integer (got ${quote(text)})`,
  }
}

/** A query value as the field's type; `null` on a nullable field matches null. */
export function coerceValue(text: string, as: CompareAs, nullable: boolean): Scalar | Invalid {
  if (nullable && text === 'null' && as !== 'loose') return null
  switch (as) {
    case 'number':
      return parseNumber(text) ?? { error: `${quote(text)} is not a number` }
    case 'boolean':
      if (text === 'true') return true
      if (text === 'false') return false
      return { error: `${quote(text)} is not a boolean (expected true or false)` }
    case 'string':
    case 'loose':
      return text
  }
}
