import { AppError } from '../errors.ts'
import { isId, type Id, type JsonObject } from '../json.ts'
import type { ResourceSpec } from '../schema/types.ts'

export type WriteKind = 'create' | 'replace' | 'patch'

export type WriteContext = {
  /** Whether an item of `resource` has this id. */
  exists(resource: string, id: Id): boolean
}

/**
 * Checks a write's id rules and returns the body to store: a client id on create must have the
 * resource's id type and be free; on replace and patch a body can never change the id.
 */
export function prepareWrite(
  kind: WriteKind,
  resource: ResourceSpec,
  body: JsonObject,
  context: WriteContext,
): JsonObject {
  if (!Object.hasOwn(body, 'id')) return body
  const { id, ...rest } = body
  if (kind !== 'create') return rest
  if (!isIdOf(resource, id)) {
    const expected = resource.id === 'integer' ? 'a positive integer' : 'a non-empty string'
    throw new AppError('invalid_body', 'Request had invalid or missing data.', {
      details: [{ path: 'id', message: `must be ${expected}` }],
    })
  }
  if (context.exists(resource.name, id)) {
    throw new AppError('conflict', `${resource.name} already has an item with id ${String(id)}.`, {
      details: [{ path: 'id', message: 'is already taken' }],
    })
  }
  return body
}

function isIdOf(resource: ResourceSpec, id: unknown): id is Id {
  // Free-form resources (and plain json-server files) take any id, as json-server does.
  if (resource.fields === undefined) return isId(id) && id !== ''
  if (resource.id === 'integer') return typeof id === 'number' && Number.isSafeInteger(id) && id > 0
  return typeof id === 'string' && id.length > 0
}
