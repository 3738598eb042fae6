import type { Data, Id, Row } from '../json.ts'
import { isId, isJsonObject } from '../json.ts'
import type { ResourceSpec, Schema } from '../schema/types.ts'
import { compileResource } from './compile-resource.ts'
import { createFaker } from './create-faker.ts'
import { deriveSeed } from './derive-seed.ts'
import { generateIds } from './generate-ids.ts'
import { progressReporter } from './progress.ts'

export { DEFAULT_REF_DATE } from './create-faker.ts'

export type GenerateOptions = {
  readonly seed: number
  /** Generate only these resources; refs to the others take their ids from `existing`. */
  readonly only?: ReadonlySet<string> | undefined
  readonly existing?: Data | undefined
  /** Dates are generated relative to it; `DEFAULT_REF_DATE` by default. */
  readonly refDate?: Date | undefined
  /** Called a few hundred times at most, and once with `done === total` at the end. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined
}

function existingIds(existing: Data | undefined, resource: string, idKey: string): Id[] {
  const rows = existing?.[resource]
  if (!Array.isArray(rows)) return []
  const ids: Id[] = []
  for (const row of rows) {
    const id = isJsonObject(row) ? row[idKey] : undefined
    if (isId(id)) ids.push(id)
  }
  return ids
}

/**
 * Generates the data of every resource of the schema (or of those in `only`). The same schema
 * and seed give the same data on any machine and any day: each resource draws from its own
 * faker seeded from (seed, resource name). Ids are drawn before any field, so a ref needs only
 * its parent's ids and resources can be generated in declaration order, cycles included.
 */
export function generate(schema: Schema, options: GenerateOptions): Data {
  const { seed, only, existing, refDate } = options
  if (only !== undefined) {
    for (const name of only) {
      if (!schema.resources.has(name)) throw new Error(`No resource "${name}" in the schema`)
    }
  }
  const targets = [...schema.resources.values()].filter((spec) => only?.has(spec.name) ?? true)

  const ids = new Map<string, readonly Id[]>()
  const jobs = targets.map((spec) => {
    const faker = createFaker(deriveSeed(seed, spec.name), refDate)
    ids.set(spec.name, spec.singular ? [] : generateIds(spec.id, spec.count, faker))
    return { spec, faker }
  })
  const parentIds = (resource: string): readonly Id[] => {
    let found = ids.get(resource)
    if (found === undefined) {
      found = existingIds(existing, resource, schema.resources.get(resource)?.idKey ?? 'id')
      ids.set(resource, found)
    }
    return found
  }

  const total = targets.reduce((sum, spec) => sum + itemCount(spec), 0)
  const progress = progressReporter(total, options.onProgress)
  const data: Data = {}
  for (const { spec, faker } of jobs) {
    const count = itemCount(spec)
    const ctx = { faker, resource: spec.name, count, parentIds }
    const build = compileResource(spec, ctx, spec.singular ? undefined : ids.get(spec.name))
    if (spec.singular) {
      data[spec.name] = build(0)
      progress.advance()
      continue
    }
    data[spec.name] = Array.from({ length: count }, (_, index): Row => {
      const row = build(index)
      progress.advance()
      return row
    })
  }
  progress.finish()
  return data
}

function itemCount(spec: ResourceSpec): number {
  return spec.singular ? 1 : spec.count
}
