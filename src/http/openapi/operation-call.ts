import type { Context } from 'hono'
import type { AppOptions } from '../../app-options.ts'
import { storedId, type Id, type Row } from '../../json.ts'
import type { OperationBinding } from '../../openapi-import/binding.ts'
import type { BodyCheck } from '../../openapi-import/check-body.ts'
import type { Database } from '../../store/database.ts'
import { notFound } from '../routing/not-found.ts'
import type { Matched } from './match-operation.ts'

export type OperationDeps = {
  readonly store: Database
  readonly options: AppOptions
  readonly answers: string | undefined
  readonly checkBody: BodyCheck
}

/** A request to a document operation, with what its path names. */
export type OperationCall = {
  readonly c: Context
  readonly op: OperationBinding
  readonly deps: OperationDeps
  readonly url: URL
  /** The request's URL without its query. */
  readonly self: string
  /** The resource the operation acts on (`''` for none). */
  readonly resource: string
  /** The ancestors the path names, as child field → id. */
  readonly parentIds: readonly (readonly [string, Id])[]
  /** The path's last parameter: the item's key. */
  readonly last: string
}

/** The call `found` makes; 404 when an ancestor the path names does not exist. */
export function operationCall(c: Context, found: Matched, deps: OperationDeps): OperationCall {
  const { op, params } = found
  const url = new URL(c.req.url)
  const parentIds = op.parents.map((parent): [string, Id] => {
    const value = params.get(parent.param) ?? ''
    const row = findRow(deps.store, parent.resource, parent.key, value)
    if (row === undefined) throw notFound(url.pathname)
    return [parent.field, storedId(row, 'id')]
  })
  return {
    c,
    op,
    deps,
    url,
    self: `${url.origin}${url.pathname}`,
    resource: op.resource ?? '',
    parentIds,
    last: [...params.values()].at(-1) ?? '',
  }
}

/** The operation's item whose key is `key`; 404 when there is none. */
export function itemOf(call: OperationCall, key: string): Row {
  const row = findRow(call.deps.store, call.resource, call.op.key, key)
  if (row === undefined) throw notFound(call.url.pathname)
  return row
}

function findRow(store: Database, resource: string, key: string, value: string): Row | undefined {
  if (key === 'id') return store.get(resource, value)
  return store.list(resource).find((row) => String(row[key]) === value)
}
