import type { Low } from 'lowdb'
import { AppError } from '../errors.ts'
import { hasOwn, isId, isJsonObject } from '../json.ts'
import type { Data, Id, JsonObject, Row } from '../json.ts'
import type { Schema } from '../schema/types.ts'
import { checkData } from './check-data.ts'
import type { DbFileAdapter, ResourceTexts } from './db-file-adapter.ts'
import { fsReason } from './fs-reason.ts'
import { NO_ROWS } from './indices.ts'
import { MEMORY, fill, openDb } from './open-db.ts'
import type { Generate, OpenDbOptions, OpenedDb } from './open-db.ts'
import { planRemoval } from './remove-plan.ts'
import { copyObject, mergeRow, withId } from './rows.ts'
import { parseResource } from './serialize.ts'
import { Table } from './table.ts'

export type StoreOptions = OpenDbOptions

/**
 * The database: rows in memory with an id index and foreign-key indices, persisted through lowdb.
 * Every mutation changes memory at once, then resolves when a file write holding it completes.
 * Stored rows are never changed in place: an update stores a new object.
 */
export class Store {
  readonly schema: Schema
  /** Absolute path of the database file; `undefined` in memory. */
  readonly file: string | undefined
  readonly #low: Low<Data>
  readonly #adapter: DbFileAdapter | undefined
  readonly #startup: () => ResourceTexts
  readonly #generate: Generate
  readonly #refFields = new Map<string, string[]>()
  readonly #tables = new Map<string, Table>()
  #version = 0
  #closed = false

  static async open(options: StoreOptions): Promise<Store> {
    return new Store(options, await openDb(options))
  }

