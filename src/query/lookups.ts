import type { Row } from '../json.ts'

/** Read access to the store that the query functions need; rows are never mutated through it. */
export type Lookups = {
  rows(resource: string): readonly Row[]
  byId(resource: string, id: string): Row | undefined
  /** Rows of `child` whose `field` equals parentId, via the foreign-key index. */
  byRef(child: string, field: string, parentId: string): readonly Row[]
}
