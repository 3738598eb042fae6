import type { JsonObject } from '../json.ts'
import type { ResourceSpec, Schema } from '../schema/types.ts'
import type { IdSchemaOf } from './field-schemas.ts'
import type { DeleteMode } from './responses.ts'
import type { OwnFeatures } from '../routes/own-routes.ts'
import { singularize } from '../schema/singularize.ts'

/** What building the document's operations needs to know, computed once per document. */
export type BuildContext = {
  readonly schema: Schema
  readonly names: ReadonlyMap<string, string>
  readonly idOf: IdSchemaOf
  readonly examples: (resource: string) => JsonObject | undefined
  readonly deleteMode: DeleteMode
  /** The server's optional own routes that are on (a routes file's `/__rules`). */
  readonly features: OwnFeatures
  /** Returns `wanted`, or `wanted2`, `wanted3`... once `wanted` is taken. */
  readonly uniqueOperationId: (wanted: string) => string
}

export function createOperationIds(): (wanted: string) => string {
  const taken = new Set<string>()
  return (wanted) => {
    let id = wanted
    for (let n = 2; taken.has(id); n += 1) id = `${wanted}${n}`
    taken.add(id)
    return id
  }
}

export function resourceOf(context: BuildContext, name: string): ResourceSpec {
  const resource = context.schema.resources.get(name)
  if (resource === undefined) throw new Error(`Unknown resource in a route: ${name}`)
  return resource
}

export function typeName(context: BuildContext, resource: string): string {
  return context.names.get(resource) ?? resource
}

/** `posts` -> `a post`, `albums` -> `an album`, `users` -> `a user`. */
export function aSingle(resource: ResourceSpec): string {
  const word = resource.singular ? resource.name : singularize(resource.name)
  return /^[aeio]/i.test(word) ? `an ${word}` : `a ${word}`
}
