import type { Issue } from '../errors.ts'
import { isId, type JsonValue } from '../json.ts'
import type { ResourceSpec } from '../schema/types.ts'

/** Why a client id on create does not fit the resource's ids, or `undefined` when it does. */
export function clientIdProblem(resource: ResourceSpec, id: JsonValue): Issue | undefined {
  if (isIdOf(resource, id)) return undefined
  const expected =
    resource.fields === undefined
      ? 'a number or a non-empty string'
      : resource.id === 'integer'
        ? 'a positive integer'
        : 'a non-empty string'
  return { path: resource.idKey, message: `must be ${expected}` }
}

function isIdOf(resource: ResourceSpec, id: JsonValue): boolean {
  // Free-form resources (and plain json-server files) take any id, as json-server does.
  if (resource.fields === undefined) return isId(id) && id !== ''
  if (resource.id === 'integer') return typeof id === 'number' && Number.isSafeInteger(id) && id > 0
  return typeof id === 'string' && id.length > 0
}
