import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError } from '../errors.ts'
import type { Id, JsonObject, Row } from '../json.ts'
import { linkHeader } from '../query/link-header.ts'
import { parseItemQuery, parseListQuery } from '../query/parse-query.ts'
import { runListQuery, shapeItem } from '../query/run-query.ts'
import type { Lookups } from '../query/lookups.ts'
import type { Schema } from '../schema/types.ts'
import type { Store } from '../store/store.ts'
import { prepareWrite, type WriteKind } from '../validate/prepare-write.ts'
import type { AppOptions } from './app-options.ts'
import type { ErrorBody } from './error-response.ts'
import { matchesEtag, rowBody, toJsonBody, type JsonBody } from './json-body.ts'
import { readJsonBody } from './read-json-body.ts'
import { notFound, type ParentLink, type Target } from './resolve-target.ts'
import type { ResponseCache } from './response-cache.ts'

export type HandlerDeps = {
  readonly store: Store
  readonly options: AppOptions
  readonly cache: ResponseCache
  readonly lookups: Lookups
}

const ALLOW = {
  collection: 'GET, HEAD, POST, OPTIONS',
  item: 'GET, HEAD, PUT, PATCH, DELETE, OPTIONS',
  single: 'GET, HEAD, PUT, PATCH, OPTIONS',
} as const
const READ_ONLY_ALLOW = 'GET, HEAD, OPTIONS'

export async function handleTarget(
  c: Context,
  target: Target,
  deps: HandlerDeps,
): Promise<Response> {
  const method = c.req.method
  // Hono answers HEAD through the GET route and drops the body, but the method stays HEAD
  if (method === 'GET' || method === 'HEAD') return read(c, target, deps)
  if (method === 'OPTIONS') return c.body(null, 204, { Allow: allowFor(target, deps) })
  if (!ALLOW[target.kind].split(', ').includes(method)) throw methodNotAllowed(c, target, deps)
  if (deps.options.readOnly) throw methodNotAllowed(c, target, deps)
  return write(c, target, deps)
}

function allowFor(target: Target, deps: HandlerDeps): string {
  return deps.options.readOnly ? READ_ONLY_ALLOW : ALLOW[target.kind]
}

function methodNotAllowed(c: Context, target: Target, deps: HandlerDeps): AppError {
  const allow = allowFor(target, deps)
  c.header('Allow', allow)
  const why = deps.options.readOnly ? ' (the server is read-only)' : ''
  return new AppError(
    'method_not_allowed',
    `${c.req.method} is not allowed here${why}. Allowed: ${allow}.`,
  )
}

function read(c: Context, target: Target, deps: HandlerDeps): Response {
  const { store } = deps
  const url = new URL(c.req.url)
  if (target.kind === 'single') return sendJson(c, rowBody(store.single(target.resource.name)))
  if (target.kind === 'item') {
    const row = existing(c, target)
    if (url.search === '') return sendJson(c, rowBody(row))
    const query = parseItemQuery(url.searchParams, target.resource, store.schema)
    return sendJson(
      c,
      toJsonBody(shapeItem(row, query, target.resource, store.schema, deps.lookups)),
    )
  }
  const key = url.pathname + url.search
  const cached = deps.cache.get(key, store.version)
  if (cached !== undefined) return sendJson(c, cached.body, 200, cached.headers)
  const query = parseListQuery(url.searchParams, target.resource, store.schema)
  const parent = target.parents.at(-1)
  const where = parent && { field: parent.relation.field, value: String(parent.id) }
  const result = runListQuery(
    query,
    where ? { resource: target.resource.name, where } : { resource: target.resource.name },
    deps.lookups,
  )
  const headers: Record<string, string> = {}
  if (result.total !== undefined) headers['X-Total-Count'] = String(result.total)
  if (result.links !== undefined) headers['Link'] = linkHeader(url, result.links)
  const body = toJsonBody(result.body)
  deps.cache.set(key, store.version, { body, headers })
  return sendJson(c, body, 200, headers)
}

