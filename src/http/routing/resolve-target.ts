import { AppError } from '../../errors.ts'
import type { Id, Row } from '../../json.ts'
import type { Relation, ResourceSpec, Schema } from '../../schema/types.ts'

/** One step up a nested path: `/users/1/posts` has the parent users 1 via posts.userId. */
export type ParentLink = { readonly resource: string; readonly id: Id; readonly relation: Relation }

export type Target =
  | {
      readonly kind: 'collection'
      readonly resource: ResourceSpec
      readonly parents: readonly ParentLink[]
    }
  | {
      readonly kind: 'item'
      readonly resource: ResourceSpec
      readonly id: string
      /** `undefined` when no item has that id under these parents. */
      readonly row: Row | undefined
      readonly parents: readonly ParentLink[]
    }
  | { readonly kind: 'single'; readonly resource: ResourceSpec }

type Rows = { get(resource: string, id: string): Row | undefined }

/** Resolves `/R`, `/R/:id` and nested paths of any depth along the schema's relations. */
export function resolveTarget(
  segments: readonly string[],
  schema: Schema,
  rows: Rows,
): Target | undefined {
  const first = segments[0]
  let resource = first === undefined ? undefined : schema.resources.get(first)
  if (resource === undefined) return undefined
  if (resource.singular) return segments.length === 1 ? { kind: 'single', resource } : undefined
  const parents: ParentLink[] = []
  for (let index = 1; ; index += 2) {
    if (index === segments.length) return { kind: 'collection', resource, parents }
    const id = segments[index] ?? ''
    const row = belongsToParent(rows.get(resource.name, id), parents)
    if (index + 1 === segments.length) return { kind: 'item', resource, id, row, parents }
    if (row === undefined) throw notFound(`/${segments.join('/')}`)
    const childName = segments[index + 1] ?? ''
    const parentName = resource.name
    const relation = schema.relations.find((r) => r.parent === parentName && r.child === childName)
    const child = schema.resources.get(childName)
    if (relation === undefined || child === undefined) return undefined
    parents.push({ resource: parentName, id: row[resource.idKey] as Id, relation })
    resource = child
  }
}

function belongsToParent(row: Row | undefined, parents: readonly ParentLink[]): Row | undefined {
  const parent = parents.at(-1)
  if (row === undefined || parent === undefined) return row
  return String(row[parent.relation.field]) === String(parent.id) ? row : undefined
}

export function notFound(path: string): AppError {
  return new AppError('not_found', `The requested resource was not found: ${path}.`)
}
