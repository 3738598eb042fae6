import { nodeAt, type Node } from './document.ts'
import type { ResourcePlan } from './find-resources.ts'
import type { Operation } from './operations-of.ts'
import { viewSchema } from './schema-view.ts'
import { singularize } from '../schema/singularize.ts'

/** A count: the resource counted, by which field, and the values that field declares. */
export type Tally = { plan: ResourcePlan; field: string; values: string[] }

/**
 * A GET that answers a map of integers (`additionalProperties: { type: integer }`, no properties)
 * counts items when its words (summary, description, operationId) name exactly one resource and
 * one of that resource's enum fields: Petstore's "Returns pet inventories by status" counts pets by
 * `status`. Anything else stays a generated answer.
 */
export function countOf(
  op: Operation,
  plans: readonly ResourcePlan[],
  schema: Node | undefined,
): Tally | undefined {
  if (schema === undefined) return undefined
  const view = viewSchema(schema, op.pointer)
  const values = nodeAt(view.node, 'additionalProperties')
  if (view.type !== 'object' || view.properties.size > 0 || values === undefined) return undefined
  if (viewSchema(values, op.pointer).type !== 'integer') return undefined
  const words = wordsOf(op.node)
  const found: Tally[] = []
  for (const plan of plans) {
    if (plan.parent !== undefined) continue
    if (!words.has(plan.name.toLowerCase()) && !words.has(singularize(plan.name).toLowerCase()))
      continue
    for (const [field, property] of plan.view.properties) {
      const choices = viewSchema(property, op.pointer).node['enum']
      if (!Array.isArray(choices) || !words.has(field.toLowerCase())) continue
      found.push({ plan, field, values: choices.map(String) })
    }
  }
  return found.length === 1 ? found[0] : undefined
}

function wordsOf(operation: Node): Set<string> {
  const text = ['summary', 'description', 'operationId']
    .map((key) => operation[key])
    .filter((value) => typeof value === 'string')
    .join(' ')
  return new Set(
    text
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9_]+/),
  )
}
