import type { Faker } from '@faker-js/faker'
import type { Id, JsonValue } from '../json.ts'

/** A compiled field: the value for item `index`, or `undefined` when the field is absent. */
export type Gen = (index: number) => JsonValue | undefined

/** What every field of one resource is compiled against. */
export type CompileContext = {
  readonly faker: Faker
  readonly resource: string
  /** Items generated for the resource (1 for a singular one): refs spread over it. */
  readonly count: number
  /** Ids a `ref` to `resource` may point to, in order; empty when it has no items. */
  readonly parentIds: (resource: string) => readonly Id[]
}

/** Seen-value sets of `unique` fields; an array clears its own scope for every array it builds. */
export type UniqueScope = { readonly seen: Set<unknown>[] }

/** Where a field sits: its dotted path for messages and how unique values are scoped. */
export type FieldSite = {
  readonly path: string
  readonly inArray: boolean
  readonly scope: UniqueScope
  /** How many unique values the scope may need, for the error message. */
  readonly needed: number
}
