import { AppError, type Issue } from '../errors.ts'
import { hasOwn, isId, type Id, type JsonObject, type JsonValue, type Row } from '../json.ts'
import type { ResourceSpec } from '../schema/types.ts'
import { cappedIssues } from './capped-issues.ts'
import { checkFields } from './check-value.ts'
import { shown } from './describe-value.ts'
import { clientIdProblem } from './id-rules.ts'
import { uniqueConflicts } from './unique.ts'

/** POST creates, PUT replaces, PATCH merges into the top level. */
export type WriteKind = 'create' | 'replace' | 'patch'

export type WriteContext = {
  /** Whether an item of `resource` has this id. */
  exists(resource: string, id: Id): boolean
  /** Every item of `resource`, for `unique` fields. */
  rows(resource: string): readonly Row[]
  /** The id of the item a replace or patch changes; its own values do not clash with it. */
  readonly currentId?: Id | undefined
}

export const INVALID_BODY = 'Request had invalid or missing data.'
export const CONFLICT = 'Request conflicts with existing data.'

/**
 * Checks a write against the resource's schema and returns the body to store: defaults applied on
 * create and replace, any `id` dropped on replace and patch (a body never changes an item's id).
 * Throws AppError `invalid_body` (422) listing every problem, then `conflict` (409) for a client id
 * or a `unique` value another item already has. Free-form resources accept any object.
 */
export function validateWrite(
  kind: WriteKind,
  resource: ResourceSpec,
  body: JsonObject,
  context: WriteContext,
): JsonObject {
  const issues: Issue[] = []
  const { idKey } = resource
  const hasId = !resource.singular && hasOwn(body, idKey)
  const id = body[idKey] ?? null
  const rest = hasId ? withoutKey(body, idKey) : body
  if (hasId && kind === 'create') {
    const problem = clientIdProblem(resource, id)
    if (problem !== undefined) issues.push(problem)
  }
  const mode = kind === 'patch' ? 'partial' : 'full'
  const checked =
    resource.fields === undefined
      ? rest
      : checkFields(resource.fields, rest, '', mode, { issues, exists: context.exists })
  if (issues.length > 0) {
    throw new AppError('invalid_body', INVALID_BODY, { details: cappedIssues(issues) })
  }
  const conflicts: Issue[] = []
  if (hasId && kind === 'create' && isId(id) && context.exists(resource.name, id)) {
    conflicts.push({ path: idKey, message: `${resource.name} ${shown(id)} already exists` })
  }
  if (!resource.singular) {
    const rows = context.rows(resource.name)
    conflicts.push(...uniqueConflicts(resource, checked, rows, context.currentId))
  }
  if (conflicts.length > 0) throw new AppError('conflict', CONFLICT, { details: conflicts })
  return hasId && kind === 'create' ? withIdInPlace(body, checked, idKey, id) : checked
}

function withoutKey(body: JsonObject, key: string): JsonObject {
  return Object.fromEntries(Object.entries(body).filter(([name]) => name !== key))
}

/** The checked body with the client's id back where the client put it. */
function withIdInPlace(
  body: JsonObject,
  checked: JsonObject,
  idKey: string,
  id: JsonValue,
): JsonObject {
  const out: JsonObject = {}
  for (const key of Object.keys(body)) {
    if (key === idKey) out[idKey] = id
    else if (hasOwn(checked, key)) out[key] = checked[key] ?? null
  }
  return { ...out, ...checked }
}
