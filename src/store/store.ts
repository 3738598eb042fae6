import type { Low } from 'lowdb'
import { AppError } from '../errors.ts'
import { hasOwn, isId, isIntegerId, isJsonObject } from '../json.ts'
import type { Data, Id, JsonObject, Row } from '../json.ts'
import type { Schema } from '../schema/types.ts'
import { checkData, invalidDatabase } from './check-data.ts'
import type { DbFileAdapter, ResourceTexts } from './db-file-adapter.ts'
import { fsReason } from './fs-reason.ts'
import { NO_ROWS } from './indices.ts'
import { MEMORY, fill, openDb, saveOpened } from './open-db.ts'
import type { Generate, OpenDbOptions, OpenedDb } from './open-db.ts'
import { planRemoval, type RemovalPlan } from './remove-plan.ts'
import { copyObject, mergeRow, withId } from './rows.ts'
import { restoreFrom, startupData } from './startup-data.ts'
import { Tables } from './tables.ts'

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
  readonly #generate: Generate
  readonly #tables: Tables
  #startup: () => ResourceTexts = () => new Map()
  /** Resources that may differ from the startup data, so a reset parses only those. */
  readonly #changedSinceStart = new Set<string>()
  #version = 0
  #closed = false

  static async open(options: StoreOptions): Promise<Store> {
    const opened = await openDb(options)
    const store = new Store(options, opened)
    const repeated = store.#tables.repeatedIds()
    if (repeated.length > 0) throw invalidDatabase(options.file, repeated)
    store.#startup = await saveOpened(opened, options.file)
    return store
  }

  private constructor(options: StoreOptions, opened: OpenedDb) {
    this.schema = options.schema
    this.file = opened.adapter?.path
    this.#low = opened.low
    this.#adapter = opened.adapter
    this.#generate = options.generate
    this.#tables = new Tables(this.schema, this.#low.data)
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
    return this.#tables.get(resource).rows
  }

  get(resource: string, id: Id | string): Row | undefined {
    return this.#tables.get(resource).byId(String(id))
  }

  byRef(child: string, field: string, parentId: Id | string): readonly Row[] {
    return this.#tables.get(child).index.byRef.get(field)?.get(String(parentId)) ?? NO_ROWS
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
    return this.#tables.get(resource).peekId()
  }

  async insert(resource: string, body: JsonObject): Promise<Row> {
    this.#writable()
    const table = this.#tables.get(resource)
    const { idKey } = table.spec
    const clientId = body[idKey]
    let row: Row
    if (hasOwn(body, idKey) && isId(clientId)) {
      row = copyObject(body)
      table.noteId(clientId)
    } else {
      row = withId(body, idKey, table.takeId())
    }
    table.append(row)
    this.#changed(resource)
    await this.#commit()
    return row
  }

  async replace(resource: string, id: Id | string, body: JsonObject): Promise<Row | undefined> {
    const { idKey } = this.#tables.get(resource).spec
    return this.#update(resource, id, (row) => {
      const current = row[idKey]
      return withId(body, idKey, isId(current) ? current : id)
    })
  }

  async patch(resource: string, id: Id | string, body: JsonObject): Promise<Row | undefined> {
    const { idKey } = this.#tables.get(resource).spec
    return this.#update(resource, id, (row) => mergeRow(row, body, idKey))
  }

  /**
   * What deleting `row` would do (every onDelete followed); throws the 409 of a restrict relation
   * that forbids it. Changes nothing: `remove` applies the plan, fake writes only check it.
   */
  removalPlan(resource: string, row: Row): RemovalPlan {
    const children = (child: string, field: string, parentId: Id) =>
      this.byRef(child, field, parentId)
    const idKeyOf = (name: string): string => this.schema.resources.get(name)?.idKey ?? 'id'
    const plan = planRemoval(resource, row, this.schema.relations, children, idKeyOf)
    if (plan.blocked.length === 0) return plan
    const where = plan.blocked.map((issue) => issue.path).join(', ')
    const id = JSON.stringify(row[idKeyOf(resource)])
    const message = `Cannot delete ${resource} ${id}: restricted by ${where}.`
    throw new AppError('conflict', message, { details: plan.blocked })
  }

  /** Deletes an item and applies each relation's onDelete; a restrict conflict changes nothing. */
  async remove(resource: string, id: Id | string): Promise<Row | undefined> {
    this.#writable()
    const row = this.get(resource, id)
    if (row === undefined) return undefined
    for (const name of this.#tables.apply(this.removalPlan(resource, row))) this.#changed(name)
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
    const startup = startupData(this.#low.data, texts, this.#changedSinceStart)
    if (startup === undefined) return
    this.#low.data = startup.data
    for (const name of startup.stale) {
      const bytes = texts.get(name)
      if (bytes === undefined) this.#adapter?.touch(name)
      else this.#adapter?.adopt(name, bytes)
    }
    this.#changedSinceStart.clear()
    this.#tables.rebuild(startup.data, startup.stale)
    this.#version++
    await this.#commit()
  }

  /** Swaps in new data (a reloaded file, say): resources it lacks are generated, then all is saved. */
  async replaceAll(data: Data): Promise<void> {
    this.#writable()
    const label = this.file ?? MEMORY
    const next = fill(this.schema, checkData(data, this.schema, label), this.#generate, false)
    const repeated = new Tables(this.schema, next).repeatedIds()
    if (repeated.length > 0) throw invalidDatabase(label, repeated)
    const names = new Set([...Object.keys(this.#low.data), ...Object.keys(next)])
    this.#low.data = next
    for (const name of names) this.#changed(name)
    this.#tables.rebuild(next, names)
    await this.#commit()
  }

  /**
   * The bytes of the database file as the store last read or wrote it, in pieces; `undefined` in
   * memory. A file on disk that differs was changed by someone else (or is being written).
   */
  lastSaved(): readonly Uint8Array[] | undefined {
    return this.#adapter?.saved()
  }

  /** Integer ids another store on this database handed out are not handed out again (a reload). */
  continueIds(previous: Store): void {
    for (const spec of this.schema.resources.values()) {
      const before = previous.schema.resources.get(spec.name)
      if (spec.singular || spec.id !== 'integer' || before?.singular !== false) continue
      const next = previous.peekNextId(spec.name)
      if (isIntegerId(next)) this.#tables.get(spec.name).noteId(Number(next) - 1)
    }
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
    const table = this.#tables.get(resource)
    const row = table.byId(String(id))
    if (row === undefined) return undefined
    const next = change(row)
    table.swap(row, next)
    this.#changed(resource)
    await this.#commit()
    return next
  }

  #writable(): void {
    if (this.#closed) throw new AppError('unavailable', 'The database is closed.')
  }

  #changed(resource: string): void {
    this.#version++
    this.#changedSinceStart.add(resource)
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

  /** A write failed: memory goes back to what the file holds for these resources. */
  #rollback(names: ReadonlySet<string>): void {
    restoreFrom(this.#adapter?.texts() ?? new Map(), this.#low.data, names)
    for (const name of names) this.#changedSinceStart.add(name)
    this.#tables.rebuild(this.#low.data, names)
    this.#version++
  }
}
