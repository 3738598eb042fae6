import type { Relation } from '../schema/types.ts'
import { type ExampleField, searchWord, wordPrefix } from './example-fields.ts'
import { type ExampleLink, type Pick, exampleLink, isText, numeric, text } from './example-link.ts'

export type Context = {
  readonly on: (pick: Pick) => ExampleLink | undefined
  readonly relation: Relation | undefined
}

type RowSpec = readonly [
  query: string,
  meaning: string,
  example: (context: Context) => ExampleLink | undefined,
]

const fixed =
  (...params: readonly (readonly [string, string])[]) =>
  (context: Context): ExampleLink | undefined =>
    context.on(() => params)

const field =
  (...finds: readonly ((fields: readonly ExampleField[]) => ExampleField | undefined)[]) =>
  (context: Context): ExampleLink | undefined => {
    // Each way of finding a field is tried on every resource before the next one.
    for (const find of finds) {
      const link = context.on((c) => {
        const found = find(c.fields)
        return found && [[found.path, text(found)]]
      })
      if (link !== undefined) return link
    }
    return undefined
  }

const byNumber =
  (suffix: string) =>
  (context: Context): ExampleLink | undefined =>
    context.on((c) => {
      const pair = numeric(c)
      return pair && [[`${pair[0]}${suffix}`, pair[1]]]
    })

// PRODUCT's query language, one row each.
export const ROWS: readonly RowSpec[] = [
  [
    '?userId=1',
    'equality, value coerced to the field type',
    field(
      (fs) => fs.find((f) => f.ref),
      (fs) => fs.find((f) => !f.deep),
    ),
  ],
  [
    '?id=1&id=2',
    'repeated: any of',
    (context) =>
      context.on((c) =>
        typeof c.id === 'number'
          ? [
              [c.resource.idKey, String(c.id)],
              [c.resource.idKey, String(c.id + 1)],
            ]
          : undefined,
      ),
  ],
  ['?address.city=Paris', 'deep field', field((fs) => fs.find((f) => f.deep))],
  ['?views_gt=10 _gte _lt _lte _ne', 'comparison', byNumber('_gte')],
  [
    '?title_like=^sun',
    'case-insensitive regular expression',
    (context) =>
      context.on((c) => {
        const found = c.fields.find(isText)
        const prefix = found && wordPrefix(text(found))
        return found && prefix !== undefined ? [[`${found.path}_like`, `^${prefix}`]] : undefined
      }),
  ],
  [
    '?q=text',
    'full-text search over every value, deep (not ids or references)',
    (context) =>
      context.on((c) => {
        const word = c.fields
          .filter(isText)
          .map((f) => searchWord(text(f)))
          .find((w) => w !== undefined)
        return word === undefined ? undefined : [['q', word]]
      }),
  ],
  [
    '?_sort=views,title&_order=desc,asc or ?_sort=-views,title',
    'sort, stable',
    (context) =>
      context.on((c) => {
        const found = c.fields.find(isText)
        return found === undefined
          ? [['_sort', '-id']]
          : [
              ['_sort', `${found.path},id`],
              ['_order', 'desc,asc'],
            ]
      }),
  ],
  [
    '?_page=2&_limit=10',
    'page: array body, X-Total-Count and Link headers',
    fixed(['_page', '2'], ['_limit', '10']),
  ],
  [
    '?_start=20&_end=30 or ?_start=20&_limit=10',
    'slice, with X-Total-Count',
    fixed(['_start', '20'], ['_end', '30']),
  ],
  [
    '?_embed=comments',
    'include children',
    ({ relation: r }) =>
      r && exampleLink(`/${encodeURIComponent(r.parent)}`, [['_embed', r.child]]),
  ],
  [
    '?_expand=user',
    'include the parent (userId gives user)',
    ({ relation: r }) =>
      r && exampleLink(`/${encodeURIComponent(r.child)}`, [['_expand', r.expandAs]]),
  ],
  [
    '?_select=id,title',
    'keep only these fields',
    (context) =>
      context.on((c) => {
        const { idKey } = c.resource
        const found = c.fields.find((f) => !f.deep && f.path !== idKey)
        return found && [['_select', `${idKey},${found.path}`]]
      }),
  ],
  [
    '?views:gt=10 :gte :lt :lte :eq :ne :in :contains :startsWith :endsWith',
    'json-server 1.0 operators (:in takes a comma list)',
    byNumber(':gt'),
  ],
  [
    '?_page=2&_per_page=25',
    'json-server 1.0 page envelope { first, prev, next, last, pages, items, data }',
    fixed(['_page', '2'], ['_per_page', '25']),
  ],
]
