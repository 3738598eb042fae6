import { resolve } from 'node:path'
import { createFakerCatalog } from '../generate/faker-catalog.ts'
import { loadSchema } from '../node/load-schema.ts'
import { buildTypes } from '../typegen/build-types.ts'
import type { CliIo } from './cli-io.ts'
import { emit } from './emit.ts'

/** Prints TypeScript interfaces for every resource of a schema (or a plain db file). */
export async function runTypes(
  command: { readonly file: string; readonly out: string | undefined },
  io: CliIo,
): Promise<number> {
  const { schema } = await loadSchema(resolve(io.cwd, command.file), createFakerCatalog())
  await emit(buildTypes(schema), command.out, io)
  return 0
}
