import type { JsonValue } from '../json.ts'

/** A query value after coercion to the field's type. */
export type Scalar = string | number | boolean | null

export const OPERATORS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'like',
  'contains',
  'startsWith',
  'endsWith',
] as const
export type Operator = (typeof OPERATORS)[number]

/** The json-server 1.0 `field:op` operators (`like` is only reachable as the 0.17 `_like` suffix). */
export const COLON_OPERATORS: readonly Operator[] = OPERATORS.filter((op) => op !== 'like')

export function isColonOperator(value: string): value is Operator {
  return (COLON_OPERATORS as readonly string[]).includes(value)
}

/**
 * How stored values are compared: declared field types compare strictly by type; `loose`
 * compares as json-server 0.17 does (as text, numbers numerically when the stored value is one).
 */
export type CompareAs = 'number' | 'string' | 'boolean' | 'loose'

export type Filter = {
  /** The query parameter, for error messages. */
  readonly param: string
  readonly path: readonly string[]
  readonly op: Operator
  /** eq, in, like, contains, startsWith, endsWith: any of; ne: none of; lt, lte, gt, gte: all of. */
  readonly values: readonly Scalar[]
  readonly compareAs: CompareAs
  /** json-server 0.17 drops a filter on a field that no row of the resource has (free-form only). */
  readonly droppable: boolean
  /** Equality with one value on the id or a foreign key: candidate rows can come from that index. */
  readonly index: 'id' | 'ref' | undefined
}

/** `q`: the text, lower-cased, and the top-level keys it does not look in (the id and references). */
export type Search = { readonly text: string; readonly skip: ReadonlySet<string> }

export type SortKey = { readonly path: readonly string[]; readonly desc: boolean }

export type Window =
  | { readonly kind: 'all' }
  /** json-server 0.17 `_page` + `_limit`: array body, total and Link header. */
  | { readonly kind: 'page'; readonly page: number; readonly limit: number }
  /** json-server 1.0 `_page` + `_per_page`: envelope body. */
  | { readonly kind: 'envelope'; readonly page: number; readonly perPage: number }
  /** `_start`, `_end`, `_limit`: a slice; `end` undefined means to the end. */
  | { readonly kind: 'slice'; readonly start: number; readonly end: number | undefined }

/** `_embed=comments`: children whose `field` holds this row's id, under the key `name`. */
export type EmbedSpec = { readonly name: string; readonly child: string; readonly field: string }

/** `_expand=user`: the parent whose id is in this row's `field`, under the key `name`. */
export type ExpandSpec = { readonly name: string; readonly parent: string; readonly field: string }

export type ItemQuery = {
  readonly embed: readonly EmbedSpec[]
  readonly expand: readonly ExpandSpec[]
  /** Keys to keep, or undefined to keep all. */
  readonly select: readonly string[] | undefined
}

/**
 * `_where` (json-server 1.0): every filter holds, and for each `or` group one of its branches
 * does (a branch may hold groups of its own).
 */
export type WhereBranch = {
  readonly filters: readonly Filter[]
  readonly or: readonly (readonly WhereBranch[])[]
}

export type ListQuery = ItemQuery & {
  readonly filters: readonly Filter[]
  /** `_where`'s `or` groups: a row passes when one branch of each group matches. */
  readonly or?: readonly (readonly WhereBranch[])[] | undefined
  /** Full-text search (`q`); undefined when absent or empty. */
  readonly search: Search | undefined
  readonly sort: readonly SortKey[]
  readonly window: Window
}

/** Page numbers for the Link header (json-server 0.17 `_page` paging). */
export type PageLinks = { first: number; prev?: number; next?: number; last: number }

export type ListResult = {
  /** The array, or the json-server 1.0 envelope `{ first, prev, next, last, pages, items, data }`. */
  body: JsonValue
  /** X-Total-Count: set when `_page`, `_limit`, `_start` or `_end` was used, as json-server 0.17 does. */
  total: number | undefined
  /** Link header pages for 0.17 `_page` paging; prev absent on page 1, next absent on the last page. */
  links: PageLinks | undefined
}

/** Which rows a list starts from: `/posts/3/comments` is `{ resource: 'comments', where: { field: 'postId', value: '3' } }`. */
export type Scope = {
  resource: string
  where?: { field: string; value: string }
  /** The field that identifies the resource's items (`id` unless `--id` chose another). */
  idKey?: string
}
