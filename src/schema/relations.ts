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
function isRequiredRef(schema: Graph, relation: Relation): boolean {
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
