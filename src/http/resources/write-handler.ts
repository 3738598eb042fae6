import type { Context } from 'hono'
import type { ChangeFeed } from '../../feed/change-feed.ts'
import { storedId, type Id, type JsonObject, type Row } from '../../json.ts'
import type { ResourceSpec, Schema } from '../../schema/types.ts'
import type { EventChange } from '../../feed/event-change.ts'
import { removalEvents } from '../../feed/removal-events.ts'
import type { Database } from '../../store/database.ts'
import { resourcePath } from '../../routes/resource-path.ts'
import { validateWrite, type WriteContext, type WriteKind } from '../../validate/validate-write.ts'
import type { AppOptions } from '../../app-options.ts'
import { rowBody, toJsonBody } from '../answer/json-body.ts'
import { formFields, type FormFields } from '../request/form-body.ts'
import { checkPreconditions, existing } from './preconditions.ts'
import { readJsonBody } from '../request/read-json-body.ts'
import { splitUrl } from '../request/path-segments.ts'
import { notFound } from '../routing/not-found.ts'
import type { ParentLink, Target } from '../routing/resolve-target.ts'
import { sendEmpty, sendJson, sendWritten } from '../answer/send-json.ts'
import type { WriteGuard } from '../auth/write-guard.ts'

export type WriteDeps = {
  readonly store: Database
  readonly options: AppOptions
  /** Owner checks and password hashing when auth is on. */
  readonly guard?: WriteGuard | undefined
  /** Where fake writes are told. */
  readonly feed: Pick<ChangeFeed, 'publish'>
  /** The session prefix the request came through ('' for none): `Location` starts with it. */
  readonly base: string
}

type Single = Target & { kind: 'single' }
type Collection = Target & { kind: 'collection' }
type Item = Target & { kind: 'item' }

/**
 * POST, PUT, PATCH and DELETE: 404, then preconditions (412), then the body (415, 400, 422), then
 * validation (422, 409). Under `fakeWrites` every check runs and the answer is what a real write
 * would give, but nothing changes (and no id is used up); the feed hears it marked as fake. Real
 * writes reach the feed through the store, once they are on disk.
 */
export async function write(c: Context, target: Target, deps: WriteDeps): Promise<Response> {
  if (target.kind === 'single') return writeSingle(c, target, deps)
  if (target.kind === 'collection') return create(c, target, deps)
  const row = checkPreconditions(c, existing(c, target))
  if (c.req.method === 'DELETE') {
    await deps.guard?.change(target.resource.name, row, undefined, 'patch')
    return remove(c, target.resource, row, deps)
  }
  return update(c, target, row, deps)
}

/** PUT and PATCH on a singular resource; POST creates or replaces it, as in json-server 0.17. */
async function writeSingle(c: Context, target: Single, deps: WriteDeps): Promise<Response> {
  const { store, options } = deps
  const { resource } = target
  const method = c.req.method
  const current = checkPreconditions(c, store.single(resource.name))
  const kind = method === 'PATCH' ? 'patch' : 'replace'
  const sent = await readJsonBody(c, formFields(resource, noRows, current))
  const body = validateWrite(kind, resource, sent, context(store))
  const next = kind === 'replace' ? body : { ...current, ...body }
  const name = resource.name
  if (options.fakeWrites) {
    fake(deps, [{ type: 'updated', resource: name, id: null, item: next, previous: current }])
  }
  const saved = toJsonBody(options.fakeWrites ? next : await store.setSingle(name, next))
  return method === 'POST'
    ? sendWritten(c, saved, 201, { Location: resourcePath(deps.base, resource.name) })
    : sendWritten(c, saved)
}

/** POST on a list: 201 with the new item and its `Location`. */
async function create(c: Context, target: Collection, deps: WriteDeps): Promise<Response> {
  const { store, options } = deps
  const { resource } = target
  const { name, idKey } = resource
  const sent = await readJsonBody(c, listForm(resource, store))
  const body = withParentKeys(sent, name, target.parents, store.schema)
  const owned = deps.guard === undefined ? body : await deps.guard.create(name, body)
  const created = validateWrite('create', resource, owned, context(store))
  let row: Row
  if (options.fakeWrites) {
    row = { ...created, [idKey]: created[idKey] ?? store.peekNextId(name) }
    fake(deps, [{ type: 'created', resource: name, id: storedId(row, idKey), item: row }])
  } else {
    row = await store.insert(name, created)
  }
  const location = resourcePath(deps.base, name, storedId(row, idKey))
  return sendWritten(c, toJsonBody(shown(deps, name, row)), 201, { Location: location })
}

