import type { JsonValue, Row } from '../json.ts'
import { getPath } from './get-path.ts'
import type { SortKey } from './types.ts'

/**
 * Rows ordered by several keys, stably. Numbers compare numerically and strings by UTF-16 code
 * units (plain < and >, as json-server's lodash orderBy does: deterministic on every machine and
 * locale). Across types: numbers, strings, booleans, then objects and arrays; null and missing
 * values come last in both directions.
 */
export function sortRows(rows: readonly Row[], keys: readonly SortKey[]): Row[] {
  // Each row's keys are read once, not once per comparison.
  const decorated = rows.map((row) => ({ row, values: keys.map((key) => getPath(row, key.path)) }))
  decorated.sort((a, b) => {
    for (const [index, key] of keys.entries()) {
      const order = compareValues(a.values[index], b.values[index], key.desc)
      if (order !== 0) return order
    }
    return 0
  })
  return decorated.map(({ row }) => row)
}

const LAST = 4

function rank(value: JsonValue | undefined): number {
  if (value === undefined || value === null) return LAST
  if (typeof value === 'number') return 0
  if (typeof value === 'string') return 1
  if (typeof value === 'boolean') return 2
  return 3
}

export function compareValues(
  a: JsonValue | undefined,
  b: JsonValue | undefined,
  desc: boolean,
): number {
  const rankA = rank(a)
  const rankB = rank(b)
  if (rankA === LAST || rankB === LAST) return rankA - rankB
  const order = rankA !== rankB ? rankA - rankB : compareSameType(a, b)
  return desc ? -order : order
}

function compareSameType(a: JsonValue | undefined, b: JsonValue | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  return 0
}
