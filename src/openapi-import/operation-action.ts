import type { Action } from './binding.ts'
import { isNode } from './document.ts'
import type { ResourcePlan } from './find-resources.ts'
import type { Operation } from './operations-of.ts'
import { templateOf } from './path-template.ts'
import { listItems, requestBodyOf, successResponse } from './responses.ts'

const ITEM_ACTIONS: Partial<Record<string, Action>> = {
  get: 'read',
  put: 'replace',
  patch: 'patch',
  delete: 'delete',
}

/**
 * What an operation does, from where its path stands among the resources: a collection's list,
 * create or replace by body; an item's read, replace, patch, delete or patch by query; a GET
 * elsewhere that lists a resource's items is a search. Anything else is a generated answer (no
 * resource).
 */
export function operationAction(
  op: Operation,
  plans: readonly ResourcePlan[],
): { action: Action; plan: ResourcePlan | undefined } {
  const collectionOf = plans.find((plan) => plan.collection === op.path)
  const itemOf = plans.find((plan) => plan.item === op.path)
  if (collectionOf !== undefined) {
    if (op.method === 'get') return { action: 'list', plan: collectionOf }
    if (op.method === 'post') return { action: 'create', plan: collectionOf }
    if (op.method === 'put' && requestBodyOf(op.node) !== undefined) {
      return { action: 'replace-by-body', plan: collectionOf }
    }
  } else if (itemOf !== undefined) {
    const action = ITEM_ACTIONS[op.method]
    if (action !== undefined) return { action, plan: itemOf }
    if (
      op.method === 'post' &&
      requestBodyOf(op.node) === undefined &&
      queryNamesFields(op, itemOf)
    ) {
      return { action: 'patch-by-query', plan: itemOf }
    }
  }
  const plan = op.method === 'get' ? searched(op, plans) : undefined
  return plan === undefined ? { action: 'answer', plan: undefined } : { action: 'search', plan }
}

function queryNamesFields(op: Operation, plan: ResourcePlan): boolean {
  const names = op.parameters.filter((p) => p['in'] === 'query').map((p) => String(p['name']))
  return names.length > 0 && names.every((name) => plan.view.properties.has(name))
}

/** A GET whose answer lists a resource's items (`/pet/findByStatus`): filtered from its state. */
function searched(op: Operation, plans: readonly ResourcePlan[]): ResourcePlan | undefined {
  const success = successResponse(op.node, op.pointer, 200)
  const items = listItems(success?.schema, op.pointer)
  if (items === undefined) return undefined
  const same = plans.find((plan) => plan.sources.has(items))
  if (same !== undefined) return same
  const parent = templateOf(op.segments.slice(0, -1))
  return plans.find((plan) => plan.collection === parent && isNode(items))
}
