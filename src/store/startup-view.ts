import type { Data, Row } from '../json.ts'
import type { Schema } from '../schema/types.ts'
import { NO_ROWS } from './indices.ts'
import { Table } from './table.ts'
import { refFieldsOf } from './tables.ts'

/** What the store tells its startup view: the value a resource had before its first change. */
export type StartupSource = {
  /** `undefined` while the resource has not changed since the store opened. */
  readonly before: (resource: string) => { readonly value: Data[string] | undefined } | undefined
  /** The live table of a plural resource that has not changed: it still holds the startup rows. */
  readonly live: (resource: string) => Table | undefined
  readonly liveValue: (resource: string) => Data[string] | undefined
  readonly liveNames: () => readonly string[]
}

/**
 * The database as the store was opened, read-only, with its indices: sessions start from it. A
 * resource nobody changed is read through its live table (no copy); one that changed is indexed
 * once, from the value the store kept before its first change, and shared by every session.
 */
export class StartupView {
  readonly schema: Schema
  readonly #source: StartupSource
  readonly #refFields: ReadonlyMap<string, readonly string[]>
  readonly #frozen = new Map<string, Table>()

  constructor(schema: Schema, source: StartupSource) {
    this.schema = schema
    this.#source = source
    this.#refFields = refFieldsOf(schema)
  }

  /** The table holding a plural resource's startup rows; `undefined` for any other name. */
  table(resource: string): Table | undefined {
    const before = this.#source.before(resource)
    if (before === undefined) return this.#source.live(resource)
    let table = this.#frozen.get(resource)
    const spec = this.schema.resources.get(resource)
    if (table === undefined && spec !== undefined && Array.isArray(before.value)) {
      table = new Table(spec, before.value, this.#refFields.get(resource) ?? [])
      this.#frozen.set(resource, table)
    }
    return table
  }

  rows(resource: string): readonly Row[] {
    return this.table(resource)?.rows ?? NO_ROWS
  }

  byId(resource: string, key: string): Row | undefined {
    return this.table(resource)?.byId(key)
  }

  byRef(child: string, field: string, parentId: string): readonly Row[] {
    return this.table(child)?.index.byRef.get(field)?.get(parentId) ?? NO_ROWS
  }

  /** A resource's startup value (an array, or a singular resource's object). */
  value(resource: string): Data[string] | undefined {
    const before = this.#source.before(resource)
    return before === undefined ? this.#source.liveValue(resource) : before.value
  }

  /** The resources the database held at startup, in its order. */
  names(): string[] {
    return this.#source.liveNames().filter((name) => this.value(name) !== undefined)
  }
}
