import type { ResourceSpec, Schema } from '../schema/types.ts'

/** The routes a resource answers on, one level of nesting shown. */
export function resourceRoutes(resource: ResourceSpec, schema: Schema): string[] {
  if (resource.singular) return [`/${resource.name}`]
  const children = schema.relations
    .filter((relation) => relation.parent === resource.name)
    .map((relation) => `/${resource.name}/:id/${relation.child}`)
  return [`/${resource.name}`, `/${resource.name}/:id`, ...new Set(children)]
}
