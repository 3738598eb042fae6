import type { JsonObject, JsonValue } from '../json.ts'
import { singularize } from '../schema/singularize.ts'
import { childPointer, isNode, type Node } from './document.ts'
import { fieldFromSchema } from './field-from-schema.ts'
import type { ResourcePlan } from './find-resources.ts'
import { viewSchema } from './schema-view.ts'

export const DEFAULT_COUNT = 10

/** A plan's resource in fauxrest's schema format: fields from its item schema, refs from names. */
export function nativeResource(plan: ResourcePlan, plans: readonly ResourcePlan[]): JsonObject {
  const fields: JsonObject = {}
  const view = plan.view
  for (const [name, property] of view.properties) {
    if (name.includes('.') || isLinks(property, childPointer(view.pointer, 'properties', name)))
      continue
    if (name === 'id') {
      fields['id'] = plan.id
      continue
    }
    const at = childPointer(view.pointer, 'properties', name)
    const required = view.required.has(name)
    const ref =
      plan.parent?.field === name
        ? plan.parent.resource
        : refTarget(name, property, at, plan, plans)
    let field: JsonValue = ref === undefined ? fieldFromSchema(property, name, at) : { ref }
    if (isNode(field)) {
      const spec: JsonObject = { ...(field as JsonObject) }
      if (!required && plan.parent?.field !== name) spec['optional'] = true
      if (ref !== undefined && viewSchema(property, at).nullable) spec['nullable'] = true
      if (name === plan.key) spec['unique'] = true
      field = spec
    }
    fields[name] = field
  }
  if (plan.parent !== undefined && !(plan.parent.field in fields)) {
    fields[plan.parent.field] = { ref: plan.parent.resource }
  }
  if (!('id' in fields)) return { count: DEFAULT_COUNT, id: plan.id, fields }
  return { count: DEFAULT_COUNT, fields }
}

/** `petId` → pets (or pet), `trip_id` → trips, when the types agree. */
function refTarget(
  name: string,
  property: Node,
  at: string,
  plan: ResourcePlan,
  plans: readonly ResourcePlan[],
): string | undefined {
  const match = /^(.+?)(?:Id|_id)$/.exec(name)
  if (match?.[1] === undefined) return undefined
  const stem = match[1].toLowerCase()
  const target = plans.find(
    (other) =>
      other !== plan &&
      (other.name.toLowerCase() === stem || singularize(other.name).toLowerCase() === stem),
  )
  if (target === undefined) return undefined
  const type = viewSchema(property, at).type
  const fits = target.id === 'integer' ? type === 'integer' || type === 'number' : type === 'string'
  return fits ? target.name : undefined
}

/** An object of URI strings (`links: { self, next }`): filled by the server from the request. */
export function isLinks(property: unknown, at: string): boolean {
  const view = viewSchema(property, at)
  if (view.type !== 'object' || view.properties.size === 0) return false
  return [...view.properties].every(([key, value]) => {
    const inner = viewSchema(value, childPointer(at, 'properties', key))
    return (
      inner.type === 'string' && (inner.node['format'] === 'uri' || inner.node['format'] === 'url')
    )
  })
}
