import { camelCase, resourceTypeNames, typeNameOf } from '../openapi/resource-names.ts'
import type { Relation, ResourceSpec, Schema } from '../schema/types.ts'
import { OWN_ROUTES, pathsOf, type OwnFeatures, type OwnRoute } from './own-routes.ts'
import type { RouteMethod } from './route-method.ts'

/** A parent item on a nested route: `/users/{userId}` is `{ resource: 'users', param: 'userId' }`. */
export type RouteStep = {
  readonly resource: string
  readonly param: string
  /** The ref by which this step's items hang under the step before; `undefined` on the first. */
  readonly via?: Relation
}

export type ResourceRoute = {
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
  /** The `Allow` header: the methods, with HEAD and OPTIONS. */
  readonly allow: string
}

/** A resource route a request path names, with the ids its path holds (parents' first). */
export type RouteMatch = { readonly route: ResourceRoute; readonly ids: readonly string[] }

export type RouteTable = {
  /** Every resource route, top-level first, then one level deep, then two, and so on. */
  readonly resources: readonly ResourceRoute[]
  /** fauxrest's own routes served always (`/`, `/docs`, `/db`, `/_reset`, ...). */
  readonly own: readonly OwnRoute[]
  /**
   * The own routes with these features on: `own`, then the feature's routes. An auth route whose
   * path (or alias) names a resource gives way to it: a resource called `login` keeps its routes.
   */
  ownWith(features: OwnFeatures): readonly OwnRoute[]
  /** The resource route for decoded path segments; `undefined` when no route has that shape. */
  match(segments: readonly string[]): RouteMatch | undefined
}

const LIST_METHODS: readonly RouteMethod[] = ['get', 'post']
const ITEM_METHODS: readonly RouteMethod[] = ['get', 'put', 'patch', 'delete']
const SINGULAR_METHODS: readonly RouteMethod[] = ['get', 'post', 'put', 'patch']

/** `GET, HEAD, PUT, PATCH, OPTIONS`: an `Allow` header for these methods. */
export function allowHeader(methods: readonly RouteMethod[]): string {
  const names = methods.flatMap((method) =>
    method === 'get' ? ['GET', 'HEAD'] : [method.toUpperCase()],
  )
  return [...names, 'OPTIONS'].join(', ')
}

// The routes under one path prefix: the list (or singular object), the item, and under the item
// the nested resources by name.
type Branch = { list?: ResourceRoute; item?: ResourceRoute; readonly under: Map<string, Branch> }

const tables = new WeakMap<Schema, RouteTable>()

/** The route table of a schema, built once per schema. */
export function routeTable(schema: Schema): RouteTable {
  let table = tables.get(schema)
  if (table === undefined) {
    table = buildRouteTable(schema)
    tables.set(schema, table)
  }
  return table
}

/** Every route fauxrest serves for a schema: its resources' (see resourceRoutes), then its own. */
function buildRouteTable(schema: Schema): RouteTable {
  const { routes, root } = resourceRoutes(schema)
  const always = OWN_ROUTES.filter((route) => route.feature === undefined)
  const isResource = (path: string): boolean => schema.resources.has(path.slice(1))
  const withFeatures = new Map<string, readonly OwnRoute[]>()
  const ownWith = (features: OwnFeatures): readonly OwnRoute[] => {
    const key = `${features.auth === true} ${features.rules === true}`
    let cached = withFeatures.get(key)
    if (cached === undefined) {
      cached = ownRoutesWith(features, always, isResource)
      withFeatures.set(key, cached)
    }
    return cached
  }
  return {
    resources: routes.toSorted((a, b) => a.parents.length - b.parents.length),
    own: always,
    ownWith,
    match: (segments) => matchRoute(root, segments),
  }
}

/**
 * The resource routes, in the order they are found, and the tree that matches paths to them.
 * Nesting follows every `ref` and never visits a resource twice on one path, except that a
 * self-reference (`users.managerId` -> `users`) nests a resource once under itself
 * (`/users/{managerId}/users`) and nothing deeper. Where a child has several refs to the same
 * parent, the first declared one links the nested routes.
 */
