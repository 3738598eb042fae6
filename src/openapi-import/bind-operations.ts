import type {
  Action,
  OperationBinding,
  ParameterBinding,
  ParameterPlace,
  ParentParam,
} from './binding.ts'
import { DocumentError, childPointer, isNode, nodeAt, type Node } from './document.ts'
import type { ResourcePlan } from './find-resources.ts'
import type { Operation } from './operations-of.ts'
import { isParam, templateOf } from './path-template.ts'
import {
  errorResponses,
  listItems,
  requestBodyOf,
  successResponse,
  wrapperOf,
} from './responses.ts'
import { viewSchema } from './schema-view.ts'
import { securityOf } from './security.ts'
import { singularize } from '../schema/singularize.ts'
import { toJsonSchema } from './to-json-schema.ts'

/** The operation's binding, or `undefined` (with a warning) when it cannot be served. */
export function bindOperation(
  op: Operation,
  plans: readonly ResourcePlan[],
  resolved: Node,
  warn: (line: string) => void,
): OperationBinding | undefined {
  try {
    return bind(op, plans, resolved, warn)
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error
    warn(`${error.message} (operation skipped)`)
    return undefined
  }
}

function bind(
  op: Operation,
  plans: readonly ResourcePlan[],
  resolved: Node,
  warn: (line: string) => void,
): OperationBinding | undefined {
  const collectionOf = plans.find((plan) => plan.collection === op.path)
  const itemOf = plans.find((plan) => plan.item === op.path)
  let action: Action = 'answer'
  let plan = collectionOf ?? itemOf
  if (collectionOf !== undefined) {
    if (op.method === 'get') action = 'list'
    else if (op.method === 'post') action = 'create'
    else if (op.method === 'put' && requestBodyOf(op.node) !== undefined) action = 'replace-by-body'
  } else if (itemOf !== undefined) {
    const actions: Partial<Record<string, Action>> = {
      get: 'read',
      put: 'replace',
      patch: 'patch',
      delete: 'delete',
    }
    action = actions[op.method] ?? 'answer'
    if (
      op.method === 'post' &&
      requestBodyOf(op.node) === undefined &&
      queryNamesFields(op, itemOf)
    )
      action = 'patch-by-query'
  }
  if (action === 'answer') {
    plan = op.method === 'get' ? searched(op, plans) : undefined
    if (plan !== undefined) action = 'search'
  }
  const prefer = action === 'create' ? 201 : action === 'delete' ? 204 : 200
  const success = successResponse(op.node, op.pointer, prefer)
  if (success === undefined) {
    warn(
      `${childPointer(op.pointer, 'responses')}: skipped: no 2xx or default response is declared`,
    )
    return undefined
  }
  if (success.mediaType === undefined && nonJsonBody(op.node, success.status)) {
    warn(
      `${childPointer(op.pointer, 'responses', String(success.status), 'content')}: skipped: only non-JSON media types are declared (unsupported)`,
    )
    return undefined
  }
  const tally =
    action === 'answer' && op.method === 'get' ? countOf(op, plans, success.schema) : undefined
  if (tally !== undefined) {
    action = 'count'
    plan = tally.plan
  }
  const request = requestBodyOf(op.node)
  const errors = errorResponses(op.node, op.pointer)
  const parents = parentParams(op, plans)
  return {
    method: op.method.toUpperCase(),
    path: op.path,
    pointer: op.pointer,
    operationId: answerKey(op),
    action,
    resource: action === 'answer' ? undefined : plan?.name,
    key: tally?.field ?? plan?.key ?? 'id',
    ...(tally === undefined ? {} : { counted: tally.values }),
    parents,
    success,
    wrapper:
      action === 'list' || action === 'search' ? wrapperOf(success.schema, op.pointer) : undefined,
    request:
      request === undefined
        ? undefined
        : {
            schema: toJsonSchema(request.schema, 'request'),
            readOnly: readOnlyProperties(request.schema, op.pointer),
            required: request.required,
            mediaTypes: request.mediaTypes,
          },
    errors,
    invalidStatus: errors.has(422) || !errors.has(400) ? 422 : 400,
    security: securityOf(resolved, op.node),
    query: op.parameters
      .filter((p) => p['in'] === 'query' && typeof p['name'] === 'string')
      .map((p) => String(p['name'])),
    parameters: parametersOf(op),
  }
}

