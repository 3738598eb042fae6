import type { JsonObject } from '../json.ts'
import type { Store } from '../store/store.ts'

/** The JSON homepage: every resource with its count and URL. */
export function serverIndex(store: Store, origin: string): JsonObject {
  const resources: JsonObject[] = []
  for (const resource of store.schema.resources.values()) {
    const url = `${origin}/${resource.name}`
    resources.push(
      resource.singular
        ? { name: resource.name, singular: true, url }
        : { name: resource.name, count: store.list(resource.name).length, url },
    )
  }
  return { name: 'fauxrest', resources, db: `${origin}/db` }
}
