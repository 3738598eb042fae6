import { FORBIDDEN_KEYS, isJsonObject, type JsonObject, type JsonValue } from '../json.ts'
import { isInvalid, type Invalid } from './coerce.ts'
import { parseFilter, type FilterContext } from './parse-filter.ts'
import { quote } from './query-error.ts'
import { COLON_OPERATORS, isColonOperator, type Filter, type WhereBranch } from './types.ts'

/**
 * json-server 1.0's `_where`: a JSON filter, `{"views": {"gt": 100}, "author": {"name": {"eq":
 * "bar"}}}`, its conditions ANDed, with `"or": [{…}, {…}]` for alternatives. Each condition is the
 * `field:op` parameter it stands for (`views:gt=100`), so it is typed and checked as one. A plain
 * value is `eq` (1.0 never matches it). The first problem is returned, with where it is.
 */
export function parseWhere(text: string, ctx: FilterContext): WhereBranch | Invalid {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { error: 'must be JSON, like {"title":{"eq":"foo"}}' }
  }
  if (!isJsonObject(value)) return { error: 'must be a JSON object, like {"title":{"eq":"foo"}}' }
  return branch(value, [], ctx, 0)
}

// Deeper filters name no field a row could hold (a body is at most 64 levels deep).
const MAX_DEPTH = 64

function branch(
  where: JsonObject,
  prefix: readonly string[],
  ctx: FilterContext,
  depth: number,
): WhereBranch | Invalid {
  if (depth > MAX_DEPTH) return { error: `nests more than ${MAX_DEPTH} levels` }
  const filters: Filter[] = []
  const or: (readonly WhereBranch[])[] = []
  for (const [key, value] of Object.entries(where)) {
    if (FORBIDDEN_KEYS.has(key)) return { error: `${quote(key)} cannot be a field` }
    if (key === 'or') {
      const group = alternatives(value, prefix, ctx, depth)
      if (isInvalid(group)) return group
      or.push(group)
      continue
    }
    const path = [...prefix, key]
    if (isJsonObject(value) && !Object.keys(value).some(isColonOperator)) {
      const nested = branch(value, path, ctx, depth + 1)
      if (isInvalid(nested)) return nested
      filters.push(...nested.filters)
      or.push(...nested.or)
      continue
    }
    const conditions = isJsonObject(value) ? Object.entries(value) : [['eq', value] as const]
    for (const [op, operand] of conditions) {
      const filter = condition(path, op, operand, ctx)
      if (isInvalid(filter)) return filter
      if (filter !== undefined) filters.push(filter)
    }
  }
  return { filters, or }
}

function alternatives(
  value: JsonValue,
  prefix: readonly string[],
  ctx: FilterContext,
  depth: number,
): WhereBranch[] | Invalid {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isJsonObject)) {
    return { error: '"or" must be a non-empty array of objects' }
  }
  const branches: WhereBranch[] = []
  for (const item of value) {
    const parsed = branch(item, prefix, ctx, depth + 1)
    if (isInvalid(parsed)) return parsed
    branches.push(parsed)
  }
  return branches
}

function condition(
  path: readonly string[],
  op: string,
  operand: JsonValue,
  ctx: FilterContext,
): Filter | Invalid | undefined {
  const field = path.join('.')
  if (!isColonOperator(op)) {
    return {
      error: `${field}: unknown operator ${quote(op)} (operators: ${COLON_OPERATORS.join(', ')})`,
    }
  }
  const operands = op === 'in' && Array.isArray(operand) ? operand : [operand]
  const texts: string[] = []
  for (const item of operands) {
    if (item !== null && typeof item === 'object') {
      return {
        error: `${field}: the value of ${quote(op)} must be text, a number, a boolean or null`,
      }
    }
    texts.push(String(item))
  }
  const filter = parseFilter(`${field}:${op}`, op === 'in' ? [texts.join(',')] : texts, ctx)
  if (isInvalid(filter)) return { error: `${field}: ${filter.error}` }
  // 1.0 never skips a condition on a field no item has: the list is then empty.
  return filter && { ...filter, param: '_where', droppable: false }
}
