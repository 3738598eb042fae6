import { readFile } from 'node:fs/promises'
import { createFakerCatalog } from '../../src/generate/faker-catalog.ts'
import { generate } from '../../src/generate/generate.ts'
import type { JsonObject } from '../../src/json.ts'
import { parseSchema } from '../../src/schema/parse-schema.ts'
import type { Schema } from '../../src/schema/types.ts'

export const JSONPLACEHOLDER = new URL('../../data/jsonplaceholder.json', import.meta.url)
export const EVERY_FEATURE = new URL('../fixtures/every-feature.json', import.meta.url)

export async function loadSchema(file: URL): Promise<Schema> {
  return schemaOf(JSON.parse(await readFile(file, 'utf8')))
}

export function schemaOf(input: unknown): Schema {
  const result = parseSchema(input, createFakerCatalog())
  if (!result.ok) throw new Error(`invalid fixture: ${JSON.stringify(result.issues)}`)
  return result.schema
}

/** The first generated item of each resource (the object of a singular one), as the server has them. */
export function firstItems(schema: Schema): (resource: string) => JsonObject | undefined {
  const data = generate(schema, { seed: schema.seed })
  return (resource) => {
    const value = data[resource]
    return Array.isArray(value) ? value[0] : value
  }
}
