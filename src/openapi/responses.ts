import type { JsonObject, JsonValue } from '../json.ts'
import { ref } from './components.ts'

export const HEADERS: JsonObject = {
  'X-Total-Count': {
    description: 'Number of items that match the filters, before paging or slicing.',
    schema: { type: 'integer', minimum: 0 },
  },
  Link: {
    description: 'With `_page`: links to the `first`, `prev`, `next` and `last` pages (RFC 8288).',
    schema: { type: 'string' },
  },
  ETag: {
    description: 'Version of this answer, for `If-None-Match` (304) and `If-Match` (412).',
    schema: { type: 'string' },
  },
  Location: {
    description: 'Path of the created item.',
    schema: { type: 'string', format: 'uri-reference' },
  },
  Allow: { description: 'The methods this path allows.', schema: { type: 'string' } },
}

export function headerRef(name: string): JsonObject {
  return { $ref: `#/components/headers/${name}` }
}

export function jsonContent(schema: JsonObject, example?: JsonValue): JsonObject {
  const media: JsonObject = { schema }
  if (example !== undefined) media['example'] = example
  return { 'application/json': media }
}

function errorResponse(
  description: string,
  example?: JsonObject,
  headers?: JsonObject,
): JsonObject {
  const response: JsonObject = { description, content: jsonContent(ref('Error'), example) }
  if (headers !== undefined) response['headers'] = headers
  return response
}

const ERRORS: ReadonlyMap<string, readonly [name: string, response: JsonObject]> = new Map([
  [
    '400',
    [
      'BadRequest',
      errorResponse('Malformed JSON body, or a bad query parameter (named in `details`).'),
    ],
  ],
  [
    '404',
    ['NotFound', errorResponse('No such item, or the item is not under the parent in the path.')],
  ],
  [
    '405',
    [
      'MethodNotAllowed',
      errorResponse('Method not allowed here, or the server is read-only.', undefined, {
        Allow: headerRef('Allow'),
      }),
    ],
  ],
  [
    '409',
    [
      'Conflict',
      errorResponse(
        'The id is already in use, a `unique` value is already used, or child items restrict the delete.',
      ),
    ],
  ],
  ['412', ['PreconditionFailed', errorResponse('`If-Match` does not match the current ETag.')]],
  ['413', ['PayloadTooLarge', errorResponse('The body is over the size limit.')]],
  [
    '415',
    [
      'UnsupportedMediaType',
      errorResponse('The body is not JSON.', {
        error: 'The application/xml mediatype is not supported.',
      }),
    ],
  ],
  [
    '422',
    [
      'UnprocessableContent',
      errorResponse(
        'The body does not fit the schema: unknown or missing field, wrong type, missing parent.',
        {
          error: 'Request had invalid or missing data.',
          details: [{ path: 'title', message: 'is required' }],
        },
      ),
    ],
  ],
  [
    '503',
    [
      'ServiceUnavailable',
      errorResponse('The server cannot apply the change now; nothing changed.'),
    ],
  ],
  [
    'default',
    ['Failure', errorResponse('Any other error status, such as one forced with `_status`.')],
  ],
])

export type ErrorStatus = '400' | '404' | '405' | '409' | '412' | '413' | '415' | '422' | '503'

/** `components.responses`: one shared response per error status, plus 304. */
export function responseComponents(): JsonObject {
  const entries: [string, JsonValue][] = [...ERRORS.values()].map(([name, response]) => [
    name,
    response,
  ])
  entries.push([
    'NotModified',
    {
      description: 'Not modified: `If-None-Match` matches the current ETag.',
      headers: { ETag: headerRef('ETag') },
    },
  ])
  return Object.fromEntries(entries)
}

/** Response references for these error statuses, plus `default`. */
export function errorResponses(statuses: readonly ErrorStatus[]): JsonObject {
  const entries: [string, JsonValue][] = []
  for (const status of [...statuses, 'default']) {
    const name = ERRORS.get(status)?.[0]
    if (name !== undefined) entries.push([status, { $ref: `#/components/responses/${name}` }])
  }
  return Object.fromEntries(entries)
}

export const NOT_MODIFIED: JsonObject = { '304': { $ref: '#/components/responses/NotModified' } }

/** How DELETE answers: `200 {}` (the default), `204` with no body, or `200` with the deleted item. */
export const DELETE_MODES = ['empty', 'no-content', 'item'] as const
export type DeleteMode = (typeof DELETE_MODES)[number]

export function deleteSuccess(
  mode: DeleteMode,
  item: JsonObject,
  example: JsonValue | undefined,
): JsonObject {
  if (mode === 'no-content') return { '204': { description: 'Deleted; no body.' } }
  if (mode === 'item') {
    return {
      '200': { description: 'Deleted: the item as it was.', content: jsonContent(item, example) },
    }
  }
  const empty = { type: 'object', maxProperties: 0 }
  return { '200': { description: 'Deleted: an empty object.', content: jsonContent(empty, {}) } }
}
