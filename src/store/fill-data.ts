import { hasOwn } from '../json.ts'
import type { Data } from '../json.ts'
import type { Schema } from '../schema/types.ts'

/** Makes the data of the resources in `only`; it may load what it needs first (a promise). */
export type Generate = (only: ReadonlySet<string>, existing: Data) => Data | Promise<Data>

/** Adds the schema's resources the data lacks (all of them when `all`), in schema order. */
export async function fill(
  schema: Schema,
  existing: Data,
  generate: Generate,
  all: boolean,
): Promise<Data> {
  const missing = new Set<string>()
  for (const name of schema.resources.keys()) {
    if (all || !hasOwn(existing, name)) missing.add(name)
  }
  if (missing.size === 0) return existing
  const generated = await generate(missing, existing)
  const data: Data = all ? {} : { ...existing }
  for (const name of missing) {
    const value = generated[name]
    if (value === undefined) throw new Error(`generate() returned no data for ${name}`)
    data[name] = value
  }
  return data
}
