import type { Issue } from '../errors.ts'
import type { ResourceSpec, Schema } from '../schema/types.ts'
import { isInvalid } from './coerce.ts'
import { parseFilter, type FilterContext } from './parse-filter.ts'
import { parseShape } from './parse-shape.ts'
import { parseWhere } from './parse-where.ts'
import { parseSort } from './parse-sort.ts'
import { parseWindow } from './parse-window.ts'
import { queryError } from './query-error.ts'
import type { Filter, ItemQuery, ListQuery } from './types.ts'

/**
 * Parameters with a meaning of their own (`callback` is JSONP's, answered by the HTTP layer);
 * every other `_` parameter that names no field is ignored.
 */
export const RESERVED_PARAMS: ReadonlySet<string> = new Set([
  'q',
  'callback',
  '_sort',
  '_order',
  '_page',
  '_limit',
  '_per_page',
  '_start',
  '_end',
  '_embed',
  '_expand',
  '_select',
  '_where',
])

/**
 * The query language of `GET /R` (filters, search, sort, paging, embed, expand, select).
 * Throws AppError('invalid_query') listing every bad parameter.
 */
export function parseListQuery(
  params: URLSearchParams,
  resource: ResourceSpec,
  schema: Schema,
): ListQuery {
  const issues: Issue[] = []
  const ctx = filterContext(resource, schema)
  const filters: Filter[] = []
  for (const key of new Set(params.keys())) {
    if (key === '' || RESERVED_PARAMS.has(key)) continue
    const filter = parseFilter(key, params.getAll(key), ctx)
    if (isInvalid(filter)) issues.push({ path: key, message: filter.error })
    else if (filter !== undefined) filters.push(filter)
  }
  // json-server 1.0: a `_where` filter takes the place of the filter parameters.
  const whereText = params.get('_where')
  const where = whereText === null ? undefined : parseWhere(whereText, ctx)
  if (isInvalid(where)) issues.push({ path: '_where', message: where.error })
  const sort = parseSort(params, ctx, issues)
  const window = parseWindow(params, issues)
  const shape = parseShape(params, resource, schema, issues)
  if (issues.length > 0) throw queryError(issues)
  // Only the first q counts, as in json-server 0.17.
  const q = params.get('q')
  const search = q ? { text: q.toLowerCase(), skip: searchSkips(resource, ctx) } : undefined
  if (where !== undefined && !isInvalid(where)) {
    return { filters: where.filters, or: where.or, search, sort, window, ...shape }
  }
  return { filters, search, sort, window, ...shape }
}

/** The parameters of `GET /R/:id`: only `_embed`, `_expand` and `_select`; others are ignored. */
export function parseItemQuery(
  params: URLSearchParams,
  resource: ResourceSpec,
  schema: Schema,
): ItemQuery {
  const issues: Issue[] = []
  const shape = parseShape(params, resource, schema, issues)
  if (issues.length > 0) throw queryError(issues)
  return shape
}

// Ids and references are numbers that would match almost any digit (json-server PR #558).
function searchSkips(resource: ResourceSpec, ctx: FilterContext): ReadonlySet<string> {
  return new Set([resource.idKey, ...ctx.foreignKeys])
}

function filterContext(resource: ResourceSpec, schema: Schema): FilterContext {
  const foreignKeys = schema.relations
    .filter((relation) => relation.child === resource.name)
    .map((relation) => relation.field)
  // A plain json-server db is served as json-server 0.17 serves it, whatever fields were inferred.
  const fields = schema.origin === 'db' ? undefined : resource.fields
  return { resource, fields, foreignKeys: new Set(foreignKeys) }
}
