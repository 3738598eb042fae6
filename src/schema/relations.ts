import type { Issue } from '../errors.ts'
import { childPath } from './path.ts'
import { singularize } from './singularize.ts'
import type { Relation, ResourceSpec, Schema } from './types.ts'

type Graph = Pick<Schema, 'resources' | 'relations'>

/** The key `_expand` uses: `userId`/`user_id` -> `user`, otherwise the parent's singular. */
export function expandKey(field: string, parent: string): string {
  const match = /^(.+?)(?:Id|_id)$/.exec(field)
  return match?.[1] ?? singularize(parent)
}

/** One relation per `ref` field, in resource then field order. */
export function buildRelations(resources: ReadonlyMap<string, ResourceSpec>): Relation[] {
  const relations: Relation[] = []
  for (const [child, resource] of resources) {
    for (const [field, spec] of resource.fields ?? []) {
      if (spec.kind !== 'ref') continue
      const parent = spec.resource
      const { onDelete } = spec
      relations.push({ child, field, parent, onDelete, expandAs: expandKey(field, parent) })
    }
  }
  return relations
}

/** A ref every generated child must fill: not optional and not nullable (plain dbs have none). */
export function isRequiredRef(schema: Graph, relation: Relation): boolean {
  const spec = schema.resources.get(relation.child)?.fields?.get(relation.field)
  return spec !== undefined && !spec.optional && !spec.nullable
}

/** Cycles of required refs between resources: no order could generate parents first. */
export function refCycleIssues(schema: Graph): Issue[] {
  const issues: Issue[] = []
  const state = new Map<string, 'active' | 'done'>()
  const stack: string[] = []
  const visit = (name: string): void => {
    state.set(name, 'active')
    stack.push(name)
    for (const relation of schema.relations) {
      const { child, parent } = relation
      if (child !== name || parent === child || !isRequiredRef(schema, relation)) continue
      if (state.get(parent) === 'active') {
        const cycle = [...stack.slice(stack.indexOf(parent)), parent].join(' -> ')
        issues.push({
          path: childPath(childPath(childPath('resources', child), 'fields'), relation.field),
          message: `refs form a cycle ${cycle}: make one of these refs nullable or optional so parents can be generated first`,
        })
      } else if (!state.has(parent)) visit(parent)
    }
    stack.pop()
    state.set(name, 'done')
  }
  for (const name of schema.resources.keys()) if (!state.has(name)) visit(name)
  return issues
}

/**
 * Resource names with parents before children, otherwise in declaration order. A cycle (allowed
 * when one of its refs is nullable or optional) is broken at such a ref.
 */
export function parentsFirst(schema: Graph): string[] {
  const order: string[] = []
  const done = new Set<string>()
  const pending = [...schema.resources.keys()]
  const ready = (name: string, requiredOnly: boolean): boolean =>
    schema.relations.every(
      (relation) =>
        relation.child !== name ||
        relation.parent === name ||
        done.has(relation.parent) ||
        !schema.resources.has(relation.parent) ||
        (requiredOnly && !isRequiredRef(schema, relation)),
    )
  // Declaration order among ready resources; a required cycle (an invalid schema) falls back to it
  const pick = (): number => {
    const strict = pending.findIndex((name) => ready(name, false))
    if (strict >= 0) return strict
    return Math.max(
      0,
      pending.findIndex((name) => ready(name, true)),
    )
  }
  while (pending.length > 0) {
    const index = pick()
    const [name] = pending.splice(index, 1)
    if (name === undefined) break
    order.push(name)
    done.add(name)
  }
  return order
}
