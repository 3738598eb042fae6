import type { AuthOverview } from '../auth/auth-overview.ts'
import type { OperationLine } from '../openapi-import/operation-lines.ts'
import type { Id, JsonObject } from '../json.ts'
import { isId } from '../json.ts'
import { atBase } from '../routes/base-path.ts'
import type { RouteMethod } from '../routes/route-method.ts'
import { routeTable, toColonPath } from '../routes/route-table.ts'
import type { ResourceSpec, Schema } from '../schema/types.ts'

export type HomepageOptions = {
  readonly readOnly: boolean
  readonly fakeWrites: boolean
  /** Added latency in milliseconds: fixed when `min === max`; `undefined` for none. */
  readonly delay: { readonly min: number; readonly max: number } | undefined
  readonly cors: boolean
  /** Where the data live: a file path, or a note such as `in memory`. */
  readonly db?: string | undefined
  readonly seed?: number | undefined
}

export type HomepageInfo = {
  /** fauxrest's version. */
  readonly version: string
  /** The API's URL, e.g. `http://127.0.0.1:3000` (with its prefix), for the curl examples. */
  readonly baseUrl: string
  /** The prefix of every route (`--base /api`), `''` for none: every link starts with it. */
  readonly basePath?: string | undefined
  readonly schema: Schema
  /** Items each plural resource holds now. */
  readonly counts: (resource: string) => number
  /** The first item of a resource (the object of a singular one), for example ids and bodies. */
  readonly examples: (resource: string) => JsonObject | undefined
  readonly options: HomepageOptions
  readonly title?: string | undefined
  /** A served OpenAPI document's operations, listed instead of fauxrest's resource routes. */
  readonly operations?: readonly OperationLine[] | undefined
  /** With auth on: how to log in, the rules and the demo users. */
  readonly auth?: AuthOverview | undefined
}

export type RouteLine = { readonly methods: readonly string[]; readonly path: string }

export type ResourceSummary = {
  readonly name: string
  readonly singular: boolean
  readonly count: number | undefined
  readonly routes: readonly RouteLine[]
  readonly example: JsonObject | undefined
  /** The id of the example item (plural resources), else `undefined`. */
  readonly exampleId: Id | undefined
}

function methodList(methods: readonly RouteMethod[]): string[] {
  return methods.map((method) => method.toUpperCase())
}

/** Resources with counts and every route that serves them (`:param` style), in schema order. */
export function summarizeResources(info: HomepageInfo): ResourceSummary[] {
  const routes = routeTable(info.schema).resources
  return [...info.schema.resources.values()].map((resource) => {
    const example = info.examples(resource.name)
    const id = example?.[resource.idKey]
    return {
      name: resource.name,
      singular: resource.singular,
      count: resource.singular ? undefined : info.counts(resource.name),
      routes: routes
        .filter((route) => route.resource === resource.name)
        .map((route) => ({
          methods: methodList(route.methods),
          path: atBase(info.basePath ?? '', toColonPath(route.path)),
        })),
      example,
      exampleId: !resource.singular && isId(id) ? id : undefined,
    }
  })
}

/** A path segment for an id or resource name. */
export function segment(value: Id): string {
  return encodeURIComponent(String(value))
}

/** The example body of a POST: the example item without its id. */
export function createBody(resource: ResourceSpec, example: JsonObject | undefined): JsonObject {
  if (example === undefined) return {}
  if (resource.singular) return example
  return Object.fromEntries(Object.entries(example).filter(([key]) => key !== resource.idKey))
}
