import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import {
  isJsonObject,
  storedId,
  type Id,
  type JsonObject,
  type JsonValue,
  type Row,
} from '../../json.ts'
import type { OperationBinding } from '../../openapi-import/binding.ts'
import type { BodyCheck } from '../../openapi-import/check-body.ts'
import { sampleValue } from '../../openapi-import/sample-value.ts'
import type { Database } from '../../store/database.ts'
import { answer, type HeaderRecord } from '../answer/answer-headers.ts'
import type { AppOptions } from '../../app-options.ts'
import { notFound } from '../routing/not-found.ts'
import type { Matched } from './match-operation.ts'
import { itemsSchema, present, wrap } from './present.ts'
import { requestBody } from './request-body.ts'

export type OperationDeps = {
  readonly store: Database
  readonly options: AppOptions
  readonly answers: string | undefined
  readonly checkBody: BodyCheck
}

const WRITES: ReadonlySet<string> = new Set([
  'create',
  'replace',
  'patch',
  'patch-by-query',
  'delete',
  'replace-by-body',
])
const PAGE_PARAMS = ['page']
const LIMIT_PARAMS = ['limit', 'per_page', 'perPage', 'pageSize', 'page_size', 'size']

/** Runs a document operation against fauxrest's state and answers in the document's shapes. */
export async function answerOperation(
  c: Context,
  found: Matched,
  deps: OperationDeps,
): Promise<Response> {
  const { op, params } = found
  const { store, options } = deps
  const url = new URL(c.req.url)
  const self = `${url.origin}${url.pathname}`
  const writes = WRITES.has(op.action)
  if (writes && options.readOnly) {
    throw new AppError(
      'method_not_allowed',
      `${op.method} is not allowed here (the server is read-only).`,
      {
        headers: { Allow: 'GET, HEAD' },
      },
    )
  }
  const parentIds = parents(op, params, store, url.pathname)
  const resource = op.resource ?? ''
  const last = [...params.values()].at(-1) ?? ''
  switch (op.action) {
    case 'list':
    case 'search': {
      let rows = store
        .list(resource)
        .filter((row) => parentIds.every(([field, id]) => String(row[field]) === String(id)))
      if (op.action === 'search') rows = rows.filter(matchesQuery(op, url.searchParams))
      return listAnswer(c, op, rows, url)
    }
    case 'read':
      return send(c, op, present(item(store, op, last, url.pathname), op.success.schema, { self }))
    case 'create': {
      const body = objectBody(await requestBody(c, op, deps.checkBody))
      for (const [field, id] of parentIds) body[field] = id
      const row = options.fakeWrites
        ? { ...body, id: body['id'] ?? store.peekNextId(resource) }
        : await store.insert(resource, body)
      const location = `${self}/${encodeURIComponent(String(row[op.key] ?? row['id']))}`
      return send(c, op, present(row, op.success.schema, { self: location }), {
        Location: location,
      })
    }
    case 'replace':
    case 'patch':
    case 'replace-by-body': {
      const body = objectBody(await requestBody(c, op, deps.checkBody))
      const key = op.action === 'replace-by-body' ? String(body[op.key] ?? '') : last
      const current = item(store, op, key, url.pathname)
      const id = storedId(current, 'id')
      for (const [field, parentId] of parentIds) body[field] = parentId
      const saved = options.fakeWrites
        ? { ...(op.action === 'patch' ? current : {}), ...body, id }
        : op.action === 'patch'
          ? await store.patch(resource, id, body)
          : await store.replace(resource, id, { ...body, id })
      if (saved === undefined) throw notFound(url.pathname)
      return send(c, op, present(saved, op.success.schema, { self }))
    }
    case 'patch-by-query': {
      const current = item(store, op, last, url.pathname)
      const changes: JsonObject = {}
      for (const name of op.query) {
        const value = url.searchParams.get(name)
        if (value !== null) changes[name] = typedLike(current[name], value)
      }
      const id = storedId(current, 'id')
      const saved = options.fakeWrites
        ? { ...current, ...changes }
        : await store.patch(resource, id, changes)
      if (saved === undefined) throw notFound(url.pathname)
      return send(c, op, present(saved, op.success.schema, { self }))
    }
    case 'delete': {
      const current = item(store, op, last, url.pathname)
      if (!options.fakeWrites) await store.remove(resource, storedId(current, 'id'))
      return send(c, op, present(current, op.success.schema, { self }))
    }
    case 'count': {
      // Every declared value, then whatever else the items hold, in the order they come.
      const counts: Record<string, number> = {}
      for (const value of op.counted ?? []) counts[value] = 0
      for (const row of store.list(resource)) {
        const value = row[op.key]
        if (typeof value === 'string' || typeof value === 'number') {
          counts[String(value)] = (counts[String(value)] ?? 0) + 1
        }
      }
      return send(c, op, counts)
    }
    case 'answer': {
      await requestBody(c, op, deps.checkBody)
      const generated =
        deps.answers === undefined ? undefined : store.single(deps.answers)[op.operationId]
      const value =
        generated ??
        (op.success.schema === undefined ? null : sampleValue(op.success.schema, op.pointer))
      return send(c, op, present(value, op.success.schema, { self }))
    }
  }
}

