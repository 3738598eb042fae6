import { AppError } from '../errors.ts'
import type { Row } from '../json.ts'
import type { Schema } from '../schema/types.ts'
import { planRemoval, type Children, type RemovalPlan } from './remove-plan.ts'

/**
 * What deleting `row` would do (every onDelete followed), with `children` as the database at hand
 * sees them; throws the 409 of a restrict relation that forbids it.
 */
export function checkedRemoval(
  schema: Schema,
  resource: string,
  row: Row,
  children: Children,
): RemovalPlan {
  const idKeyOf = (name: string): string => schema.resources.get(name)?.idKey ?? 'id'
  const plan = planRemoval(resource, row, schema.relations, children, idKeyOf)
  if (plan.blocked.length === 0) return plan
  const where = plan.blocked.map((issue) => issue.path).join(', ')
  const id = JSON.stringify(row[idKeyOf(resource)])
  const message = `Cannot delete ${resource} ${id}: restricted by ${where}.`
  throw new AppError('conflict', message, { details: plan.blocked })
}
