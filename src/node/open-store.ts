import { resolve } from 'node:path'
import { MemoryPersistence } from '../store/memory-persistence.ts'
import { Store } from '../store/store.ts'
import type { Generate } from '../store/store.ts'
import type { Schema } from '../schema/types.ts'
import { FilePersistence } from './file-persistence.ts'
import type { FilePersistenceOptions } from './file-persistence.ts'
import type { FileSystem } from './file-system.ts'

export const MEMORY = ':memory:'

export type OpenStoreOptions = {
  readonly schema: Schema
  /** A path, or ':memory:' for an in-memory database. */
  readonly file: string
  readonly generate: Generate
  /** Regenerate everything, discarding what the file holds. */
  readonly reset?: boolean
  /** File operations for the writes; tests inject failures and power cuts here. */
  readonly fs?: FileSystem
  readonly settleMs?: number
  readonly journalLimit?: number
  /** The file's bytes and data, already read and parsed. */
  readonly preloaded?: FilePersistenceOptions['preloaded']
}

export type OpenedStore = {
  readonly store: Store
  /** `undefined` in memory. */
  readonly files: FilePersistence | undefined
}

/** A store in memory, or over a database file and its journal. */
export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const { schema, file, generate } = options
  const reset = options.reset === true
  if (file === MEMORY) {
    const store = await Store.open({ schema, generate, persistence: new MemoryPersistence() })
    return { store, files: undefined }
  }
  const path = resolve(file)
  const files = new FilePersistence({
    path,
    label: file,
    idKeyOf: (name) => schema.resources.get(name)?.idKey ?? 'id',
    ...(options.fs === undefined ? {} : { fs: options.fs }),
    ...(options.settleMs === undefined ? {} : { settleMs: options.settleMs }),
    ...(options.journalLimit === undefined ? {} : { journalLimit: options.journalLimit }),
    ...(options.preloaded === undefined ? {} : { preloaded: options.preloaded }),
  })
  const store = await Store.open({
    schema,
    generate,
    reset,
    persistence: files,
    label: file,
    file: path,
  })
  return { store, files }
}
