import { resolve } from 'node:path'
import { UserError } from '../errors.ts'
import { createLazyFakerCatalog } from '../generate/lazy-faker-catalog.ts'
import { withKnownPasswords } from '../auth/known-passwords.ts'
import { resolveAuth } from '../auth/resolve-auth.ts'
import { loadSchema } from '../node/load-schema.ts'
import { writeDatabase } from '../node/write-database.ts'
import type { SchemaOptions } from '../schema/types.ts'
import type { CliIo } from './cli-io.ts'
import { progressBar } from './progress-bar.ts'

type GenerateCommand = {
  readonly file: string
  readonly out: string | undefined
  readonly seed: number | undefined
  readonly reading: SchemaOptions
}

export async function runGenerate(command: GenerateCommand, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, command.file)
  const loaded = await loadSchema(path, createLazyFakerCatalog(), command.reading)
  if (loaded.plainData !== undefined) {
    throw new UserError(
      `${command.file} is a plain database, not a schema: there is nothing to generate`,
    )
  }
  const seed = command.seed ?? loaded.schema.seed
  const onProgress = io.interactive ? progressBar(io.err) : undefined
  const progress = onProgress === undefined ? {} : { onProgress }
  // Users get the same known-password hashes the server gives them, so the file logs in.
  const auth = resolveAuth(loaded.schema, undefined)
  const { generate } = await import('../generate/generate.ts')
  const generated = generate(loaded.schema, { seed, ...progress })
  const data = auth === undefined ? generated : withKnownPasswords(generated, auth, seed)
  if (command.out === undefined) {
    io.out(`${JSON.stringify(data, null, 2)}\n`)
    return 0
  }
  // As a server saves it: atomically, and in the server's own format.
  await writeDatabase(resolve(io.cwd, command.out), command.out, data)
  const counts = [...loaded.schema.resources.values()]
    .filter((resource) => !resource.singular)
    .map((resource) => {
      const items = data[resource.name]
      return `${resource.name} ${Array.isArray(items) ? items.length : 0}`
    })
  io.err(`fauxrest: wrote ${command.out} (seed ${seed}): ${counts.join(', ')}\n`)
  return 0
}
