import type { JsonObject } from '../json.ts'
import type { BuildContext } from './context.ts'
import { errorResponses, jsonContent } from './responses.ts'
import { EVERY_ROUTE } from './shared-parameters.ts'

const SESSION_INFO: JsonObject = {
  type: 'object',
  required: ['name', 'changes', 'bytes', 'created', 'lastUsed', 'subscribers'],
  properties: {
    name: { type: 'string' },
    changes: { type: 'integer', minimum: 0, description: 'Items the session holds apart.' },
    bytes: { type: 'integer', minimum: 0, description: 'Their size as JSON.' },
    created: { type: 'string', format: 'date-time' },
    lastUsed: { type: 'string', format: 'date-time' },
    subscribers: { type: 'integer', minimum: 0, description: 'Open `/_events` streams.' },
  },
}

const SESSION_PARAMETER: JsonObject = {
  name: 'session',
  in: 'path',
  required: true,
  description: 'The session’s name (what `Fauxrest-Session` carries).',
  schema: { type: 'string' },
}

/** `GET /_sessions`: the live sessions. */
export function sessionsPath(context: BuildContext, tags: readonly string[]): JsonObject {
  return {
    get: {
      tags: [...tags],
      summary: 'List the live sessions',
      operationId: context.uniqueOperationId('listSessions'),
      parameters: [...EVERY_ROUTE],
      responses: {
        '200': {
          description: 'The sessions, and the limits they live under.',
          content: jsonContent({
            type: 'object',
            required: ['count', 'max', 'idleSeconds', 'sessions'],
            properties: {
              count: { type: 'integer', minimum: 0 },
              max: { type: 'integer', minimum: 0, description: '`--max-sessions`' },
              idleSeconds: { type: 'integer', minimum: 0, description: 'Dropped after this.' },
              sessions: { type: 'array', items: SESSION_INFO },
            },
          }),
        },
        ...errorResponses(['400']),
      },
    },
  }
}

/** `GET` and `DELETE /_sessions/{session}`: one session. */
export function sessionPath(context: BuildContext, tags: readonly string[]): JsonObject {
  return {
    parameters: [SESSION_PARAMETER],
    get: {
      tags: [...tags],
      summary: 'Get a session',
      operationId: context.uniqueOperationId('getSession'),
      parameters: [...EVERY_ROUTE],
      responses: {
        '200': { description: 'The session.', content: jsonContent(SESSION_INFO) },
        ...errorResponses(['400', '404']),
      },
    },
    delete: {
      tags: [...tags],
      summary: 'Drop a session',
      description: 'Its data is gone and its event streams end.',
      operationId: context.uniqueOperationId('deleteSession'),
      parameters: [...EVERY_ROUTE],
      responses: {
        '200': {
          description: 'Dropped.',
          content: jsonContent({ type: 'object', additionalProperties: false }),
        },
        ...errorResponses(['400', '404']),
      },
    },
  }
}
