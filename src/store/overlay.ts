import { isId } from '../json.ts'
import type { Row } from '../json.ts'
import type { ResourceSpec } from '../schema/types.ts'
import type { IdSource } from './id-source.ts'
import { buildIndex, indexInsert, indexRemove, indexReplace, NO_ROWS } from './indices.ts'
import type { ResourceIndex } from './indices.ts'
import type { Table } from './table.ts'

/**
 * One plural resource as a session sees it: the startup rows (shared, never copied), the ones the
 * session replaced or deleted, and the ones it added. It holds only what the session changed.
 */
export class Overlay {
  readonly ids: IdSource
  readonly #base: () => Table | undefined
  /** Startup rows the session changed: the row now, or `null` once deleted. */
  readonly #replaced = new Map<Row, Row | null>()
  /** The startup row each current replacement stands for. */
  readonly #origin = new Map<Row, Row>()
  /** Rows the session added, in order, and their indices. */
  readonly #added: Row[] = []
  readonly #addedSet = new Set<Row>()
  readonly #addedIndex: ResourceIndex

  constructor(
    spec: ResourceSpec,
    base: () => Table | undefined,
    refFields: readonly string[],
    ids: IdSource,
  ) {
    this.#base = base
    this.ids = ids
    this.#addedIndex = buildIndex([], refFields, spec.idKey)
  }

  /** Rows the session holds: replaced, deleted and added ones. */
  get size(): number {
    return this.#replaced.size + this.#added.length
  }

  /** Every row the session changed or added, as it is now. */
  held(): Row[] {
    const rows: Row[] = []
    for (const row of this.#replaced.values()) if (row !== null) rows.push(row)
    return rows.concat(this.#added)
  }

  rows(): readonly Row[] {
    const base = this.#base()?.rows ?? NO_ROWS
    if (this.#replaced.size === 0) return this.#added.length === 0 ? base : base.concat(this.#added)
    const rows: Row[] = []
    for (const row of base) {
      const now = this.#replaced.has(row) ? this.#replaced.get(row) : row
      if (now !== null && now !== undefined) rows.push(now)
    }
    for (const row of this.#added) rows.push(row)
    return rows
  }

  byId(key: string): Row | undefined {
    const added = this.#addedIndex.byId.get(key)
    if (added !== undefined) return added
    const row = this.#base()?.byId(key)
    if (row === undefined || !this.#replaced.has(row)) return row
    return this.#replaced.get(row) ?? undefined
  }

  byRef(field: string, parentId: string): readonly Row[] {
    const base = this.#base()?.index.byRef.get(field)?.get(parentId) ?? NO_ROWS
    const added = this.#addedIndex.byRef.get(field)?.get(parentId) ?? NO_ROWS
    if (this.#replaced.size === 0) return added.length === 0 ? base : base.concat(added)
    // A changed row that moved here from another parent takes its place in list order: rare, so
    // the whole list is read for it.
    for (const [was, now] of this.#replaced) {
      if (now !== null && keyOf(now[field]) === parentId && keyOf(was[field]) !== parentId) {
        return this.rows().filter((row) => keyOf(row[field]) === parentId)
      }
    }
    const rows: Row[] = []
    for (const row of base) {
      const now = this.#replaced.has(row) ? this.#replaced.get(row) : row
      if (now !== null && now !== undefined && keyOf(now[field]) === parentId) rows.push(now)
    }
    for (const row of added) rows.push(row)
    return rows
  }

  append(row: Row): void {
    this.#added.push(row)
    this.#addedSet.add(row)
    indexInsert(this.#addedIndex, row)
  }

  swap(row: Row, next: Row): void {
    if (this.#addedSet.has(row)) {
      const added = this.#added
      added[added.indexOf(row)] = next
      this.#addedSet.delete(row)
      this.#addedSet.add(next)
      indexReplace(this.#addedIndex, row, next, (other) => added.indexOf(other))
      return
    }
    const was = this.#origin.get(row) ?? row
    this.#origin.delete(row)
    this.#origin.set(next, was)
    this.#replaced.set(was, next)
  }

  remove(row: Row): void {
    if (this.#addedSet.has(row)) {
      this.#added.splice(this.#added.indexOf(row), 1)
      this.#addedSet.delete(row)
      indexRemove(this.#addedIndex, row)
      return
    }
    const was = this.#origin.get(row) ?? row
    this.#origin.delete(row)
    this.#replaced.set(was, null)
  }
}

function keyOf(value: unknown): string | undefined {
  return isId(value) ? String(value) : undefined
}
