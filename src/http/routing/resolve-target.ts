import { storedId, type Id, type Row } from '../../json.ts'
import type { ResourceRoute, RouteTable } from '../../routes/route-table.ts'
import type { Relation, ResourceSpec, Schema } from '../../schema/types.ts'
import { notFound } from './not-found.ts'

/** One step up a nested path: `/users/1/posts` has the parent users 1 via posts.userId. */
export type ParentLink = { readonly resource: string; readonly id: Id; readonly relation: Relation }

export type Target =
  | {
      readonly kind: 'collection'
      readonly resource: ResourceSpec
      readonly parents: readonly ParentLink[]
      readonly route: ResourceRoute
    }
  | {
      readonly kind: 'item'
      readonly resource: ResourceSpec
      readonly id: string
      /** `undefined` when no item has that id under these parents. */
      readonly row: Row | undefined
      readonly parents: readonly ParentLink[]
      readonly route: ResourceRoute
    }
  | { readonly kind: 'single'; readonly resource: ResourceSpec; readonly route: ResourceRoute }

type Rows = { get(resource: string, id: string): Row | undefined }

/**
 * The resource route of the route table a path names, with its parents' rows checked: a parent
 * that does not exist, or is not the child's parent, is a 404; a missing last item is `row: undefined`.
 */
export function resolveTarget(
  segments: readonly string[],
  schema: Schema,
  table: RouteTable,
  rows: Rows,
): Target | undefined {
  const match = table.match(segments)
  const resource = match && schema.resources.get(match.route.resource)
  if (match === undefined || resource === undefined) return undefined
  const { route, ids } = match
  if (route.kind === 'singular') return { kind: 'single', resource, route }
  const parents: ParentLink[] = []
  for (const [index, step] of route.parents.entries()) {
    const row = belongsToParent(rows.get(step.resource, ids[index] ?? ''), parents)
    const parentSpec = schema.resources.get(step.resource)
    if (row === undefined || parentSpec === undefined) throw notFound(`/${segments.join('/')}`)
    const relation = route.parents[index + 1]?.via ?? route.relation
    if (relation === undefined) return undefined
    parents.push({ resource: step.resource, id: storedId(row, parentSpec.idKey), relation })
  }
  if (route.kind === 'list') return { kind: 'collection', resource, parents, route }
  const id = ids.at(-1) ?? ''
  const row = belongsToParent(rows.get(resource.name, id), parents)
  return { kind: 'item', resource, id, row, parents, route }
}

function belongsToParent(row: Row | undefined, parents: readonly ParentLink[]): Row | undefined {
  const parent = parents.at(-1)
  if (row === undefined || parent === undefined) return row
  return String(row[parent.relation.field]) === String(parent.id) ? row : undefined
}
