import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import { linkHeader } from '../../query/link-header.ts'
import { parseItemQuery, parseListQuery } from '../../query/parse-query.ts'
import { runListQuery, shapeItem } from '../../query/run-query.ts'
import { idOf } from '../../json.ts'
import type { Lookups } from '../../query/lookups.ts'
import type { Database } from '../../store/database.ts'
import type { AppOptions } from '../../app-options.ts'
import { rowBody, toJsonBody } from '../answer/json-body.ts'
import { existing } from './preconditions.ts'
import type { Target } from '../routing/resolve-target.ts'
import type { ListCache } from '../session/request-scope.ts'
import { splitUrl } from '../request/path-segments.ts'
import { sendEmpty, sendJson } from '../answer/send-json.ts'
import { write, type WriteDeps } from './write-handler.ts'
import type { RequestAuth } from '../auth/request-auth.ts'
import { writeGuard } from '../auth/write-guard.ts'

export type HandlerDeps = {
  readonly store: Database
  readonly options: AppOptions
  readonly cache: ListCache
  readonly lookups: Lookups
  /** The caller and rules, when auth is on: reads see through its lookups, writes are guarded. */
  readonly auth?: RequestAuth | undefined
  readonly feed: WriteDeps['feed']
  /** The session prefix the request came through ('' for none): links written start with it. */
  readonly base: string
  /** The session the request works in; `undefined` for the shared database. */
  readonly session: string | undefined
}

const READ_ONLY_ALLOW = 'GET, HEAD, OPTIONS'

/** Reads answer synchronously (no await between the request and its answer); writes are async. */
export function handleTarget(
  c: Context,
  target: Target,
  deps: HandlerDeps,
): Response | Promise<Response> {
  const method = c.req.method
  // Hono answers HEAD through the GET route and drops the body, but the method stays HEAD
  if (method === 'GET' || method === 'HEAD') return read(c, target, deps)
  if (method === 'OPTIONS') return sendEmpty(c, 204, { Allow: allowFor(target, deps) })
  if (!target.route.allow.split(', ').includes(method)) throw methodNotAllowed(c, target, deps)
  if (deps.options.readOnly) throw methodNotAllowed(c, target, deps)
  const { auth, store } = deps
  if (auth === undefined) return write(c, target, deps)
  const users = auth.config.users
  const guard = writeGuard(auth, (id) => {
    const user = store.get(users, id)
    return user === undefined ? undefined : idOf(user, auth.config.userIdKey)
  })
  return write(c, target, { ...deps, guard })
}

function allowFor(target: Target, deps: HandlerDeps): string {
  return deps.options.readOnly ? READ_ONLY_ALLOW : target.route.allow
}

function methodNotAllowed(c: Context, target: Target, deps: HandlerDeps): AppError {
  const allow = allowFor(target, deps)
  const why = deps.options.readOnly ? ' (the server is read-only)' : ''
  return new AppError(
    'method_not_allowed',
    `${c.req.method} is not allowed here${why}. Allowed: ${allow}.`,
    { headers: { Allow: allow } },
  )
}

function read(c: Context, target: Target, deps: HandlerDeps): Response {
  const { store } = deps
  const { search } = splitUrl(c.req.url)
  if (target.kind === 'single') return sendJson(c, rowBody(store.single(target.resource.name)))
  const { auth } = deps
  const lookups = auth?.lookups ?? deps.lookups
  if (target.kind === 'item') {
    const stored = existing(c, target)
    const row = auth === undefined ? stored : auth.visibility.present(target.resource.name, stored)
    if (search === '') return sendJson(c, rowBody(row))
    const query = parseItemQuery(new URLSearchParams(search), target.resource, store.schema)
    return sendJson(c, toJsonBody(shapeItem(row, query, target.resource, store.schema, lookups)))
  }
  // The whole URL: a cached Link header names the origin the client asked. With auth, what a list
  // holds depends on who asks.
  const key = auth === undefined ? c.req.url : `${auth.caller?.id ?? ''} ${c.req.url}`
  const cached = deps.cache.get(key, store.version)
  if (cached !== undefined) return sendJson(c, cached.body, 200, cached.headers)
  const query = parseListQuery(new URLSearchParams(search), target.resource, store.schema)
  const parent = target.parents.at(-1)
  const where = parent && { field: parent.relation.field, value: String(parent.id) }
  const { name, idKey } = target.resource
  const result = runListQuery(
    query,
    where ? { resource: name, where, idKey } : { resource: name, idKey },
    lookups,
  )
  const headers: Record<string, string> = {}
  if (result.total !== undefined) headers['X-Total-Count'] = String(result.total)
  if (result.links !== undefined) headers['Link'] = linkHeader(c.req.url, result.links)
  const body = toJsonBody(result.body)
  deps.cache.set(key, store.version, { body, headers })
  return sendJson(c, body, 200, headers)
}
