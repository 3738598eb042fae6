import { stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { Low, Memory } from 'lowdb'
import { UserError } from '../errors.ts'
import { hasOwn } from '../json.ts'
import type { Data } from '../json.ts'
import type { Schema } from '../schema/types.ts'
import type { FileOps } from './atomic-write.ts'
import { checkData } from './check-data.ts'
import { DbFileAdapter } from './db-file-adapter.ts'
import type { ResourceTexts } from './db-file-adapter.ts'
import { errorCode, fsReason } from './fs-reason.ts'

export const MEMORY = ':memory:'

export type Generate = (only: ReadonlySet<string>, existing: Data) => Data

export type OpenDbOptions = {
  readonly schema: Schema
  /** A path, or ':memory:' for an in-memory database. */
  readonly file: string
  /** Produces data for the resources listed (all of them when the file is new or on reset). */
  readonly generate: Generate
  /** Regenerate everything, discarding what the file holds. */
  readonly reset?: boolean
  /** File operations for the writes; tests inject failures here. */
  readonly fileOps?: FileOps
}

export type OpenedDb = {
  readonly low: Low<Data>
  /** `undefined` for an in-memory database. */
  readonly adapter: DbFileAdapter | undefined
  /** Whether the file must be written before the database is used. */
  readonly unsaved: boolean
  /** Resources the file did not hold (all of them for a new file). */
  readonly added: readonly string[]
}

/**
 * Loads the database without writing: an existing file is the source of truth and only gains the
 * resources it lacks; a missing file (or a reset) is generated whole. A file that cannot be used
 * is reported as a UserError.
 */
export async function openDb(options: OpenDbOptions): Promise<OpenedDb> {
  const { schema, file } = options
  if (file === MEMORY) {
    const low = new Low<Data>(new Memory<Data>(), {})
    await low.read()
    low.data = fill(schema, {}, options.generate, true)
    return { low, adapter: undefined, unsaved: true, added: Object.keys(low.data) }
  }
  const adapter = new DbFileAdapter(resolve(file), file, options.fileOps)
  const absent: Data = {}
  const low = new Low<Data>(adapter, absent)
  if (options.reset !== true) await low.read()
  const found = low.data !== absent
  if (!found) await checkFolder(adapter.path, file)
  await adapter.removeStaleTemps()
  const existing = found ? checkData(low.data, schema, file) : {}
  const before = new Set(Object.keys(existing))
  low.data = fill(schema, existing, options.generate, !found)
  const added = Object.keys(low.data).filter((name) => !before.has(name))
  return { low, adapter, unsaved: !found || added.length > 0, added }
}

/** Writes what openDb generated; returns what every resource holds now, for `reset`. */
export async function saveOpened(opened: OpenedDb, file: string): Promise<() => ResourceTexts> {
  const { low, adapter, unsaved, added } = opened
  if (adapter === undefined) {
    const texts = new Map<string, Uint8Array>()
    for (const [name, value] of Object.entries(low.data)) {
      texts.set(name, Buffer.from(JSON.stringify(value)))
    }
    await low.write()
    return () => texts
  }
  if (unsaved) {
    for (const name of added) adapter.touch(name)
    try {
      await low.write()
    } catch (error) {
      throw new UserError(`cannot write database ${file}: ${fsReason(error)}`, [], { cause: error })
    }
  }
  return adapter.captureTexts()
}

/** Adds the schema's resources the data lacks (all of them when `all`), in schema order. */
export function fill(schema: Schema, existing: Data, generate: Generate, all: boolean): Data {
  const missing = new Set<string>()
  for (const name of schema.resources.keys()) {
    if (all || !hasOwn(existing, name)) missing.add(name)
  }
  if (missing.size === 0) return existing
  const generated = generate(missing, existing)
  const data: Data = all ? {} : { ...existing }
  for (const name of missing) {
    const value = generated[name]
    if (value === undefined) throw new Error(`generate() returned no data for ${name}`)
    data[name] = value
  }
  return data
}

async function checkFolder(path: string, file: string): Promise<void> {
  const folder = dirname(path)
  try {
    if ((await stat(folder)).isDirectory()) return
  } catch (error) {
    const code = errorCode(error)
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      throw new UserError(`cannot open database ${file}: ${fsReason(error)}`, [], { cause: error })
    }
  }
  throw new UserError(`cannot open database ${file}: folder ${dirname(file)} does not exist`)
}
