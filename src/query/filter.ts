import type { JsonValue, Row } from '../json.ts'
import { isInvalid, parseNumber } from './coerce.ts'
import { getPath } from './get-path.ts'
import { compileRegex, type TextTest } from './match-regex.ts'
import type { CompareAs, Filter, Scalar } from './types.ts'

export type RowTest = (row: Row) => boolean
type ValueTest = (value: JsonValue) => boolean

/** A filter as a predicate, compiled once per query. An array value matches when one element does. */
export function compileFilter(filter: Filter): RowTest {
  const { path } = filter
  if (filter.op === 'ne') {
    const equal = equalsAny(filter.values, filter.compareAs)
    return (row) => !someElement(getPath(row, path), equal)
  }
  const test = valueTest(filter)
  return (row) => someElement(getPath(row, path), test)
}

function someElement(value: JsonValue | undefined, test: ValueTest): boolean {
  if (value === undefined) return false
  return Array.isArray(value) ? value.some(test) : test(value)
}

function valueTest(filter: Filter): ValueTest {
  const { op, values, compareAs } = filter
  switch (op) {
    case 'eq':
    case 'ne':
    case 'in':
      return equalsAny(values, compareAs)
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const bounds = values.map((bound) => comparator(bound, compareAs))
      const holds = RANGE[op]
      return (value) =>
        bounds.every((compare) => {
          const order = compare(value)
          return order !== undefined && holds(order)
        })
    }
    case 'like': {
      const tests = values
        .map((pattern) => compileRegex(String(pattern)))
        .filter((test): test is TextTest => !isInvalid(test))
      return (value) => {
        const text = asText(value)
        return text !== undefined && tests.some((test) => test(text))
      }
    }
    case 'contains':
    case 'startsWith':
    case 'endsWith': {
      const needles = values.map((needle) => String(needle).toLowerCase())
      const found = TEXT[op]
      return (value) => {
        if (typeof value !== 'string') return false
        const text = value.toLowerCase()
        return needles.some((needle) => found(text, needle))
      }
    }
  }
}

const TEXT = {
  contains: (text: string, needle: string) => text.includes(needle),
  startsWith: (text: string, needle: string) => text.startsWith(needle),
  endsWith: (text: string, needle: string) => text.endsWith(needle),
} as const

const RANGE = {
  lt: (order: number) => order < 0,
  lte: (order: number) => order <= 0,
  gt: (order: number) => order > 0,
  gte: (order: number) => order >= 0,
} as const

function equalsAny(values: readonly Scalar[], compareAs: CompareAs): ValueTest {
  const wanted = new Set<Scalar>(values)
  if (compareAs !== 'loose') return (value) => isScalar(value) && wanted.has(value)
  // json-server 0.17 compares text: `?id=1` matches 1 and "1"; null never matches.
  return (value) => isScalar(value) && value !== null && wanted.has(String(value))
}

/** Orders a stored value against a bound; undefined when they cannot be compared. */
function comparator(bound: Scalar, compareAs: CompareAs): (value: JsonValue) => number | undefined {
  const asNumber =
    typeof bound === 'number'
      ? bound
      : compareAs === 'loose'
        ? parseNumber(String(bound))
        : undefined
  const asString = typeof bound === 'string' ? bound : undefined
  return (value) => {
    if (typeof value === 'number' && asNumber !== undefined) return value - asNumber
    if (typeof value === 'string' && asString !== undefined)
      return value < asString ? -1 : value > asString ? 1 : 0
    return undefined
  }
}

function isScalar(value: JsonValue): value is Scalar {
  return value === null || typeof value !== 'object'
}

function asText(value: JsonValue): string | undefined {
  return value === null || typeof value === 'object' ? undefined : String(value)
}
