import { isId } from '../json.ts'
import type { Row } from '../json.ts'

/** Rows of one child resource grouped by the parent id a foreign key holds, each group in list order. */
export type RefIndex = Map<string, Row[]>

export type ResourceIndex = {
  /** The field that identifies items (`id`, or the name `--id` chose). */
  readonly idField: string
  readonly byId: Map<string, Row>
  /** One entry per foreign-key field of the resource. */
  readonly byRef: Map<string, RefIndex>
}

/** Where a row stands in its resource's list (-1 when it is not there). */
export type Position = (row: Row) => number

export const NO_ROWS: readonly Row[] = Object.freeze([])

function idKey(id: unknown): string | undefined {
  return isId(id) ? String(id) : undefined
}

export function buildIndex(
  rows: readonly Row[],
  refFields: readonly string[],
  idField: string,
): ResourceIndex {
  const index: ResourceIndex = { idField, byId: new Map(), byRef: new Map() }
  for (const row of rows) {
    const key = idKey(row[idField])
    if (key !== undefined) index.byId.set(key, row)
  }
  addRefIndices(index, rows, refFields)
  return index
}

/** Adds foreign-key groups for `refFields` (built from the rows, in list order) to an index. */
export function addRefIndices(
  index: ResourceIndex,
  rows: readonly Row[],
  refFields: readonly string[],
): void {
  for (const field of refFields) {
    const refs: RefIndex = new Map()
    for (const row of rows) appendToGroup(refs, row[field], row)
    index.byRef.set(field, refs)
  }
}

/** Indexes a row appended at the end of the list. */
export function indexInsert(index: ResourceIndex, row: Row): void {
  const key = idKey(row[index.idField])
  if (key !== undefined) index.byId.set(key, row)
  for (const [field, refs] of index.byRef) appendToGroup(refs, row[field], row)
}

function appendToGroup(refs: RefIndex, parentId: unknown, row: Row): void {
  const parent = idKey(parentId)
  if (parent === undefined) return
  const group = refs.get(parent)
  if (group === undefined) refs.set(parent, [row])
  else group.push(row)
}

/**
 * Indexes `next`, which took the place of `previous` in the list (same id). A row that moves to
 * another parent is placed among its new siblings by list position (found only then: it is rare).
 */
export function indexReplace(
  index: ResourceIndex,
  previous: Row,
  next: Row,
  position: Position,
): void {
  const key = idKey(next[index.idField])
  if (key !== undefined) index.byId.set(key, next)
  for (const [field, refs] of index.byRef) {
    const before = idKey(previous[field])
    const after = idKey(next[field])
    if (before === after) {
      if (before !== undefined) replaceIn(refs.get(before), previous, next)
      continue
    }
    if (before !== undefined) removeFrom(refs, before, previous)
    if (after !== undefined) insertInOrder(refs, after, next, position)
  }
}

export function indexRemove(index: ResourceIndex, row: Row): void {
  const key = idKey(row[index.idField])
  if (key !== undefined && index.byId.get(key) === row) index.byId.delete(key)
  for (const [field, refs] of index.byRef) {
    const parent = idKey(row[field])
    if (parent !== undefined) removeFrom(refs, parent, row)
  }
}

function replaceIn(group: Row[] | undefined, previous: Row, next: Row): void {
  if (group === undefined) return
  const at = group.indexOf(previous)
  if (at !== -1) group[at] = next
}

function removeFrom(refs: RefIndex, parent: string, row: Row): void {
  const group = refs.get(parent)
  if (group === undefined) return
  const at = group.indexOf(row)
  if (at === -1) return
  if (group.length === 1) refs.delete(parent)
  else group.splice(at, 1)
}

function insertInOrder(refs: RefIndex, parent: string, row: Row, position: Position): void {
  const group = refs.get(parent)
  if (group === undefined) {
    refs.set(parent, [row])
    return
  }
  const at = position(row)
  let low = 0
  let high = group.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const other = group[middle]
    if (other !== undefined && position(other) < at) low = middle + 1
    else high = middle
  }
  group.splice(low, 0, row)
}