function resourceRoutes(schema: Schema): {
  routes: ResourceRoute[]
  root: ReadonlyMap<string, Branch>
} {
  const names = resourceTypeNames(schema)
  const paramOf = (resource: string): string => `${camelCase(typeNameOf(names, resource))}Id`
  const routes: ResourceRoute[] = []
  const root = new Map<string, Branch>()

  const add = (route: Omit<ResourceRoute, 'allow'>): ResourceRoute => {
    const full = { ...route, allow: allowHeader(route.methods) }
    routes.push(full)
    return full
  }

  const addNested = (parents: readonly RouteStep[], branch: Branch): void => {
    const parent = parents.at(-1)
    if (parent === undefined) return
    const onPath = new Set(parents.map((step) => step.resource))
    const seen = new Set<string>()
    for (const relation of schema.relations) {
      const child = schema.resources.get(relation.child)
      if (relation.parent !== parent.resource || child === undefined || child.singular) continue
      if (seen.has(child.name)) continue
      seen.add(child.name)
      const self = child.name === parent.resource
      if (onPath.has(child.name) && !self) continue
      const idParam = paramOf(child.name)
      // A self-reference names the parent by its ref (`managerId`), as the item keeps its own.
      const steps = self
        ? [...parents.slice(0, -1), { ...parent, param: selfParam(relation, idParam) }]
        : parents
      const listPath = `${pathOf(steps)}/${child.name}`
      const itemPath = `${listPath}/{${idParam}}`
      const common = { resource: child.name, parents: steps, relation }
      const nested: Branch = { under: new Map() }
      nested.list = add({
        ...common,
        kind: 'list',
        idParam: undefined,
        path: listPath,
        methods: LIST_METHODS,
      })
      nested.item = add({ ...common, kind: 'item', idParam, path: itemPath, methods: ITEM_METHODS })
      branch.under.set(child.name, nested)
      if (!self)
        addNested([...parents, { resource: child.name, param: idParam, via: relation }], nested)
    }
  }

  for (const resource of schema.resources.values()) {
    const branch: Branch = { under: new Map() }
    root.set(resource.name, branch)
    addTopLevel(resource, branch, add)
    if (!resource.singular) {
      const param = paramOf(resource.name)
      addNested([{ resource: resource.name, param }], branch)
    }
  }
  return { routes, root }
}

function ownRoutesWith(
  features: OwnFeatures,
  always: readonly OwnRoute[],
  isResource: (path: string) => boolean,
): readonly OwnRoute[] {
  return [
    ...always,
    ...OWN_ROUTES.flatMap((route) => {
      if (route.feature === undefined || features[route.feature] !== true) return []
      if (route.feature !== 'auth') return [route]
      const paths = pathsOf(route).filter((path) => !isResource(path))
      const [path, ...aliases] = paths
      return path === undefined ? [] : [{ ...route, path, aliases }]
    }),
  ]
}

function addTopLevel(
  resource: ResourceSpec,
  branch: Branch,
  add: (route: Omit<ResourceRoute, 'allow'>) => ResourceRoute,
): void {
  const path = `/${resource.name}`
  const common = { resource: resource.name, parents: [], relation: undefined }
  if (resource.singular) {
    branch.list = add({
      ...common,
      kind: 'singular',
      idParam: undefined,
      path,
      methods: SINGULAR_METHODS,
    })
    return
  }
  branch.list = add({ ...common, kind: 'list', idParam: undefined, path, methods: LIST_METHODS })
  branch.item = add({
    ...common,
    kind: 'item',
    idParam: 'id',
    path: `${path}/{id}`,
    methods: ITEM_METHODS,
  })
}

function selfParam(relation: Relation, idParam: string): string {
  return relation.field === idParam
    ? `parent${idParam.charAt(0).toUpperCase()}${idParam.slice(1)}`
    : relation.field
}

function pathOf(steps: readonly RouteStep[]): string {
  return steps.map((step) => `/${step.resource}/{${step.param}}`).join('')
}

function matchRoute(
  root: ReadonlyMap<string, Branch>,
  segments: readonly string[],
): RouteMatch | undefined {
  let branch = root.get(segments[0] ?? '')
  const ids: string[] = []
  for (let index = 1; branch !== undefined; index += 2) {
    if (index === segments.length) return branch.list && { route: branch.list, ids }
    const id = segments[index] ?? ''
    ids.push(id)
    if (index + 1 === segments.length) return branch.item && { route: branch.item, ids }
    if (branch.item === undefined) return undefined
    branch = branch.under.get(segments[index + 1] ?? '')
  }
  return undefined
}

/** `/users/{userId}/posts` -> `/users/:userId/posts` (the style routers and the CLI use). */
export function toColonPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1')
}
