import { tooManySessions } from '../sessions/sessions.ts'
import type { ObjectStorage } from './object-storage.ts'

const SCHEMA = `CREATE TABLE IF NOT EXISTS fauxrest_sessions (
  name TEXT PRIMARY KEY, created INTEGER NOT NULL)`

/**
 * The sessions of a Worker's database, by name, in its object's storage: each session lives in
 * an object of its own, which joins here when it is made and leaves when it is dropped. It is what
 * `GET /_sessions` lists and what `--max-sessions` counts.
 */
export class SessionRegistry {
  readonly #storage: ObjectStorage
  readonly #max: number

  constructor(storage: ObjectStorage, max: number) {
    this.#storage = storage
    this.#max = max
    storage.sql.exec(SCHEMA)
  }

  /** The names, in the order their sessions were made. */
  names(): string[] {
    const names: string[] = []
    for (const { name } of this.#storage.sql.exec(
      'SELECT name FROM fauxrest_sessions ORDER BY rowid',
    )) {
      if (typeof name === 'string') names.push(name)
    }
    return names
  }

  /**
   * Lets a new session in, or says why not (the limit's 503 message). At the limit, `prune` first
   * asks the sessions listed whether they are still there (idle ones have expired).
   */
  async admit(name: string, prune: () => Promise<void>): Promise<string | undefined> {
    if (this.#has(name)) return undefined
    if (this.#size() >= this.#max) await prune()
    if (this.#has(name)) return undefined
    const size = this.#size()
    if (size >= this.#max) return tooManySessions(size).message
    this.#storage.sql.exec(
      'INSERT INTO fauxrest_sessions (name, created) VALUES (?, ?)',
      name,
      Date.now(),
    )
    return undefined
  }

  forget(name: string): void {
    this.#storage.sql.exec('DELETE FROM fauxrest_sessions WHERE name = ?', name)
  }

  #has(name: string): boolean {
    return (
      this.#storage.sql.exec('SELECT 1 FROM fauxrest_sessions WHERE name = ?', name).toArray()
        .length > 0
    )
  }

  #size(): number {
    const [row] = this.#storage.sql.exec('SELECT COUNT(*) AS size FROM fauxrest_sessions').toArray()
    const size = row?.['size']
    return typeof size === 'number' ? size : 0
  }
}
