import { createFakerCatalog } from '../../src/generate/faker-catalog.ts'
import type { Issue } from '../../src/errors.ts'
import { parseSchema } from '../../src/schema/parse-schema.ts'
import type { Schema } from '../../src/schema/types.ts'

export const catalog = createFakerCatalog()

/** The issues parseSchema reports for a document ([] when it is valid). */
export function issuesOf(document: unknown): readonly Issue[] {
  const result = parseSchema(document, catalog)
  return result.ok ? [] : result.issues
}

/** Parses a document that must be valid. */
export function schemaOf(document: unknown): Schema {
  const result = parseSchema(document, catalog)
  if (!result.ok) throw new Error(`unexpected issues: ${JSON.stringify(result.issues, null, 2)}`)
  return result.schema
}

/** A one-resource document with these fields. */
export function withFields(fields: unknown, extra: Record<string, unknown> = {}): unknown {
  return { resources: { users: { fields }, ...extra } }
}

/** What `run` throws, or `undefined` when it returns. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  return undefined
}
