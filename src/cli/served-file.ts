import { resolve } from 'node:path'
import { UserError } from '../errors.ts'
import { isDbSource, loadDbSource } from '../node/load-db-source.ts'
import { loadSchema } from '../node/load-schema.ts'
import type { LoadedSchema } from '../schema/schema-document.ts'
import type { FakerCatalog } from '../schema/types.ts'
import type { CliIo } from './cli-io.ts'
import type { CliCommand, ServeFlags } from './parse-cli-args.ts'
import { createStarterDb } from './starter-db.ts'

export type ServeCommand = Extract<CliCommand, { command: 'serve' }>

/** The file `fauxrest FILE` serves, read, and the database file it is served with. */
export type ServedFile = {
  /** FILE, resolved. */
  readonly path: string
  /** A JavaScript module or a URL (json-server's other sources), read once, at start. */
  readonly source: boolean
  readonly loaded: LoadedSchema
  /** The database file, or `:memory:`. */
  readonly db: string
}

/**
 * Reads the served file (a starter dataset first when it does not exist), with its warnings; a
 * plain db file refuses the flags that regenerate data.
 */
export async function readServedFile(
  { file, flags, reading }: ServeCommand,
  io: CliIo,
  catalog: FakerCatalog,
): Promise<ServedFile> {
  const path = resolve(io.cwd, file)
  const source = isDbSource(file)
  if (!source && (await createStarterDb(path, file))) {
    io.out(
      `fauxrest: ${file} did not exist: created it with a starter dataset (posts, comments, profile)\n`,
    )
  }
  const loaded = source
    ? await loadSchema(await loadDbSource(file, io.cwd), catalog, reading, file)
    : await loadSchema(path, catalog, reading)
  for (const warning of loaded.warnings ?? []) io.err(`fauxrest: warning: ${file}: ${warning}\n`)
  const plain = loaded.plainData !== undefined
  const fileIsDb = plain && !source
  if (fileIsDb) refuseSchemaFlags(file, flags)
  if (source && flags.watch) {
    io.err(`fauxrest: warning: --watch does not reload ${file}: it is read once, at start\n`)
  }
  return { path, source, loaded, db: databaseOf(fileIsDb ? path : flags.db, plain, io.cwd) }
}

// A plain db file is served and written back as it is: the flags that regenerate it do not apply.
function refuseSchemaFlags(file: string, flags: ServeFlags): void {
  if (flags.db !== undefined) {
    throw new UserError(
      `--db applies to schemas: ${file} is a plain database, served and written back as it is`,
    )
  }
  if (flags.reset) {
    throw new UserError(
      `--reset needs a schema: ${file} is a plain database with nothing to regenerate from`,
    )
  }
}

/**
 * The database file: a plain db file is its own; a schema's is `--db` or `./db.json`; a plain db
 * read from a module or a URL is kept in memory unless `--db` names a file.
 */
function databaseOf(given: string | undefined, plain: boolean, cwd: string): string {
  if (given === ':memory:' || (given === undefined && plain)) return ':memory:'
  return resolve(cwd, given ?? 'db.json')
}
