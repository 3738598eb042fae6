import { Low } from 'lowdb'
import { AppError, UserError } from '../errors.ts'
import { hasOwn, isIntegerId, isJsonObject } from '../json.ts'
import type { Data, Id, JsonObject, Row } from '../json.ts'
import type { Schema } from '../schema/types.ts'
import type { Change, CommitCause } from './change.ts'
import { ChangeLog } from './change-log.ts'
import type { LogEntry } from './change-log.ts'
import { checkData, invalidDatabase } from './check-data.ts'
import { fill } from './fill-data.ts'
import type { Generate } from './fill-data.ts'
import { fsReason } from './fs-reason.ts'
import { NO_ROWS } from './indices.ts'
import type { Db, Persistence } from './persistence.ts'
import type { RemovalPlan } from './remove-plan.ts'
import { checkedRemoval } from './checked-removal.ts'
import type { CommitListener, Database } from './database.ts'
import { StartupView } from './startup-view.ts'
import { copyObject, mergeRow, replaceRow } from './rows.ts'
import { Tables } from './tables.ts'
import { applyUndo } from './undo.ts'
import type { Undo } from './undo.ts'

export type { Generate } from './fill-data.ts'

export type StoreOptions = {
  readonly schema: Schema
  /** Where the data lives between runs (see Persistence). */
  readonly persistence: Persistence
  /** Produces data for the resources listed (all of them when there is none yet, or on reset). */
  readonly generate: Generate
  /** Regenerate everything, discarding what the persistence holds. */
  readonly reset?: boolean
  /** The database file as the user named it, for messages; omitted in memory. */
  readonly label?: string
  /** Absolute path of the database file, for display; omitted in memory. */
  readonly file?: string
}

export type { CommitListener } from './database.ts'

const MEMORY = ':memory:'

/**
 * The database: rows in memory with an id index and foreign-key indices, persisted through lowdb
 * (a Persistence adapter). Every mutation changes memory at once, logs its changes, then resolves
 * when the adapter has made them durable; when it cannot, memory takes back every change not yet
 * durable and the mutation fails with 503. Stored rows are never changed in place: an update
 * stores a new object.
 */
export class Store implements Database {
  readonly schema: Schema
  /** Absolute path of the database file; `undefined` in memory. */
  readonly file: string | undefined
  readonly #low: Low<Db>
  readonly #persistence: Persistence
  readonly #generate: Generate
  readonly #label: string
  readonly #tables: Tables
  /** Each resource's value before its first change, so a reset puts it back. */
  readonly #startup = new Map<string, Data[string] | undefined>()
  /** Resources changed since the last reset (or the start). */
  readonly #changedSinceReset = new Set<string>()
  readonly #listeners = new Set<CommitListener>()
  readonly #writing = new Set<Promise<unknown>>()
  /** Highest log entry known to be durable. */
  #durable = 0
  #version = 0
  #closed = false
  /** Why the latest failed write failed, for the changes it took back. */
  #failure: unknown
  #startupView: StartupView | undefined

  static async open(options: StoreOptions): Promise<Store> {
    const { schema, persistence } = options
    const label = options.label ?? MEMORY
    const low = new Low<Db>(persistence, { data: {}, log: new ChangeLog() })
    const before = low.data
    if (options.reset !== true) await low.read()
    const found = low.data !== before
    const existing: unknown = found ? low.data.data : {}
    checkData(existing, schema, label)
    const data = await fill(schema, existing, options.generate, !found)
    low.data = { data, log: new ChangeLog() }
    const store = new Store(options, low, label)
    const repeated = store.#tables.repeatedIds()
    if (repeated.length > 0) throw invalidDatabase(label, repeated)
    // Generated resources are saved now; a driver that recovered a journal folds it in now too.
    const added = Object.keys(data).filter((name) => !hasOwn(existing, name))
    const changes = added.map((name): Change => ({
      op: 'set',
      resource: name,
      value: data[name] ?? {},
    }))
    try {
      await store.#commit(low.data.log.append(changes, []))
    } catch (error) {
      const cause = error instanceof AppError ? error.cause : error
      throw new UserError(`cannot write database ${label}: ${fsReason(cause)}`, [], { cause })
    }
    return store
  }

