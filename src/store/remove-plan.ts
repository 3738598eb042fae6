import type { Issue } from '../errors.ts'
import type { Id, Row } from '../json.ts'
import type { Relation } from '../schema/types.ts'

export type Children = (child: string, field: string, parentId: Id) => readonly Row[]

export type RemovalPlan = {
  /** Rows to delete per resource: the item and everything its cascades reach. */
  readonly removed: ReadonlyMap<string, ReadonlySet<Row>>
  /** Surviving rows whose foreign keys become null, with those fields. */
  readonly nullified: ReadonlyMap<string, ReadonlyMap<Row, readonly string[]>>
  /** Restrict relations that forbid the deletion; empty when it may go ahead. */
  readonly blocked: readonly Issue[]
}

const LISTED_IDS = 10

/**
 * What deleting `row` of `resource` does, decided before anything changes: cascades are followed
 * to any depth first, then restrict and nullify apply to children that are not deleted themselves.
 */
export function planRemoval(
  resource: string,
  row: Row,
  relations: readonly Relation[],
  children: Children,
  idKeyOf: (resource: string) => string = () => 'id',
): RemovalPlan {
  const childrenOf = (relation: Relation, parent: Row): readonly Row[] => {
    const id = parent[idKeyOf(relation.parent)]
    return typeof id === 'number' || typeof id === 'string'
      ? children(relation.child, relation.field, id)
      : []
  }
  const removed = new Map<string, Set<Row>>([[resource, new Set([row])]])
  const queue: [string, Row][] = [[resource, row]]
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const [parent, item] = next
    for (const relation of relationsOf(relations, parent, 'cascade')) {
      for (const child of childrenOf(relation, item)) {
        let gone = removed.get(relation.child)
        if (gone === undefined) removed.set(relation.child, (gone = new Set()))
        if (gone.has(child)) continue
        gone.add(child)
        queue.push([relation.child, child])
      }
    }
  }
  const nullified = new Map<string, Map<Row, string[]>>()
  const blocked: Issue[] = []
  for (const [parent, items] of removed) {
    for (const relation of relations) {
      if (relation.parent !== parent || relation.onDelete === 'cascade') continue
      const gone = removed.get(relation.child)
      for (const item of items) {
        const kept = childrenOf(relation, item).filter((child) => !gone?.has(child))
        if (kept.length === 0) continue
        if (relation.onDelete === 'restrict') {
          blocked.push(restriction(relation, item, kept, idKeyOf))
        } else nullify(nullified, relation, kept)
      }
    }
  }
  return { removed, nullified, blocked }
}

function relationsOf(relations: readonly Relation[], parent: string, onDelete: string): Relation[] {
  return relations.filter(
    (relation) => relation.parent === parent && relation.onDelete === onDelete,
  )
}

function nullify(plan: Map<string, Map<Row, string[]>>, relation: Relation, rows: readonly Row[]) {
  const fields = plan.get(relation.child) ?? new Map<Row, string[]>()
  plan.set(relation.child, fields)
  for (const row of rows) fields.set(row, [...(fields.get(row) ?? []), relation.field])
}

function restriction(
  relation: Relation,
  parent: Row,
  rows: readonly Row[],
  idKeyOf: (resource: string) => string,
): Issue {
  const childKey = idKeyOf(relation.child)
  const ids = rows.slice(0, LISTED_IDS).map((row) => JSON.stringify(row[childKey] ?? null))
  const more = rows.length > LISTED_IDS ? ` and ${rows.length - LISTED_IDS} more` : ''
  return {
    path: `${relation.child}.${relation.field}`,
    message:
      `${relation.child} ${ids.join(', ')}${more} refer to ${relation.parent} ` +
      `${JSON.stringify(parent[idKeyOf(relation.parent)])} (onDelete: restrict)`,
  }
}
