import type { Issue } from '../errors.ts'
import { isInvalid, parseCount } from './coerce.ts'
import type { Window } from './types.ts'

/** json-server 0.17 `_page` + `_limit` paging (limit 10 by default). */
export const DEFAULT_LIMIT = 10

/** Paging and slicing: `_page`/`_limit`, `_page`/`_per_page` (1.0 envelope), `_start`/`_end`/`_limit`. */
export function parseWindow(params: URLSearchParams, issues: Issue[]): Window {
  const count = (name: string, min: 0 | 1): number | undefined => {
    const text = params.get(name)
    if (text === null) return undefined
    const value = parseCount(text, min)
    if (!isInvalid(value)) return value
    issues.push({ path: name, message: value.error })
    return undefined
  }
  const page = count('_page', 1)
  const perPage = count('_per_page', 1)
  const limit = count('_limit', 0)
  const start = count('_start', 0)
  const end = count('_end', 0)
  if (params.has('_page')) {
    if (params.has('_per_page')) {
      if (params.has('_limit'))
        issues.push({ path: '_limit', message: 'cannot be combined with _per_page' })
      return { kind: 'envelope', page: page ?? 1, perPage: perPage ?? DEFAULT_LIMIT }
    }
    if (limit === 0)
      issues.push({ path: '_limit', message: 'must be a positive integer with _page (got "0")' })
    return { kind: 'page', page: page ?? 1, limit: limit ?? DEFAULT_LIMIT }
  }
  // As in json-server 0.17, `_end` wins over `_limit`.
  if (end !== undefined) return { kind: 'slice', start: start ?? 0, end }
  if (limit !== undefined) return { kind: 'slice', start: start ?? 0, end: (start ?? 0) + limit }
  if (start !== undefined) return { kind: 'slice', start, end: undefined }
  return { kind: 'all' }
}
