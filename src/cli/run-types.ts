import { resolve } from 'node:path'
import { resolveAuth } from '../auth/resolve-auth.ts'
import { createLazyFakerCatalog } from '../generate/lazy-faker-catalog.ts'
import { loadSchema } from '../node/load-schema.ts'
import type { SchemaOptions } from '../schema/types.ts'
import { buildTypes } from '../typegen/build-types.ts'
import type { CliIo } from './cli-io.ts'
import { emit } from './emit.ts'

/** Prints TypeScript interfaces for every resource of a schema (or a plain db file), and auth's. */
export async function runTypes(
  command: {
    readonly file: string
    readonly out: string | undefined
    readonly auth: boolean
    readonly reading: SchemaOptions
  },
  io: CliIo,
): Promise<number> {
  const path = resolve(io.cwd, command.file)
  const { schema } = await loadSchema(path, createLazyFakerCatalog(), command.reading)
  // Auth declared in the schema, or asked for (a json-server-auth db), adds its types.
  await emit(buildTypes(schema, resolveAuth(schema, command.auth)), command.out, io)
  return 0
}