/** PUT (replace) and PATCH (merge) on an item. */
async function update(c: Context, target: Item, row: Row, deps: WriteDeps): Promise<Response> {
  const { store, options } = deps
  const { resource } = target
  const { name, idKey } = resource
  const id = storedId(row, idKey)
  const kind: WriteKind = c.req.method === 'PUT' ? 'replace' : 'patch'
  const sent = await readJsonBody(c, listForm(resource, store))
  const read = withParentKeys(sent, name, target.parents, store.schema)
  const body = (await deps.guard?.change(name, row, read, kind)) ?? read
  const changes = validateWrite(kind, resource, body, context(store, id))
  let saved: Row | undefined
  if (options.fakeWrites) {
    saved = fakeUpdate(kind, row, changes, { [resource.idKey]: id })
    fake(deps, [{ type: 'updated', resource: name, id, item: saved, previous: row }])
  } else {
    saved =
      kind === 'replace'
        ? await store.replace(name, id, changes)
        : await store.patch(name, id, changes)
  }
  if (saved === undefined) throw notFound(splitUrl(c.req.url).pathname)
  return sendWritten(c, toJsonBody(shown(deps, name, saved)))
}

function listForm(resource: ResourceSpec, store: Database): FormFields {
  return formFields(resource, () => store.list(resource.name), undefined)
}

function shown(deps: WriteDeps, resource: string, row: Row): Row {
  return deps.guard === undefined ? row : deps.guard.present(resource, row)
}

const noRows = (): readonly Row[] => []

function context(store: Database, currentId?: Id): WriteContext {
  return {
    exists: (resource, id) => store.get(resource, id) !== undefined,
    rows: (resource) => store.list(resource),
    currentId,
  }
}

async function remove(
  c: Context,
  resource: ResourceSpec,
  row: Row,
  deps: WriteDeps,
): Promise<Response> {
  const { store, options } = deps
  const id = storedId(row, resource.idKey)
  // Fake writes give the 409 a real delete would, and change nothing.
  if (options.fakeWrites) {
    const idKeyOf = (name: string): string => store.schema.resources.get(name)?.idKey ?? 'id'
    fake(deps, removalEvents(store.removalPlan(resource.name, row), idKeyOf))
  }
  const removed = options.fakeWrites ? row : await store.remove(resource.name, id)
  if (removed === undefined) throw notFound(splitUrl(c.req.url).pathname)
  if (options.deleteMode === 'no-content') return sendEmpty(c, 204)
  return sendJson(
    c,
    options.deleteMode === 'item' ? rowBody(shown(deps, resource.name, removed)) : toJsonBody({}),
  )
}

function fake(deps: WriteDeps, changes: readonly EventChange[]): void {
  deps.feed.publish(changes, { fake: true })
}

function fakeUpdate(kind: WriteKind, row: Row, body: JsonObject, id: JsonObject): Row {
  return kind === 'replace' ? { ...body, ...id } : { ...row, ...body, ...id }
}

/**
 * A nested write sets the foreign key its parent's route uses, and the key of every ancestor the
 * path names that reaches this resource by exactly one relation, with the parents' own (typed) ids.
 */
function withParentKeys(
  body: JsonObject,
  resource: string,
  parents: readonly ParentLink[],
  schema: Schema,
): JsonObject {
  const parent = parents.at(-1)
  if (parent === undefined) return body
  const keys: JsonObject = {}
  for (const ancestor of parents.slice(0, -1)) {
    const links = schema.relations.filter(
      (relation) => relation.child === resource && relation.parent === ancestor.resource,
    )
    const [only] = links
    if (links.length === 1 && only !== undefined) keys[only.field] = ancestor.id
  }
  keys[parent.relation.field] = parent.id
  return { ...body, ...keys }
}
