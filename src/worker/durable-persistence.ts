import { isId, isJsonObject } from '../json.ts'
import type { Data, JsonValue, Row } from '../json.ts'
import type { Change } from '../store/change.ts'
import { ChangeLog } from '../store/change-log.ts'
import type { Db, Persistence } from '../store/persistence.ts'
import { replayChanges } from '../store/replay-changes.ts'
import type { ObjectStorage, SqlStorage } from './object-storage.ts'

// Resources in the data's order. A resource whose items all have an id keeps them one per row
// (`value` is null), so a write costs the rows it changed; anything else is one JSON value.
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS fauxrest_resources (
    name TEXT PRIMARY KEY, position INTEGER NOT NULL, value TEXT)`,
  `CREATE TABLE IF NOT EXISTS fauxrest_rows (
    resource TEXT NOT NULL, key TEXT NOT NULL, position INTEGER NOT NULL, row TEXT NOT NULL,
    PRIMARY KEY (resource, key))`,
  'CREATE INDEX IF NOT EXISTS fauxrest_rows_order ON fauxrest_rows (resource, position)',
]

/**
 * Persistence in a Durable Object's SQLite storage. A write applies the changes it has not saved
 * yet in one transaction, then waits for the storage to call them durable; on start the data is
 * read back in the order it was kept. The rows of a resource keep their list order: an insert goes
 * at the end, an update stays in place, as the store holds them.
 */
export class DurablePersistence implements Persistence {
  readonly #storage: ObjectStorage
  readonly #idKeyOf: (resource: string) => string
  /** Last log entry saved. */
  #cursor = 0
  #started = false

  constructor(storage: ObjectStorage, idKeyOf: (resource: string) => string = () => 'id') {
    this.#storage = storage
    this.#idKeyOf = idKeyOf
  }

  read(): Promise<Db | null> {
    const { sql } = this.#storage
    for (const statement of SCHEMA) sql.exec(statement)
    const resources = sql
      .exec('SELECT name, value FROM fauxrest_resources ORDER BY position')
      .toArray()
    if (resources.length === 0) return Promise.resolve(null)
    const data: Data = {}
    for (const { name, value } of resources) {
      if (typeof name !== 'string') continue
      data[name] =
        typeof value === 'string' ? (JSON.parse(value) as Data[string]) : readRows(sql, name)
    }
    return Promise.resolve({ data, log: new ChangeLog() })
  }

  async write(db: Db): Promise<void> {
    const head = db.log.head
    const changes = db.log.since(this.#cursor)
    if (changes.length > 0) {
      this.#storage.transactionSync(() => {
        for (const change of changes) this.#apply(change)
      })
    }
    this.#cursor = Math.max(this.#cursor, head)
    if (this.#started) await this.#storage.sync?.()
  }

  /**
   * The object has started: from now on a write also waits for the storage to call it durable.
   * Writes made while it starts run inside blockConcurrencyWhile, where that wait would wait for
   * itself; the runtime's output gate holds every answer until they are durable anyway.
   */
  started(): void {
    this.#started = true
  }

  close(): Promise<void> {
    return Promise.resolve()
  }

  #apply(change: Change): void {
    const { sql } = this.#storage
    const { resource } = change
    switch (change.op) {
      case 'set':
        this.#set(resource, change.value)
        return
      case 'drop':
        sql.exec('DELETE FROM fauxrest_rows WHERE resource = ?', resource)
        sql.exec('DELETE FROM fauxrest_resources WHERE name = ?', resource)
        return
      default:
        break
    }
    const kept = sql.exec('SELECT value FROM fauxrest_resources WHERE name = ?', resource).toArray()
    const value = kept[0]?.['value']
    if (typeof value === 'string') {
      // A resource kept whole (some item without an id) changes whole.
      const data = replayChanges({ [resource]: JSON.parse(value) as Data[string] }, [change], () =>
        this.#idKeyOf(resource),
      )
      this.#set(resource, data[resource] ?? null)
      return
    }
    if (kept.length === 0) this.#set(resource, [])
    if (change.op === 'delete') {
      sql.exec(
        'DELETE FROM fauxrest_rows WHERE resource = ? AND key = ?',
        resource,
        String(change.id),
      )
      return
    }
    const key = change.row[this.#idKeyOf(resource)]
    if (isId(key)) putRow(sql, resource, String(key), change.row)
  }

  /** A resource's whole value: its rows when every item has an id, else one JSON text. */
  #set(resource: string, value: JsonValue): void {
    const { sql } = this.#storage
    const idKey = this.#idKeyOf(resource)
    const rows =
      Array.isArray(value) && value.every((item) => isJsonObject(item) && isId(item[idKey]))
        ? (value as Row[])
        : undefined
    sql.exec('DELETE FROM fauxrest_rows WHERE resource = ?', resource)
    sql.exec(
      `INSERT INTO fauxrest_resources (name, position, value) VALUES (?,
        (SELECT COALESCE(MAX(position), 0) + 1 FROM fauxrest_resources), ?)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      resource,
      rows === undefined ? JSON.stringify(value) : null,
    )
    if (rows === undefined) return
    rows.forEach((row, at) => {
      sql.exec(
        'INSERT OR REPLACE INTO fauxrest_rows (resource, key, position, row) VALUES (?, ?, ?, ?)',
        resource,
        String(row[idKey]),
        at,
        JSON.stringify(row),
      )
    })
  }
}

function readRows(sql: SqlStorage, resource: string): Row[] {
  const rows: Row[] = []
  const cursor = sql.exec(
    'SELECT row FROM fauxrest_rows WHERE resource = ? ORDER BY position',
    resource,
  )
  for (const { row } of cursor) if (typeof row === 'string') rows.push(JSON.parse(row) as Row)
  return rows
}

/** Stores a row under its id: in place when the id is there, at the end otherwise. */
function putRow(sql: SqlStorage, resource: string, key: string, row: Row): void {
  sql.exec(
    `INSERT INTO fauxrest_rows (resource, key, position, row) VALUES (?, ?,
      (SELECT COALESCE(MAX(position), -1) + 1 FROM fauxrest_rows WHERE resource = ?), ?)
     ON CONFLICT (resource, key) DO UPDATE SET row = excluded.row`,
    resource,
    key,
    resource,
    JSON.stringify(row),
  )
}
