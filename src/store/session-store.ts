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
import type { SessionEntry, SessionJournal } from './session-journal.ts'
import type { StartupView } from './startup-view.ts'
import { refFieldsOf } from './tables.ts'

/**
 * A private copy-on-write view of the database: it reads the startup data (shared, never copied)
 * through an overlay per resource that holds only what this view changed, with its own id
 * counters. It lives in memory, and its changes reach its listeners at once; given a journal
 * (keepIn), each change is kept there before it is answered, and `restore` reads them back.
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
  #journal: SessionJournal | undefined

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

  /** From now on every change is kept in `journal`, and a write resolves once it is durable. */
  keepIn(journal: SessionJournal): void {
    this.#journal = journal
  }

  /** Applies what a journal kept (before it is kept in again): the session as it was left. */
  restore(entries: readonly SessionEntry[]): void {
    for (const entry of entries) {
      if (entry.op === 'reset') {
        this.#overlays.clear()
        this.#singles.clear()
        for (const [resource, next] of Object.entries(entry.next)) {
          if (next > 1) this.#idSource(resource).note(next - 1)
        }
        continue
      }
      if (entry.op === 'set') {
        this.#singles.set(entry.resource, entry.value)
        continue
      }
      const overlay = this.#overlay(entry.resource)
      if (entry.op === 'insert') {
        const id = entry.row[this.#idKey(entry.resource)]
        if (isId(id)) overlay.ids.note(id)
        overlay.append(entry.row)
        continue
      }
      const id = entry.op === 'delete' ? entry.id : entry.row[this.#idKey(entry.resource)]
      const current = isId(id) ? this.get(entry.resource, id) : undefined
      if (current === undefined) continue
      if (entry.op === 'delete') overlay.remove(current)
      else overlay.swap(current, entry.row)
    }
    this.#version++
  }

  async insert(resource: string, body: JsonObject): Promise<Row> {
    const overlay = this.#overlay(resource)
    const row = overlay.ids.rowFor(body, this.#idKey(resource))
    overlay.append(row)
    await this.#commit([{ op: 'insert', resource, row }])
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
    await this.#commit(changes)
    return row
  }

  async setSingle(resource: string, value: JsonObject): Promise<JsonObject> {
    const was = this.single(resource)
    const stored = copyObject(value)
    this.#singles.set(resource, stored)
    await this.#commit([{ op: 'set', resource, value: stored, previous: was }])
    return stored
  }

  /** Back to the startup data; ids handed out in this session are still not reused. */
  async reset(): Promise<void> {
    this.#overlays.clear()
    this.#singles.clear()
    await this.#commit([], 'reset')
  }

  async #update(
    resource: string,
    id: Id | string,
    change: (row: Row) => Row,
  ): Promise<Row | undefined> {
    const row = this.get(resource, id)
    if (row === undefined) return undefined
    const next = change(row)
    this.#overlay(resource).swap(row, next)
    await this.#commit([{ op: 'update', resource, row: next, previous: row }])
    return next
  }

  /** Tells the listeners, once the journal (if any) holds the changes. */
  #commit(changes: readonly Change[], cause?: CommitCause): Promise<void> | undefined {
    this.#version++
    const kept = this.#journal?.append(
      cause === 'reset' ? [{ op: 'reset', next: this.#nextIds() }] : changes.map(toEntry),
    )
    if (kept === undefined) {
      for (const listener of this.#listeners) listener(changes, cause)
      return undefined
    }
    return kept.then(() => {
      for (const listener of this.#listeners) listener(changes, cause)
    })
  }

  /** Where each integer id counter of the session stands. */
  #nextIds(): Record<string, number> {
    const next: Record<string, number> = {}
    for (const [resource, ids] of this.#ids) {
      if (this.schema.resources.get(resource)?.id === 'integer') next[resource] = Number(ids.peek())
    }
    return next
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

function toEntry(change: Change): SessionEntry {
  switch (change.op) {
    case 'insert':
    case 'update':
      return { op: change.op, resource: change.resource, row: change.row }
    case 'delete':
      return { op: 'delete', resource: change.resource, id: change.id }
    case 'set':
      if (!isJsonObject(change.value)) throw new Error(`${change.resource} is not singular`)
      return { op: 'set', resource: change.resource, value: change.value }
    default:
      throw new Error(`a session makes no ${change.op} change`)
  }
}