/**
 * A GET that answers a map of integers (`additionalProperties: { type: integer }`, no properties)
 * counts items when its words (summary, description, operationId) name exactly one resource and
 * one of that resource's enum fields: Petstore's "Returns pet inventories by status" counts pets by
 * `status`. Anything else stays a generated answer.
 */
function countOf(
  op: Operation,
  plans: readonly ResourcePlan[],
  schema: Node | undefined,
): { plan: ResourcePlan; field: string; values: string[] } | undefined {
  if (schema === undefined) return undefined
  const view = viewSchema(schema, op.pointer)
  const values = nodeAt(view.node, 'additionalProperties')
  if (view.type !== 'object' || view.properties.size > 0 || values === undefined) return undefined
  if (viewSchema(values, op.pointer).type !== 'integer') return undefined
  const words = wordsOf(op.node)
  const found: { plan: ResourcePlan; field: string; values: string[] }[] = []
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

function queryNamesFields(op: Operation, plan: ResourcePlan): boolean {
  const names = op.parameters.filter((p) => p['in'] === 'query').map((p) => String(p['name']))
  return names.length > 0 && names.every((name) => plan.view.properties.has(name))
}

const PLACES: readonly ParameterPlace[] = ['path', 'query', 'header', 'cookie']
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization'])

function isPlace(value: unknown): value is ParameterPlace {
  return typeof value === 'string' && (PLACES as readonly string[]).includes(value)
}

function parametersOf(op: Operation): ParameterBinding[] {
  const out: ParameterBinding[] = []
  for (const [index, parameter] of op.parameters.entries()) {
    const where = parameter['in']
    const name = parameter['name']
    const schema = nodeAt(parameter, 'schema')
    if (!isPlace(where) || typeof name !== 'string' || schema === undefined) continue
    // OpenAPI ignores header parameters of these names: the request's own fields say them.
    if (where === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) continue
    const view = viewSchema(schema, childPointer(op.pointer, 'parameters', String(index), 'schema'))
    const items = view.type === 'array' ? nodeAt(view.node, 'items') : undefined
    out.push({
      name,
      in: where,
      required: where === 'path' || parameter['required'] === true,
      schema: toJsonSchema(schema, 'request'),
      type: view.type,
      itemType: items === undefined ? undefined : viewSchema(items, op.pointer).type,
    })
  }
  return out
}

function readOnlyProperties(schema: Node, at: string): string[] {
  const view = viewSchema(schema, at)
  return [...view.properties]
    .filter(([, property]) => property['readOnly'] === true)
    .map(([name]) => name)
}

function nonJsonBody(operation: Node, status: number): boolean {
  const responses = nodeAt(operation, 'responses')
  const content = nodeAt(
    nodeAt(responses, String(status)) ?? nodeAt(responses, 'default'),
    'content',
  )
  return content !== undefined && Object.keys(content).length > 0
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

function parentParams(op: Operation, plans: readonly ResourcePlan[]): ParentParam[] {
  const params: ParentParam[] = []
  for (let index = 0; index < op.segments.length - 1; index += 1) {
    const segment = op.segments[index]
    if (!isParam(segment)) continue
    const itemPath = templateOf(op.segments.slice(0, index + 1))
    const owner = plans.find((plan) => plan.item === itemPath)
    const child = plans.find(
      (plan) => plan.parent?.resource === owner?.name && op.path.startsWith(plan.collection),
    )
    if (owner !== undefined) {
      params.push({
        param: segment.param,
        resource: owner.name,
        key: owner.key,
        field: child?.parent?.field ?? owner.key,
      })
    }
  }
  return params
}

/** The key of an operation's generated answer: its operationId, else `METHOD /path`. */
export function answerKey(op: Operation): string {
  const id = op.node['operationId']
  const key = typeof id === 'string' && id !== '' ? id : `${op.method.toUpperCase()} ${op.path}`
  return key.replaceAll('.', '_')
}