  private constructor(options: StoreOptions, low: Low<Db>, label: string) {
    this.schema = options.schema
    this.file = options.file
    this.#low = low
    this.#persistence = options.persistence
    this.#generate = options.generate
    this.#label = label
    this.#tables = new Tables(this.schema, low.data.data)
  }

  /** Increments on every change in memory. */
  get version(): number {
    return this.#version
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
    const value = this.#data[resource]
    if (!isJsonObject(value)) throw new Error(`${resource} is not a singular resource`)
    return value
  }

  data(): Readonly<Data> {
    return this.#data
  }

  /** The data as the store was opened, whatever changed since: what sessions start from. */
  startup(): StartupView {
    this.#startupView ??= new StartupView(this.schema, {
      before: (name) => (this.#startup.has(name) ? { value: this.#startup.get(name) } : undefined),
      live: (name) => this.#tables.find(name),
      liveValue: (name) => this.#data[name],
      liveNames: () => Object.keys(this.#data),
    })
    return this.#startupView
  }

  /** The id the next insert without a client id gets; asking does not use it up. */
  peekNextId(resource: string): Id {
    return this.#tables.get(resource).ids.peek()
  }

  /**
   * Calls `listener` with each mutation's changes once they are durable (never for a change a
   * failed write took back). Returns the function that stops it.
   */
  onCommit(listener: CommitListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  async insert(resource: string, body: JsonObject): Promise<Row> {
    this.#writable()
    const table = this.#tables.get(resource)
    const row = table.ids.rowFor(body, table.spec.idKey)
    this.#before(resource)
    table.append(row)
    await this.#commit(
      this.#log([{ op: 'insert', resource, row }], [{ kind: 'unappend', resource, row }]),
    )
    return row
  }

  async replace(resource: string, id: Id | string, body: JsonObject): Promise<Row | undefined> {
    const { idKey } = this.#tables.get(resource).spec
    return this.#update(resource, id, (row) => replaceRow(row, body, idKey, id))
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
    return checkedRemoval(this.schema, resource, row, (child, field, parentId) =>
      this.byRef(child, field, parentId),
    )
  }

  /** Deletes an item and applies each relation's onDelete; a restrict conflict changes nothing. */
  async remove(resource: string, id: Id | string): Promise<Row | undefined> {
    this.#writable()
    const row = this.get(resource, id)
    if (row === undefined) return undefined
    const plan = this.removalPlan(resource, row)
    for (const name of plan.removed.keys()) this.#before(name)
    for (const name of plan.nullified.keys()) this.#before(name)
    const { changes, undo } = this.#tables.apply(plan)
    await this.#commit(this.#log(changes, undo))
    return row
  }

