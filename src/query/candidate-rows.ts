import type { Row } from '../json.ts'
import { compileFilter, type RowTest } from './filter.ts'
import { getPath, hasPath } from './get-path.ts'
import type { Lookups } from './lookups.ts'
import { containsText } from './search.ts'
import type { Filter, ListQuery, Scope, WhereBranch } from './types.ts'

/**
 * The rows to test and the tests to run. Rows come from the smallest index set among the scope and
 * single-value equality filters on the id or a foreign key, else from the whole resource; every
 * test still runs on them, so an index only narrows the scan.
 */
export function candidateRows(
  query: ListQuery,
  scope: Scope,
  lookups: Lookups,
): { rows: readonly Row[]; tests: RowTest[] } {
  const tests: RowTest[] = []
  let best: readonly Row[] | undefined
  const consider = (rows: readonly Row[]): void => {
    if (best === undefined || rows.length < best.length) best = rows
  }
  const { where } = scope
  if (where !== undefined) {
    consider(lookups.byRef(scope.resource, where.field, where.value))
    tests.push(scopeTest(where.field, where.value))
  }
  for (const filter of query.filters) {
    const [field] = filter.path
    const [value] = filter.values
    if (field === undefined || value === undefined) continue
    if (filter.index === 'ref') consider(lookups.byRef(scope.resource, field, String(value)))
    if (filter.index === 'id') {
      const row = lookups.byId(scope.resource, String(value))
      consider(row === undefined ? [] : [row])
    }
  }
  const fromIndex = best !== undefined
  const rows = best ?? lookups.rows(scope.resource)
  for (const filter of query.filters) {
    if (!filter.droppable || isPresent(filter, rows, fromIndex, scope.resource, lookups)) {
      tests.push(compileFilter(filter))
    }
  }
  for (const group of query.or ?? []) {
    const branches = group.map(compileBranch)
    tests.push((row) => branches.some((test) => test(row)))
  }
  const { search } = query
  if (search !== undefined) tests.push((row) => containsText(row, search.text, search.skip))
  return { rows, tests }
}

// json-server 0.17 ignores a filter on a field that no row of the resource has.
function isPresent(
  filter: Filter,
  rows: readonly Row[],
  fromIndex: boolean,
  resource: string,
  lookups: Lookups,
): boolean {
  const has = (row: Row): boolean => hasPath(row, filter.path)
  return rows.some(has) || (fromIndex && lookups.rows(resource).some(has))
}

// A `_where` branch: its filters and its own `or` groups all hold.
function compileBranch(branch: WhereBranch): RowTest {
  const tests = branch.filters.map(compileFilter)
  for (const group of branch.or) {
    const branches = group.map(compileBranch)
    tests.push((row) => branches.some((test) => test(row)))
  }
  return (row) => tests.every((test) => test(row))
}

function scopeTest(field: string, value: string): RowTest {
  return (row) => {
    const ref = getPath(row, [field])
    return (typeof ref === 'number' || typeof ref === 'string') && String(ref) === value
  }
}
