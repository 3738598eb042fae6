import type { Issue } from '../errors.ts'
import type { Data } from '../json.ts'
import type { Schema } from '../schema/types.ts'
import { repeatedIds } from './check-data.ts'
import type { RemovalPlan } from './remove-plan.ts'
import { mergeRow } from './rows.ts'
import { Table } from './table.ts'

/** The plural resources of the database, each a Table over the live array in the data. */
export class Tables {
  readonly #schema: Schema
  readonly #refFields = new Map<string, string[]>()
  readonly #tables = new Map<string, Table>()

  constructor(schema: Schema, data: Data) {
    this.#schema = schema
    for (const { child, field } of schema.relations) {
      this.#refFields.set(child, [...(this.#refFields.get(child) ?? []), field])
    }
    this.rebuild(data, schema.resources.keys())
  }

  get(resource: string): Table {
    const table = this.#tables.get(resource)
    if (table === undefined) throw new Error(`${resource} is not a plural resource`)
    return table
  }

  /** Indexes these resources afresh from the data; id counters only move forward. */
  rebuild(data: Data, names: Iterable<string>): void {
    for (const name of names) {
      const spec = this.#schema.resources.get(name)
      const rows = data[name]
      if (spec === undefined || spec.singular || !Array.isArray(rows)) continue
      const table = this.#tables.get(name)
      if (table) table.reload(rows)
      else this.#tables.set(name, new Table(spec, rows, this.#refFields.get(name) ?? []))
    }
  }

  /** Items sharing an id; the indices show whether there are any without a second pass. */
  repeatedIds(): Issue[] {
    return [...this.#tables.values()]
      .filter((table) => table.hasRepeatedIds())
      .flatMap((table) => repeatedIds(table.spec, table.rows))
  }

  /** Carries out a removal plan; returns the resources it changed. */
  apply(plan: RemovalPlan): string[] {
    const changed = new Set<string>()
    for (const [name, rows] of plan.removed) {
      this.get(name).removeAll(rows)
      changed.add(name)
    }
    for (const [name, fields] of plan.nullified) {
      const table = this.get(name)
      for (const [row, keys] of fields) {
        const changes = Object.fromEntries(keys.map((key) => [key, null]))
        table.swap(row, mergeRow(row, changes, table.spec.idKey))
      }
      changed.add(name)
    }
    return [...changed]
  }
}
