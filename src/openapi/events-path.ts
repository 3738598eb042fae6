import type { JsonObject } from '../json.ts'
import type { BuildContext } from './context.ts'
import { errorResponses } from './responses.ts'
import { EVERY_ROUTE, queryParameter } from './shared-parameters.ts'

const REPEATABLE = { style: 'form', explode: true }

const DESCRIPTION = [
  'The change feed, as Server-Sent Events (a browser `EventSource` reads it). Events are named',
  '`created`, `updated`, `deleted` and `reset`; their data is JSON: `{ resource, id, item }`, with',
  '`previous` (the item before) on updates and deletes (where `item` is `null`), `fake: true` for',
  'the answers of fake writes, and `{ reason }` on a reset (`reset`, `reload`, `missed`,',
  '`overflow`). An event is sent once its change is on disk, never for a failed write; a cascade',
  'sends one event per deleted or nullified item. Every event has an `id`: a client that',
  'reconnects with `Last-Event-ID` gets what it missed, or a `reset` when that is no longer kept.',
  'Without a parameter the stream has every change; parameters can be repeated and add topics.',
].join(' ')

const EXAMPLE = [
  'retry: 2000',
  'id: mx5uw3o3-0',
  '',
  'id: mx5uw3o3-1',
  'event: created',
  'data: {"resource":"posts","id":101,"item":{"userId":1,"title":"Hi","body":"…","id":101}}',
  '',
  ': keep-alive',
  '',
  '',
].join('\n')

/** `GET /_events`. */
export function eventsPath(context: BuildContext, tags: readonly string[]): JsonObject {
  return {
    get: {
      tags: [...tags],
      summary: 'Stream changes as they happen',
      description: DESCRIPTION,
      operationId: context.uniqueOperationId('streamChanges'),
      parameters: [
        queryParameter(
          'resource',
          'Changes of this resource (`?resource=posts`).',
          { type: 'array', items: { type: 'string' } },
          REPEATABLE,
        ),
        queryParameter(
          'id',
          'With `resource`: only the items with these ids (`?resource=posts&id=7`).',
          { type: 'array', items: { type: 'string' } },
          REPEATABLE,
        ),
        queryParameter(
          'path',
          'Changes of what a route holds: `/posts/7`, or a nested list such as `/users/1/posts`.',
          { type: 'array', items: { type: 'string' } },
          REPEATABLE,
        ),
        {
          name: 'Last-Event-ID',
          in: 'header',
          required: false,
          description: 'The id of the last event seen: the events after it are sent first.',
          schema: { type: 'string' },
        },
        ...EVERY_ROUTE,
      ],
      responses: {
        '200': {
          description: 'An endless stream of events, with a comment every 15 seconds.',
          content: { 'text/event-stream': { schema: { type: 'string' }, example: EXAMPLE } },
        },
        ...errorResponses(['400', '405']),
      },
    },
  }
}
