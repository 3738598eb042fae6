import type { Relation, Schema } from '../schema/types.ts'
import { camelCase, resourceTypeNames, typeNameOf } from './resource-names.ts'

export const ROUTE_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const
export type RouteMethod = (typeof ROUTE_METHODS)[number]

/** A parent item on a nested route: `/users/{userId}` is `{ resource: 'users', param: 'userId' }`. */
export type RouteStep = { readonly resource: string; readonly param: string }

export type ApiRoute = {
  readonly kind: 'list' | 'item' | 'singular'
  readonly resource: string
  /** Parent items on the path, outermost first; empty for top-level routes. */
  readonly parents: readonly RouteStep[]
  /** The ref from `resource` to its direct parent on the path; `undefined` for top-level routes. */
  readonly relation: Relation | undefined
  /** The path parameter holding this item's id (`id`, or `postId` when nested); lists have none. */
  readonly idParam: string | undefined
  /** OpenAPI style: `/users/{userId}/posts/{postId}`. */
  readonly path: string
  readonly methods: readonly RouteMethod[]
}

const LIST_METHODS: readonly RouteMethod[] = ['get', 'post']
const ITEM_METHODS: readonly RouteMethod[] = ['get', 'put', 'patch', 'delete']
const SINGULAR_METHODS: readonly RouteMethod[] = ['get', 'post', 'put', 'patch']

/**
 * Every resource route fauxrest serves for a schema, in a stable order: the top-level routes of
 * every resource, then the routes nested one level under a parent, then two, and so on. Nesting
 * follows every `ref` but never visits a resource twice on one path (so a self-reference adds no
 * nested route). Where a child has several refs to the same parent, the first declared one links
 * the nested routes.
 */
export function listApiRoutes(schema: Schema): ApiRoute[] {
  const names = resourceTypeNames(schema)
  const paramOf = (resource: string): string => `${camelCase(typeNameOf(names, resource))}Id`
  const routes: ApiRoute[] = []

  const addNested = (parents: readonly RouteStep[], prefix: string): void => {
    const parent = parents.at(-1)
    if (parent === undefined) return
    const seen = new Set(parents.map((step) => step.resource))
    for (const relation of schema.relations) {
      const child = schema.resources.get(relation.child)
      if (relation.parent !== parent.resource || child === undefined || child.singular) continue
      if (seen.has(child.name)) continue
      seen.add(child.name)
      const listPath = `${prefix}/${child.name}`
      const idParam = paramOf(child.name)
      routes.push({
        ...base(child.name, parents, relation),
        kind: 'list',
        idParam: undefined,
        path: listPath,
        methods: LIST_METHODS,
      })
      const itemPath = `${listPath}/{${idParam}}`
      routes.push({
        ...base(child.name, parents, relation),
        kind: 'item',
        idParam,
        path: itemPath,
        methods: ITEM_METHODS,
      })
      addNested([...parents, { resource: child.name, param: idParam }], itemPath)
    }
  }

  for (const resource of schema.resources.values()) {
    const path = `/${resource.name}`
    if (resource.singular) {
      routes.push({
        ...base(resource.name, [], undefined),
        kind: 'singular',
        idParam: undefined,
        path,
        methods: SINGULAR_METHODS,
      })
      continue
    }
    routes.push({
      ...base(resource.name, [], undefined),
      kind: 'list',
      idParam: undefined,
      path,
      methods: LIST_METHODS,
    })
    routes.push({
      ...base(resource.name, [], undefined),
      kind: 'item',
      idParam: 'id',
      path: `${path}/{id}`,
      methods: ITEM_METHODS,
    })
    const param = paramOf(resource.name)
    addNested([{ resource: resource.name, param }], `${path}/{${param}}`)
  }
  return routes.toSorted((a, b) => a.parents.length - b.parents.length)
}

function base(
  resource: string,
  parents: readonly RouteStep[],
  relation: Relation | undefined,
): Pick<ApiRoute, 'resource' | 'parents' | 'relation'> {
  return { resource, parents, relation }
}

/** `/users/{userId}/posts` -> `/users/:userId/posts` (the style routers and the CLI use). */
export function toColonPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1')
}