async function write(c: Context, target: Target, deps: HandlerDeps): Promise<Response> {
  const { store, options } = deps
  const method = c.req.method
  const name = target.resource.name
  if (method === 'DELETE' && target.kind === 'item') {
    const row = checkIfMatch(c, existing(c, target))
    const removed = options.fakeWrites ? row : await store.remove(name, target.id)
    if (removed === undefined) throw notFound(new URL(c.req.url).pathname)
    if (options.deleteMode === 'no-content') return c.body(null, 204)
    return sendJson(c, options.deleteMode === 'item' ? rowBody(removed) : toJsonBody({}))
  }
  const body = await readJsonBody(c)
  if (target.kind === 'single') {
    const current = checkIfMatch(c, store.single(name))
    const next = method === 'PUT' ? body : { ...current, ...body }
    const saved = options.fakeWrites ? next : await store.setSingle(name, next)
    return sendJson(c, rowBody(saved))
  }
  const kind: WriteKind = method === 'POST' ? 'create' : method === 'PUT' ? 'replace' : 'patch'
  const prepared = prepareWrite(
    kind,
    target.resource,
    withParentKeys(body, name, target.parents, store.schema),
    {
      exists: (resource, id) => store.get(resource, id) !== undefined,
    },
  )
  if (target.kind === 'collection') {
    const row = options.fakeWrites
      ? { ...prepared, id: prepared['id'] ?? store.peekNextId(name) }
      : await store.insert(name, prepared)
    c.header('Location', `/${name}/${encodeURIComponent(String(row['id']))}`)
    return sendJson(c, rowBody(row), 201)
  }
  const row = checkIfMatch(c, existing(c, target))
  const id = row['id'] as Id
  const saved = options.fakeWrites
    ? fakeUpdate(kind, row, prepared, id)
    : kind === 'replace'
      ? await store.replace(name, id, prepared)
      : await store.patch(name, id, prepared)
  if (saved === undefined) throw notFound(new URL(c.req.url).pathname)
  return sendJson(c, rowBody(saved))
}

function fakeUpdate(kind: WriteKind, row: Row, body: JsonObject, id: Id): Row {
  return kind === 'replace' ? { ...body, id } : { ...row, ...body, id }
}

/** A nested write sets every foreign key its path names, with the parents' own (typed) ids. */
function withParentKeys(
  body: JsonObject,
  resource: string,
  parents: readonly ParentLink[],
  schema: Schema,
): JsonObject {
  if (parents.length === 0) return body
  const keys: JsonObject = {}
  for (const parent of parents) {
    for (const relation of schema.relations) {
      if (relation.child === resource && relation.parent === parent.resource) {
        keys[relation.field] = parent.id
      }
    }
  }
  return { ...body, ...keys }
}

function existing(c: Context, target: Target & { kind: 'item' }): Row {
  if (target.row === undefined) throw notFound(new URL(c.req.url).pathname)
  return target.row
}

function checkIfMatch<T extends JsonObject>(c: Context, row: T): T {
  const header = c.req.header('if-match')
  if (header !== undefined && !matchesEtag(header, rowBody(row).etag)) {
    throw new AppError('precondition_failed', 'The item has changed since it was read (If-Match).')
  }
  return row
}

export function sendJson(
  c: Context,
  body: JsonBody,
  status: 200 | 201 = 200,
  headers: Readonly<Record<string, string>> = {},
): Response {
  if (status === 200 && matchesEtag(c.req.header('if-none-match'), body.etag)) {
    return c.body(null, 304, { ETag: body.etag, ...headers })
  }
  return c.body(body.text, status, {
    'Content-Type': 'application/json; charset=utf-8',
    ETag: body.etag,
    ...headers,
  })
}

export function sendError(c: Context, status: ContentfulStatusCode, body: ErrorBody): Response {
  return c.body(JSON.stringify(body, null, 2), status, {
    'Content-Type': 'application/json; charset=utf-8',
  })
}
