import type { Issue } from '../errors.ts'
import { isInvalid } from './coerce.ts'
import type { FilterContext } from './parse-filter.ts'
import { quote } from './query-error.ts'
import { resolveField } from './resolve-field.ts'
import type { SortKey } from './types.ts'

/** `_sort=views,title&_order=desc,asc` (json-server 0.17) and `_sort=-views,title` (1.0). */
export function parseSort(params: URLSearchParams, ctx: FilterContext, issues: Issue[]): SortKey[] {
  const orders = params
    .getAll('_order')
    .flatMap((value) => value.split(',').map((order) => order.trim().toLowerCase()))
  for (const order of orders) {
    if (order !== '' && order !== 'asc' && order !== 'desc') {
      issues.push({ path: '_order', message: `must be asc or desc (got ${quote(order)})` })
    }
  }
  const names = params
    .getAll('_sort')
    .flatMap((value) => value.split(',').map((name) => name.trim()))
  const keys: SortKey[] = []
  for (const [index, name] of names.entries()) {
    if (name === '' || name === '-') continue
    const minus = name.startsWith('-')
    const path = (minus ? name.slice(1) : name).split('.')
    if (ctx.fields !== undefined) {
      const info = resolveField(path, ctx.resource, ctx.fields)
      if (isInvalid(info)) {
        issues.push({ path: '_sort', message: info.error })
        continue
      }
    }
    keys.push({ path, desc: minus || orders[index] === 'desc' })
  }
  return keys
}