  async setSingle(resource: string, value: JsonObject): Promise<JsonObject> {
    this.#writable()
    const was = this.single(resource)
    const stored = copyObject(value)
    this.#before(resource)
    this.#data[resource] = stored
    await this.#commit(
      this.#log(
        [{ op: 'set', resource, value: stored, previous: was }],
        [{ kind: 'unset', resource, value: was }],
      ),
    )
    return stored
  }

  /** Back to the data the store was opened with; ids handed out since are still not reused. */
  async reset(): Promise<void> {
    this.#writable()
    if (this.#changedSinceReset.size === 0) {
      // Nothing to write, but listeners hear of every reset, after the writes before it.
      await Promise.allSettled(this.#writing)
      for (const listener of this.#listeners) listener([], 'reset')
      return
    }
    const data = this.#data
    const changes: Change[] = []
    const undo: Undo[] = []
    for (const name of this.#changedSinceReset) {
      const start = this.#startup.get(name)
      undo.push({ kind: 'unset', resource: name, value: data[name] })
      if (start === undefined) {
        delete data[name]
        changes.push({ op: 'drop', resource: name })
      } else {
        // A copy: the live array changes in place, the startup one must not.
        const value = Array.isArray(start) ? start.slice() : start
        data[name] = value
        changes.push({ op: 'set', resource: name, value })
      }
    }
    this.#tables.rebuild(data, this.#changedSinceReset)
    this.#changedSinceReset.clear()
    await this.#commit(this.#log(changes, undo, 'reset'))
  }

  /** Swaps in new data (a reloaded file, say): resources it lacks are generated, then all is saved. */
  async replaceAll(data: unknown): Promise<void> {
    this.#writable()
    checkData(data, this.schema, this.#label)
    const next = await fill(this.schema, data, this.#generate, false)
    this.#writable()
    const previous = this.#data
    const repeated = new Tables(this.schema, next).repeatedIds()
    if (repeated.length > 0) throw invalidDatabase(this.#label, repeated)
    const changes: Change[] = []
    for (const name of Object.keys(previous)) {
      this.#before(name)
      if (!hasOwn(next, name)) changes.push({ op: 'drop', resource: name })
    }
    for (const [name, value] of Object.entries(next)) {
      this.#before(name)
      changes.push({ op: 'set', resource: name, value })
    }
    this.#low.data.data = next
    this.#tables.rebuild(next, this.schema.resources.keys())
    await this.#commit(this.#log(changes, [{ kind: 'undata', data: previous }], 'reload'))
  }

  /** Integer ids another store on this database handed out are not handed out again (a reload). */
  continueIds(previous: Store): void {
    for (const spec of this.schema.resources.values()) {
      const before = previous.schema.resources.get(spec.name)
      if (spec.singular || spec.id !== 'integer' || before?.singular !== false) continue
      const next = previous.peekNextId(spec.name)
      if (isIntegerId(next)) this.#tables.get(spec.name).ids.note(Number(next) - 1)
    }
  }

  /**
   * Resolves when every change made so far is durable (or was taken back by a failed write) and
   * the adapter has finished what it was doing.
   */
  async flush(): Promise<void> {
    while (this.#writing.size > 0) await Promise.allSettled(this.#writing)
    // The adapter's own work (rewriting a file, say) is done too once a write after it is.
    await this.#low.write().catch(() => undefined)
  }

  /** Refuses further changes, waits for the pending ones, then lets the persistence come to rest. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.flush()
    await this.#persistence.close()
  }

  get #data(): Data {
    return this.#low.data.data
  }

  async #update(resource: string, id: Id | string, change: (row: Row) => Row) {
    this.#writable()
    const table = this.#tables.get(resource)
    const row = table.byId(String(id))
    if (row === undefined) return undefined
    const next = change(row)
    this.#before(resource)
    table.swap(row, next)
    await this.#commit(
      this.#log(
        [{ op: 'update', resource, row: next, previous: row }],
        [{ kind: 'unswap', resource, now: next, was: row }],
      ),
    )
    return next
  }

  #writable(): void {
    if (this.#closed) throw new AppError('unavailable', 'The database is closed.')
  }

  /** Called before a resource changes: keeps its startup value the first time. */
  #before(resource: string): void {
    this.#changedSinceReset.add(resource)
    if (this.#startup.has(resource)) return
    const value = this.#data[resource]
    this.#startup.set(resource, Array.isArray(value) ? value.slice() : value)
  }

  #log(changes: readonly Change[], undo: readonly Undo[], cause?: CommitCause): LogEntry {
    this.#version++
    return this.#low.data.log.append(changes, undo, cause)
  }

  async #commit(entry: LogEntry): Promise<void> {
    const writing = this.#low.write()
    this.#writing.add(writing)
    try {
      await writing
    } catch (error) {
      this.#failure = error
      this.#takeBack()
      throw unsaved(error)
    } finally {
      this.#writing.delete(writing)
    }
    // A write that failed after this change was logged took it back, though a later one succeeded.
    if (entry.undone) throw unsaved(this.#failure)
    this.#durable = Math.max(this.#durable, entry.seq)
    const durable = this.#low.data.log.take(this.#durable)
    if (this.#listeners.size === 0) return
    for (const done of durable) {
      for (const listener of this.#listeners) listener(done.changes, done.cause)
    }
  }

  /** A write failed: memory takes back every change not yet durable, latest first. */
  #takeBack(): void {
    const steps = this.#low.data.log.takeBack(this.#durable)
    if (steps.length === 0) return
    const { data, touched } = applyUndo(this.#data, steps)
    this.#low.data.data = data
    const names = touched === 'all' ? Object.keys(data) : touched
    for (const name of names) this.#changedSinceReset.add(name)
    this.#tables.rebuild(data, touched === 'all' ? this.schema.resources.keys() : touched)
    this.#version++
  }
}

function unsaved(error: unknown): AppError {
  const reason = fsReason(error)
  return new AppError('unavailable', `The change could not be saved: ${reason}`, { cause: error })
}