/** The ids of the ancestors the path names, as child field → id; 404 when one does not exist. */
function parents(
  op: OperationBinding,
  params: ReadonlyMap<string, string>,
  store: Database,
  path: string,
): [string, Id][] {
  const out: [string, Id][] = []
  for (const parent of op.parents) {
    const value = params.get(parent.param) ?? ''
    const row = findRow(store, parent.resource, parent.key, value)
    if (row === undefined) throw notFound(path)
    out.push([parent.field, storedId(row, 'id')])
  }
  return out
}

function item(store: Database, op: OperationBinding, key: string, path: string): Row {
  const row = findRow(store, op.resource ?? '', op.key, key)
  if (row === undefined) throw notFound(path)
  return row
}

function findRow(store: Database, resource: string, key: string, value: string): Row | undefined {
  if (key === 'id') return store.get(resource, value)
  return store.list(resource).find((row) => String(row[key]) === value)
}

// A query value takes the type the field holds (`?petId=3` stays a number where ids are numbers).
function typedLike(current: JsonValue | undefined, text: string): JsonValue {
  if (typeof current === 'number' && Number.isFinite(Number(text))) return Number(text)
  if (typeof current === 'boolean' && (text === 'true' || text === 'false')) return text === 'true'
  return text
}

function objectBody(value: unknown): JsonObject {
  return isJsonObject(value) ? { ...(value as JsonObject) } : {}
}

/** `?status=sold` keeps items whose `status` is `sold`; an array field matches an element (or its `name`). */
function matchesQuery(op: OperationBinding, query: URLSearchParams): (row: Row) => boolean {
  const filters = op.query
    .filter((name) => query.has(name))
    .map((name) => ({ name, values: query.getAll(name).flatMap((v) => v.split(',')) }))
  return (row) =>
    filters.every(({ name, values }) => {
      if (!(name in row)) return true
      const field = row[name]
      const candidates = Array.isArray(field)
        ? field.flatMap(elementValues)
        : elementValues(field ?? null)
      return candidates.some((candidate) => values.includes(candidate))
    })
}

function elementValues(value: JsonValue): string[] {
  if (isJsonObject(value))
    return ['name', 'id'].filter((k) => k in value).map((k) => String(value[k]))
  return [String(value)]
}

function listAnswer(c: Context, op: OperationBinding, rows: readonly Row[], url: URL): Response {
  const query = url.searchParams
  const pageName = op.query.find((name) => PAGE_PARAMS.includes(name))
  const limitName = op.query.find((name) => LIMIT_PARAMS.includes(name))
  // A page size the request leaves out is the one the document declares (`default: 20`).
  const limit = positive(valueOf(op, query, limitName))
  const page = positive(valueOf(op, query, pageName)) ?? 1
  const shown = limit === undefined ? rows : rows.slice((page - 1) * limit, page * limit)
  const links: { self: string; next?: string; prev?: string } = { self: url.href }
  if (limit !== undefined && pageName !== undefined) {
    const at = (n: number): string => {
      const next = new URL(url)
      next.searchParams.set(pageName, String(n))
      return next.href
    }
    if (page * limit < rows.length) links.next = at(page + 1)
    if (page > 1) links.prev = at(page - 1)
  }
  const schema = itemsSchema(op.success.schema, op.wrapper?.itemsKey)
  const items = shown.map((row) =>
    present(row, schema, {
      self: `${url.origin}${url.pathname}/${encodeURIComponent(String(row[op.key] ?? row['id']))}`,
    }),
  )
  const body =
    op.wrapper === undefined ? items : wrap(items, op.wrapper.schema, op.wrapper.itemsKey, links)
  return send(c, op, body, { 'X-Total-Count': String(rows.length) })
}

/** A query parameter's value, else its declared default. */
function valueOf(
  op: OperationBinding,
  query: URLSearchParams,
  name: string | undefined,
): string | null {
  if (name === undefined) return null
  const given = query.get(name)
  if (given !== null) return given
  const declared = op.parameters.find((p) => p.in === 'query' && p.name === name)?.schema['default']
  return typeof declared === 'number' || typeof declared === 'string' ? String(declared) : null
}

function positive(text: string | null): number | undefined {
  const value = Number(text)
  return text !== null && Number.isSafeInteger(value) && value > 0 ? value : undefined
}

/** The declared success status, media type and headers; no body when the document declares none. */
function send(
  c: Context,
  op: OperationBinding,
  value: JsonValue,
  extra: HeaderRecord = {},
): Response {
  const { success } = op
  const headers: Record<string, string> = { ...extra }
  for (const header of success.headers) headers[header.name] = header.value
  if (success.mediaType === undefined || success.status === 204 || success.status === 304) {
    return answer(c, null, success.status, headers)
  }
  headers['Content-Type'] =
    success.mediaType === 'application/json' ? 'application/json; charset=utf-8' : success.mediaType
  return answer(c, JSON.stringify(value, null, 2), success.status, headers)
}
