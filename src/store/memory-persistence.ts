import { Memory } from 'lowdb'
import type { Db, Persistence } from './persistence.ts'

/** Keeps nothing beyond the process: lowdb's own Memory adapter. */
export class MemoryPersistence extends Memory<Db> implements Persistence {
  close(): Promise<void> {
    return Promise.resolve()
  }
}
