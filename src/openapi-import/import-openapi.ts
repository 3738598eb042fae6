import type { JsonObject } from '../json.ts'
import { bindOperation } from './bind-operations.ts'
import type { OpenApiBinding, OperationBinding } from './binding.ts'
import type { BodyCheck } from './check-body.ts'
import { DocumentError, isNode, nodeAt, type Node } from './document.ts'
import { fieldFromSchema } from './field-from-schema.ts'
import { findResources, type ResourcePlan } from './find-resources.ts'
import { nativeResource } from './native-resources.ts'
import { operationsOf, type Operation } from './operations-of.ts'

/** The singular resource holding generated answers of operations that are not CRUD. */
export const ANSWERS_RESOURCE = 'openapi-answers'

export type Imported = {
  /** fauxrest's schema format, with the document kept under `openapi.document`. */
  readonly schema: JsonObject
  readonly warnings: readonly string[]
}

/**
 * An OpenAPI 3.0/3.1 document as a fauxrest schema. `document` is the user's document as written,
 * `resolved` the same with every `$ref` resolved (by the parser, in the Node layer).
 */
export function importOpenApi(document: Node, resolved: Node, seed = 1): Imported {
  const warnings: string[] = []
  const { plans, bindings } = analyse(resolved, (line) => warnings.push(line))
  const resources: JsonObject = {}
  for (const plan of plans) resources[plan.name] = nativeResource(plan, plans)
  const answers: JsonObject = {}
  for (const binding of bindings) {
    if (binding.action !== 'answer' || binding.success.schema === undefined) continue
    answers[binding.operationId] = fieldFromSchema(
      binding.success.schema,
      binding.operationId,
      `${binding.pointer}/responses/${binding.success.status}`,
    )
  }
  if (Object.keys(answers).length > 0)
    resources[ANSWERS_RESOURCE] = { singular: true, fields: answers }
  return { schema: { seed, resources, openapi: { document: document as JsonObject } }, warnings }
}

/** What the HTTP layer needs to answer in the document's shapes, for the resources the schema has. */
export function bindOpenApi(
  document: Node,
  resolved: Node,
  resources: ReadonlySet<string>,
  checkBody: BodyCheck,
): { binding: OpenApiBinding; warnings: readonly string[] } {
  const warnings: string[] = []
  const { bindings } = analyse(resolved, (line) => warnings.push(line))
  const operations = bindings.filter((binding) => {
    if (binding.resource === undefined || resources.has(binding.resource)) return true
    warnings.push(`${binding.pointer}: skipped: the schema has no resource "${binding.resource}"`)
    return false
  })
  return {
    binding: {
      document,
      operations: operations.toSorted(bySpecificity),
      answers: resources.has(ANSWERS_RESOURCE) ? ANSWERS_RESOURCE : undefined,
      checkBody,
    },
    warnings,
  }
}

function analyse(
  resolved: Node,
  warn: (line: string) => void,
): { plans: ResourcePlan[]; bindings: OperationBinding[] } {
  checkVersion(resolved)
  const operations: Operation[] = operationsOf(resolved, warn)
  if (operations.length === 0) throw new DocumentError('#/paths', 'declares no operation to serve')
  const plans = findResources(operations, warn)
  const bindings: OperationBinding[] = []
  for (const op of operations) {
    const binding = bindOperation(op, plans, resolved, warn)
    if (binding !== undefined) bindings.push(binding)
  }
  if (bindings.length === 0) throw new DocumentError('#/paths', 'no operation can be served')
  return { plans, bindings }
}

function checkVersion(resolved: Node): void {
  if (typeof resolved['swagger'] === 'string') {
    throw new DocumentError(
      '#/swagger',
      `Swagger ${resolved['swagger']} is not supported: only Swagger 2.0 and OpenAPI 3.0 and 3.1 are read`,
    )
  }
  const version = resolved['openapi']
  if (typeof version !== 'string' || !/^3\.[01]\./.test(version)) {
    throw new DocumentError(
      '#/openapi',
      `must be an OpenAPI version 3.0.x or 3.1.x, not ${JSON.stringify(version ?? null)}`,
    )
  }
  if (!isNode(nodeAt(resolved, 'paths'))) throw new DocumentError('#/paths', 'is required')
}

// Static segments before parameters: `/pet/findByStatus` is tried before `/pet/{petId}`.
function bySpecificity(a: OperationBinding, b: OperationBinding): number {
  return specificity(a.path).localeCompare(specificity(b.path))
}

function specificity(path: string): string {
  return path
    .split('/')
    .map((s) => (s.startsWith('{') ? '1' : '0'))
    .join('')
}
