import type { JsonObject } from '../json.ts'
import type { Schema } from '../schema/types.ts'
import { exampleFields } from './example-fields.ts'
import { type Candidate, type ExampleLink, type Pick, exampleLink } from './example-link.ts'
import { type Context, ROWS } from './query-row-specs.ts'

export type QueryRow = {
  readonly query: string
  readonly meaning: string
  readonly example: ExampleLink | undefined
}

/** The first resource (plural ones with fields first) for which `pick` finds parameters. */
function firstExample(candidates: readonly Candidate[], pick: Pick): ExampleLink | undefined {
  for (const candidate of candidates) {
    const params = pick(candidate)
    if (params !== undefined)
      return exampleLink(`/${encodeURIComponent(candidate.resource.name)}`, params)
  }
  return undefined
}

/** PRODUCT's query language, one row each, with an example on the first resource it fits. */
export function queryRows(
  schema: Schema,
  examples: (resource: string) => JsonObject | undefined,
): QueryRow[] {
  const plural = [...schema.resources.values()].filter((resource) => !resource.singular)
  const ordered = [
    ...plural.filter((r) => r.fields !== undefined),
    ...plural.filter((r) => r.fields === undefined),
  ]
  const candidates: Candidate[] = ordered.map((resource) => {
    const item = examples(resource.name)
    return { resource, fields: exampleFields(resource, item), id: item?.[resource.idKey] }
  })
  const context: Context = {
    on: (pick) => firstExample(candidates, pick),
    relation: schema.relations.find((r) => schema.resources.get(r.child)?.singular === false),
  }
  return ROWS.map(([query, meaning, example]) => ({ query, meaning, example: example(context) }))
}