  private constructor(options: StoreOptions, opened: OpenedDb) {
    this.schema = options.schema
    this.#low = opened.low
    this.#adapter = opened.adapter
    this.#startup = opened.startup
    this.#generate = options.generate
    this.file = opened.adapter?.path
    for (const { child, field } of this.schema.relations) {
      this.#refFields.set(child, [...(this.#refFields.get(child) ?? []), field])
    }
    this.#rebuild(this.schema.resources.keys())
    if (this.#adapter) this.#adapter.onFailure = (names) => this.#rollback(names)
  }

  /** Increments on every change in memory. */
  get version(): number {
    return this.#version
  }

  /** Completed file writes (0 in memory). */
  get writes(): number {
    return this.#adapter?.writes ?? 0
  }

  list(resource: string): readonly Row[] {
    return this.#table(resource).rows
  }

  get(resource: string, id: Id | string): Row | undefined {
    return this.#table(resource).index.byId.get(String(id))
  }

  byRef(child: string, field: string, parentId: Id | string): readonly Row[] {
    return this.#table(child).index.byRef.get(field)?.get(String(parentId)) ?? NO_ROWS
  }

  single(resource: string): JsonObject {
    const value = this.#low.data[resource]
    if (!isJsonObject(value)) throw new Error(`${resource} is not a singular resource`)
    return value
  }

  data(): Readonly<Data> {
    return this.#low.data
  }

  /** The id the next insert without a client id gets; asking does not use it up. */
  peekNextId(resource: string): Id {
    return this.#table(resource).peekId()
  }

  async insert(resource: string, body: JsonObject): Promise<Row> {
    this.#writable()
    const table = this.#table(resource)
    const clientId = body['id']
    let row: Row
    if (hasOwn(body, 'id') && isId(clientId)) {
      row = copyObject(body)
      table.noteId(clientId)
    } else {
      row = withId(body, table.takeId())
    }
    table.append(row)
    this.#changed(resource)
    await this.#commit()
    return row
  }

  async replace(resource: string, id: Id | string, body: JsonObject): Promise<Row | undefined> {
    return this.#update(resource, id, (row) => withId(body, isId(row['id']) ? row['id'] : id))
  }

  async patch(resource: string, id: Id | string, body: JsonObject): Promise<Row | undefined> {
    return this.#update(resource, id, (row) => mergeRow(row, body))
  }

  async remove(resource: string, id: Id | string): Promise<Row | undefined> {
    this.#writable()
    const row = this.get(resource, id)
    if (row === undefined) return undefined
    const children = (child: string, field: string, parentId: Id) =>
      this.byRef(child, field, parentId)
    const plan = planRemoval(resource, row, this.schema.relations, children)
    if (plan.blocked.length > 0) {
      const where = plan.blocked.map((issue) => issue.path).join(', ')
      const message = `Cannot delete ${resource} ${JSON.stringify(row['id'])}: ${where} refer to it.`
      throw new AppError('conflict', message, { details: plan.blocked })
    }
    for (const [name, rows] of plan.removed) {
      this.#table(name).removeAll(rows)
      this.#changed(name)
    }
    for (const [name, fields] of plan.nullified) {
      const table = this.#table(name)
      for (const [child, keys] of fields) {
        table.swap(child, mergeRow(child, Object.fromEntries(keys.map((key) => [key, null]))))
      }
      this.#changed(name)
    }
    await this.#commit()
    return row
  }

  async setSingle(resource: string, value: JsonObject): Promise<JsonObject> {
    this.#writable()
    this.single(resource)
    const stored = copyObject(value)
    this.#low.data[resource] = stored
    this.#changed(resource)
    await this.#commit()
    return stored
  }

  /** Back to the data the store was opened with; ids handed out since are still not reused. */
  async reset(): Promise<void> {
    this.#writable()
    const texts = this.#startup()
    const previous = Object.keys(this.#low.data)
    const data: Data = {}
    for (const [name, bytes] of texts) data[name] = asResource(parseResource(bytes))
    this.#low.data = data
    for (const name of previous) this.#adapter?.touch(name)
    for (const [name, bytes] of texts) this.#adapter?.adopt(name, bytes)
    this.#rebuild([...previous, ...texts.keys()])
    this.#version++
    await this.#commit()
  }

  /** Swaps in new data (a reloaded file, say): resources it lacks are generated, then all is saved. */
  async replaceAll(data: Data): Promise<void> {
    this.#writable()
    const checked = checkData(data, this.schema, this.file ?? MEMORY)
    const next = fill(this.schema, checked, this.#generate, false)
    const names = new Set([...Object.keys(this.#low.data), ...Object.keys(next)])
    this.#low.data = next
    for (const name of names) this.#adapter?.touch(name)
    this.#rebuild(names)
    this.#version++
    await this.#commit()
  }

  /** Resolves when every change made so far is on disk (or was undone by a failed write). */
  async flush(): Promise<void> {
    await this.#adapter?.idle()
  }

  /** Refuses further changes, then waits for the pending ones to reach the disk. */
  async close(): Promise<void> {
    this.#closed = true
    await this.flush()
  }

  async #update(resource: string, id: Id | string, change: (row: Row) => Row) {
    this.#writable()
    const table = this.#table(resource)
    const row = table.index.byId.get(String(id))
    if (row === undefined) return undefined
    const next = change(row)
    table.swap(row, next)
    this.#changed(resource)
    await this.#commit()
    return next
  }

  #table(resource: string): Table {
    const table = this.#tables.get(resource)
    if (table === undefined) throw new Error(`${resource} is not a plural resource`)
    return table
  }

  #writable(): void {
    if (this.#closed) throw new AppError('unavailable', 'The database is closed.')
  }

  #changed(resource: string): void {
    this.#version++
    this.#adapter?.touch(resource)
  }

  async #commit(): Promise<void> {
    try {
      await this.#low.write()
    } catch (error) {
      const reason = fsReason(error)
      throw new AppError('unavailable', `The change could not be saved: ${reason}`, {
        cause: error,
      })
    }
  }

  /** Indexes these resources afresh from the data; integer counters only move forward. */
  #rebuild(names: Iterable<string>): void {
    for (const name of names) {
      const spec = this.schema.resources.get(name)
      const rows = this.#low.data[name]
      if (spec === undefined || spec.singular || !Array.isArray(rows)) continue
      const table = this.#tables.get(name)
      if (table) table.reload(rows)
      else this.#tables.set(name, new Table(spec, rows, this.#refFields.get(name) ?? []))
    }
  }

  /** A write failed: memory goes back to what the file holds for these resources. */
  #rollback(names: ReadonlySet<string>): void {
    const texts = this.#adapter?.texts() ?? new Map<string, Uint8Array>()
    for (const name of names) {
      const bytes = texts.get(name)
      if (bytes === undefined) delete this.#low.data[name]
      else this.#low.data[name] = asResource(parseResource(bytes))
    }
    this.#rebuild(names)
    this.#version++
  }
}

// Parsed from text the store wrote or checked at open; members outside the schema stay as they are.
function asResource(value: unknown): Row[] | JsonObject {
  return value as Row[] | JsonObject
}
