import type { OperationBinding, ParentParam } from './binding.ts'
import { countOf } from './count-of.ts'
import { DocumentError, childPointer, nodeAt, type Node } from './document.ts'
import type { ResourcePlan } from './find-resources.ts'
import { operationAction } from './operation-action.ts'
import type { Operation } from './operations-of.ts'
import { parametersOf } from './parameters-of.ts'
import { isParam, templateOf } from './path-template.ts'
import { errorResponses, requestBodyOf, successResponse, wrapperOf } from './responses.ts'
import { viewSchema } from './schema-view.ts'
import { securityOf } from './security.ts'
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
  let { action, plan } = operationAction(op, plans)
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
