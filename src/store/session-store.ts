import { isId, isJsonObject } from '../json.ts'
import type { Data, Id, JsonObject, Row } from '../json.ts'
import type { Schema } from '../schema/types.ts'
import type { Change, CommitCause } from './change.ts'
import { checkedRemoval } from './checked-removal.ts'
import type { CommitListener, Database } from './database.ts'
import { IdSource } from './id-source.ts'
import { Overlay } from './overlay.ts'
import type { RemovalPlan } from './remove-plan.ts'
import { copyObject, mergeRow, replaceRow } from './rows.ts'
import type { StartupView } from './startup-view.ts'
import { refFieldsOf } from './tables.ts'

/**
 * A private copy-on-write view of the database: it reads the startup data (shared, never copied)
 * through an overlay per resource that holds only what this view changed, with its own id
 * counters. It lives in memory only; its changes reach its listeners at once.
 */
export class SessionStore implements Database {
  readonly schema: Schema
  readonly #startup: StartupView
  readonly #refFields: ReadonlyMap<string, readonly string[]>
  readonly #overlays = new Map<string, Overlay>()
  readonly #singles = new Map<string, JsonObject>()
  /** Kept across resets: ids are never handed out twice in one session. */
  readonly #ids = new Map<string, IdSource>()
  readonly #listeners = new Set<CommitListener>()
  #version = 0

  constructor(startup: StartupView) {
    this.schema = startup.schema
    this.#startup = startup
    this.#refFields = refFieldsOf(startup.schema)
  }

  get version(): number {
    return this.#version
  }

  /** Rows (and singular objects) this session holds because it changed them. */
  get size(): number {
    let rows = this.#singles.size
    for (const overlay of this.#overlays.values()) rows += overlay.size
    return rows
  }

  /** What this session holds, for an estimate of its memory. */
  held(): JsonObject[] {
    const held: JsonObject[] = [...this.#singles.values()]
    for (const overlay of this.#overlays.values()) held.push(...overlay.held())
    return held
  }

  list(resource: string): readonly Row[] {
    const overlay = this.#overlays.get(resource)
    return overlay === undefined ? this.#startup.rows(resource) : overlay.rows()
  }

  get(resource: string, id: Id | string): Row | undefined {
    const overlay = this.#overlays.get(resource)
    const key = String(id)
    return overlay === undefined ? this.#startup.byId(resource, key) : overlay.byId(key)
  }

  byRef(child: string, field: string, parentId: Id | string): readonly Row[] {
    const overlay = this.#overlays.get(child)
    const key = String(parentId)
    return overlay === undefined
      ? this.#startup.byRef(child, field, key)
      : overlay.byRef(field, key)
  }

  single(resource: string): JsonObject {
    const value = this.#singles.get(resource) ?? this.#startup.value(resource)
    if (!isJsonObject(value)) throw new Error(`${resource} is not a singular resource`)
    return value
  }

  data(): Readonly<Data> {
    const data: Data = {}
    for (const name of this.#startup.names()) {
      const value = this.#startup.value(name)
      data[name] = Array.isArray(value) ? [...this.list(name)] : this.single(name)
    }
    return data
  }

  peekNextId(resource: string): Id {
    return this.#idSource(resource).peek()
  }

  onCommit(listener: CommitListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  async insert(resource: string, body: JsonObject): Promise<Row> {
    const overlay = this.#overlay(resource)
    const row = overlay.ids.rowFor(body, this.#idKey(resource))
    overlay.append(row)
    this.#commit([{ op: 'insert', resource, row }])
    return row
  }

  async replace(resource: string, id: Id | string, body: JsonObject): Promise<Row | undefined> {
    const idKey = this.#idKey(resource)
    return this.#update(resource, id, (row) => replaceRow(row, body, idKey, id))
  }

  async patch(resource: string, id: Id | string, body: JsonObject): Promise<Row | undefined> {
    const idKey = this.#idKey(resource)
    return this.#update(resource, id, (row) => mergeRow(row, body, idKey))
  }

  removalPlan(resource: string, row: Row): RemovalPlan {
    return checkedRemoval(this.schema, resource, row, (child, field, parentId) =>
      this.byRef(child, field, parentId),
    )
  }

  async remove(resource: string, id: Id | string): Promise<Row | undefined> {
    const row = this.get(resource, id)
    if (row === undefined) return undefined
    const plan = this.removalPlan(resource, row)
    const changes: Change[] = []
    for (const [name, rows] of plan.removed) {
      const overlay = this.#overlay(name)
      const idKey = this.#idKey(name)
      for (const gone of rows) {
        overlay.remove(gone)
        const goneId = gone[idKey]
        if (isId(goneId)) changes.push({ op: 'delete', resource: name, id: goneId, previous: gone })
      }
    }
    for (const [name, fields] of plan.nullified) {
      const overlay = this.#overlay(name)
      const idKey = this.#idKey(name)
      for (const [was, keys] of fields) {
        const next = mergeRow(was, Object.fromEntries(keys.map((key) => [key, null])), idKey)
        overlay.swap(was, next)
        changes.push({ op: 'update', resource: name, row: next, previous: was })
      }
    }
    this.#commit(changes)
    return row
  }

  async setSingle(resource: string, value: JsonObject): Promise<JsonObject> {
    const was = this.single(resource)
    const stored = copyObject(value)
    this.#singles.set(resource, stored)
    this.#commit([{ op: 'set', resource, value: stored, previous: was }])
    return stored
  }

  /** Back to the startup data; ids handed out in this session are still not reused. */
  async reset(): Promise<void> {
    this.#overlays.clear()
    this.#singles.clear()
    this.#commit([], 'reset')
  }

  #update(resource: string, id: Id | string, change: (row: Row) => Row): Row | undefined {
    const row = this.get(resource, id)
    if (row === undefined) return undefined
    const next = change(row)
    this.#overlay(resource).swap(row, next)
    this.#commit([{ op: 'update', resource, row: next, previous: row }])
    return next
  }

  #commit(changes: readonly Change[], cause?: CommitCause): void {
    this.#version++
    for (const listener of this.#listeners) listener(changes, cause)
  }

  #idKey(resource: string): string {
    return this.schema.resources.get(resource)?.idKey ?? 'id'
  }

  #overlay(resource: string): Overlay {
    let overlay = this.#overlays.get(resource)
    const spec = this.schema.resources.get(resource)
    if (spec === undefined || spec.singular) throw new Error(`${resource} is not a plural resource`)
    if (overlay === undefined) {
      const base = () => this.#startup.table(resource)
      const fields = this.#refFields.get(resource) ?? []
      overlay = new Overlay(spec, base, fields, this.#idSource(resource))
      this.#overlays.set(resource, overlay)
    }
    return overlay
  }

  #idSource(resource: string): IdSource {
    let ids = this.#ids.get(resource)
    const spec = this.schema.resources.get(resource)
    const table = this.#startup.table(resource)
    if (spec === undefined || table === undefined)
      throw new Error(`${resource} is not a plural resource`)
    if (ids === undefined) {
      ids = IdSource.from(spec, table.ids)
      this.#ids.set(resource, ids)
    }
    return ids
  }
}
