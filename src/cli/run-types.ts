import { resolve } from 'node:path'
import { createFakerCatalog } from '../generate/faker-catalog.ts'
import { loadSchema } from '../node/load-schema.ts'
import type { SchemaOptions } from '../schema/types.ts'
import { buildTypes } from '../typegen/build-types.ts'
import type { CliIo } from './cli-io.ts'
import { emit } from './emit.ts'

/** Prints TypeScript interfaces for every resource of a schema (or a plain db file). */
export async function runTypes(
  command: {
    readonly file: string
    readonly out: string | undefined
    readonly reading: SchemaOptions
  },
  io: CliIo,
): Promise<number> {
  const path = resolve(io.cwd, command.file)
  const { schema } = await loadSchema(path, createFakerCatalog(), command.reading)
  await emit(buildTypes(schema), command.out, io)
  return 0
}
