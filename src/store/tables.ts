import type { Issue } from '../errors.ts'
import { isId } from '../json.ts'
import type { Data } from '../json.ts'
import type { Change } from './change.ts'
import type { Schema } from '../schema/types.ts'
import { repeatedIds } from './check-data.ts'
import type { RemovalPlan } from './remove-plan.ts'
import { mergeRow } from './rows.ts'
import { Table } from './table.ts'
import type { Undo } from './undo.ts'

/** Each child resource's foreign-key fields. */
export function refFieldsOf(schema: Schema): Map<string, readonly string[]> {
  const fields = new Map<string, readonly string[]>()
  for (const { child, field } of schema.relations) {
    fields.set(child, [...(fields.get(child) ?? []), field])
  }
  return fields
}

/** The plural resources of the database, each a Table over the live array in the data. */
export class Tables {
  readonly #schema: Schema
  readonly #refFields: ReadonlyMap<string, readonly string[]>
  readonly #tables = new Map<string, Table>()

  constructor(schema: Schema, data: Data) {
    this.#schema = schema
    this.#refFields = refFieldsOf(schema)
    this.rebuild(data, schema.resources.keys())
  }

  /** The live table of a plural resource; `undefined` for a singular or unknown one. */
  find(resource: string): Table | undefined {
    return this.#tables.get(resource)
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

  /** Carries out a removal plan; returns its changes and how to take them back. */
  apply(plan: RemovalPlan): { readonly changes: Change[]; readonly undo: Undo[] } {
    const changes: Change[] = []
    const undo: Undo[] = []
    // A row without an id cannot be named in a change: its whole resource is the change then.
    const whole = new Set<string>()
    for (const [name, rows] of plan.removed) {
      const table = this.get(name)
      const positions = table.removeAll(rows)
      undo.push({ kind: 'unremove', resource: name, rows: positions })
      for (const [, row] of positions) {
        const id = row[table.spec.idKey]
        if (isId(id)) changes.push({ op: 'delete', resource: name, id, previous: row })
        else whole.add(name)
      }
    }
    for (const [name, fields] of plan.nullified) {
      const table = this.get(name)
      const { idKey } = table.spec
      for (const [row, keys] of fields) {
        const next = mergeRow(row, Object.fromEntries(keys.map((key) => [key, null])), idKey)
        table.swap(row, next)
        undo.push({ kind: 'unswap', resource: name, now: next, was: row })
        if (isId(next[idKey]))
          changes.push({ op: 'update', resource: name, row: next, previous: row })
        else whole.add(name)
      }
    }
    for (const name of whole)
      changes.push({ op: 'set', resource: name, value: [...this.get(name).rows] })
    return { changes, undo }
  }
}
