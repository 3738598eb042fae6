import { resolve } from 'node:path'
import { createLazyFakerCatalog } from '../generate/lazy-faker-catalog.ts'
import type { JsonObject } from '../json.ts'
import { buildOpenApi } from '../openapi/build-openapi.ts'
import { loadSchema } from '../node/load-schema.ts'
import type { SchemaOptions } from '../schema/types.ts'
import type { CliIo } from './cli-io.ts'
import { emit } from './emit.ts'
import { progressBar } from './progress-bar.ts'

type OpenApiCommand = {
  readonly file: string
  readonly out: string | undefined
  readonly seed: number | undefined
  readonly reading: SchemaOptions
}

/** Where `fauxrest serve` listens by default, for the document's `servers`. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:3000'

/**
 * Prints the OpenAPI document of a schema, with examples from the data it generates (in memory,
 * with the schema's seed or --seed); a plain db file gives its own first items as examples.
 */
export async function runOpenApi(command: OpenApiCommand, io: CliIo): Promise<number> {
  const { schema, plainData } = await loadSchema(
    resolve(io.cwd, command.file),
    createLazyFakerCatalog(),
    command.reading,
  )
  const onProgress = io.interactive ? progressBar(io.err) : undefined
  const { generate } = await import('../generate/generate.ts')
  const data =
    plainData ??
    generate(schema, {
      seed: command.seed ?? schema.seed,
      ...(onProgress === undefined ? {} : { onProgress }),
    })
  const examples = (resource: string): JsonObject | undefined => {
    const value = data[resource]
    return Array.isArray(value) ? value[0] : value
  }
  const document = buildOpenApi(schema, { examples, serverUrl: DEFAULT_SERVER_URL })
  await emit(`${JSON.stringify(document, null, 2)}\n`, command.out, io)
  return 0
}
