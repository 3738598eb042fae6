import type { SessionEntry, SessionJournal } from '../store/session-journal.ts'
import type { ObjectStorage } from './object-storage.ts'

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS fauxrest_session (
    name TEXT PRIMARY KEY, created INTEGER NOT NULL, last_used INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fauxrest_session_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, entry TEXT NOT NULL)`,
]

/** A session as its object's storage kept it. */
export type KeptSession = {
  readonly name: string
  readonly created: number
  readonly lastUsed: number
  readonly entries: readonly SessionEntry[]
}

/**
 * A session's journal in its Durable Object's SQLite storage: the session's name and times, and
 * its changes since the start-up data in order (a reset starts them again). A write is kept in one
 * transaction and answered once the storage says it is durable.
 */
export class DurableSessionJournal implements SessionJournal {
  readonly #storage: ObjectStorage

  constructor(storage: ObjectStorage) {
    this.#storage = storage
    for (const statement of SCHEMA) storage.sql.exec(statement)
  }

  /** The session kept here; `undefined` when there is none. */
  read(): KeptSession | undefined {
    const { sql } = this.#storage
    const [kept] = sql.exec('SELECT name, created, last_used FROM fauxrest_session').toArray()
    if (kept === undefined) return undefined
    const { name, created, last_used: lastUsed } = kept
    if (typeof name !== 'string' || typeof created !== 'number' || typeof lastUsed !== 'number') {
      return undefined
    }
    const entries: SessionEntry[] = []
    for (const { entry } of sql.exec('SELECT entry FROM fauxrest_session_log ORDER BY seq')) {
      if (typeof entry === 'string') entries.push(JSON.parse(entry) as SessionEntry)
    }
    return { name, created, lastUsed, entries }
  }

  /** A new session: kept from now on, with no changes yet. */
  begin(name: string, created: number): void {
    this.#storage.transactionSync(() => {
      this.clear()
      this.#storage.sql.exec(
        'INSERT INTO fauxrest_session (name, created, last_used) VALUES (?, ?, ?)',
        name,
        created,
        created,
      )
    })
  }

  async append(entries: readonly SessionEntry[]): Promise<void> {
    const { sql } = this.#storage
    this.#storage.transactionSync(() => {
      if (entries[0]?.op === 'reset') sql.exec('DELETE FROM fauxrest_session_log')
      for (const entry of entries) {
        sql.exec('INSERT INTO fauxrest_session_log (entry) VALUES (?)', JSON.stringify(entry))
      }
      sql.exec('UPDATE fauxrest_session SET last_used = ?', Date.now())
    })
    await this.#storage.sync?.()
  }

  /** When the session was last used, for its expiry after a restart. */
  touch(lastUsed: number): void {
    this.#storage.sql.exec('UPDATE fauxrest_session SET last_used = ?', lastUsed)
  }

  /** The session is gone: nothing of it is kept. */
  clear(): void {
    this.#storage.sql.exec('DELETE FROM fauxrest_session_log')
    this.#storage.sql.exec('DELETE FROM fauxrest_session')
  }
}
