import type { JsonObject } from '../json.ts'

/** A query parameter object; every parameter fauxrest documents is optional. */
export function queryParameter(
  name: string,
  description: string,
  schema: JsonObject,
  extra: JsonObject = {},
): JsonObject {
  return { name, in: 'query', required: false, description, schema, ...extra }
}

const NON_NEGATIVE: JsonObject = { type: 'integer', minimum: 0 }
const POSITIVE: JsonObject = { type: 'integer', minimum: 1 }

/** `components.parameters`: the query parameters and headers every resource shares. */
export const SHARED_PARAMETERS: JsonObject = {
  q: queryParameter(
    'q',
    'Full-text search: items with a string, number or boolean (at any depth; not the id or a reference) containing this text, ignoring case.',
    {
      type: 'string',
    },
  ),
  _order: queryParameter(
    '_order',
    'Order for each `_sort` field: `asc` (default) or `desc`, comma separated.',
    { type: 'array', items: { type: 'string', enum: ['asc', 'desc'] } },
    { style: 'form', explode: false },
  ),
  _page: queryParameter(
    '_page',
    'Page number, from 1. With `_limit` (default 10) the answer is an array with `X-Total-Count` and `Link` headers; with `_per_page` it is a page envelope.',
    POSITIVE,
  ),
  _limit: queryParameter(
    '_limit',
    'Items per page with `_page`, or the number of items from `_start`.',
    NON_NEGATIVE,
  ),
  _per_page: queryParameter(
    '_per_page',
    'Items per page, answered as a page envelope `{ first, prev, next, last, pages, items, data }` (json-server 1.0).',
    POSITIVE,
  ),
  _start: queryParameter(
    '_start',
    'Index of the first item of a slice (from 0); `X-Total-Count` gives the total.',
    NON_NEGATIVE,
  ),
  _end: queryParameter('_end', 'Index after the last item of a slice.', NON_NEGATIVE),
  _where: {
    name: '_where',
    in: 'query',
    required: false,
    description:
      'json-server 1.0 JSON filter, in place of the filter parameters: `{"views": {"gt": 10}}`, nested objects for deep fields, `or` for alternatives.',
    content: { 'application/json': { schema: { type: 'object' } } },
  },
  _delay: queryParameter('_delay', 'Delay this answer by this many milliseconds.', NON_NEGATIVE),
  _status: queryParameter(
    '_status',
    'Answer with this status instead, without running the request: a JSON error body for 4xx and 5xx, no body for 204, 205 and 304, `{}` otherwise (to try error and loading states). The header `Prefer: code=CODE` does the same.',
    { type: 'integer', minimum: 200, maximum: 599 },
  ),
  'Fauxrest-Session': {
    name: 'Fauxrest-Session',
    in: 'header',
    required: false,
    description:
      'Work in this session: a private copy of the data the server started with, made on first use (1 to 64 letters, digits, `.`, `_`, `~` or `-`). The same as a path under `/_sessions/NAME/`.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._~-]{1,64}$' },
  },
  'If-None-Match': {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'An ETag from an earlier answer: 304 Not Modified while it still matches.',
    schema: { type: 'string' },
  },
  'If-Match': {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: 'Apply the change only if the item still has this ETag, else 412.',
    schema: { type: 'string' },
  },
}

export function parameterRef(name: string): JsonObject {
  return { $ref: `#/components/parameters/${name}` }
}

/** Parameters every route takes. */
export const EVERY_ROUTE: readonly JsonObject[] = [
  parameterRef('_delay'),
  parameterRef('_status'),
  parameterRef('Fauxrest-Session'),
]

/** Paging, slicing and search: the list parameters that do not depend on the resource. */
export const LIST_SHARED: readonly JsonObject[] = [
  parameterRef('q'),
  parameterRef('_order'),
  parameterRef('_page'),
  parameterRef('_limit'),
  parameterRef('_per_page'),
  parameterRef('_start'),
  parameterRef('_end'),
  parameterRef('_where'),
]
