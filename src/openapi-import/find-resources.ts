import { singularize } from '../schema/singularize.ts'
import { RESERVED_NAMES, RESOURCE_NAME_PATTERN } from '../schema/resource-name.ts'
import { childPointer, type Node } from './document.ts'
import type { Operation } from './operations-of.ts'
import { isParam, templateOf, type Segment } from './path-template.ts'
import { listItems, requestBodyOf, successResponse } from './responses.ts'
import { viewSchema, type SchemaView } from './schema-view.ts'

export type IdStrategy = 'integer' | 'uuid' | 'nanoid'

/** A resource found in the paths: a collection, perhaps its items, perhaps under a parent item. */
export type ResourcePlan = {
  readonly name: string
  /** `/pets`, or `/users/{id}/orders` for a nested collection. */
  readonly collection: string
  /** `/pets/{petId}` when the document has item routes. */
  readonly item: string | undefined
  readonly view: SchemaView
  /** Every schema object that describes the items, to recognise lists of them elsewhere. */
  readonly sources: ReadonlySet<Node>
  readonly id: IdStrategy
  /** The field the item path's parameter names: `id`, or another unique field (`username`). */
  readonly key: string
  readonly parent:
    { readonly resource: string; readonly param: string; readonly field: string } | undefined
}

type Candidate = {
  collection: string
  segments: readonly Segment[]
  item: string | undefined
  param: string | undefined
}

/** The resources a document's paths describe; operations with no usable schema are warned about. */
export function findResources(
  operations: readonly Operation[],
  warn: (line: string) => void,
): ResourcePlan[] {
  const byPath = new Map<string, Operation[]>()
  for (const op of operations) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op])
  const plans: ResourcePlan[] = []
  const names = new Set<string>()
  for (const candidate of candidatesOf(operations).values()) {
    const found = itemSchema(candidate, byPath)
    if (found === undefined) {
      warn(
        `${pointerOfPath(candidate.item ?? candidate.collection)}: skipped: no operation has a usable object schema for its items`,
      )
      continue
    }
    const name = uniqueName(candidate.segments, names)
    names.add(name)
    plans.push(planOf(candidate, name, found))
  }
  return plans.map((plan) => withParent(plan, plans))
}

/**
 * The collections, by path: those with item paths (`/pets` for `/pets/{petId}`), then those a POST
 * creates items in, then lists a GET answers under no other collection.
 */
function candidatesOf(operations: readonly Operation[]): Map<string, Candidate> {
  const candidates = new Map<string, Candidate>()
  for (const op of operations) {
    const last = op.segments.at(-1)
    if (!isParam(last) || op.segments.length < 2) continue
    const segments = op.segments.slice(0, -1)
    if (isParam(segments.at(-1))) continue
    candidates.set(templateOf(segments), {
      collection: templateOf(segments),
      segments,
      item: op.path,
      param: last.param,
    })
  }
  const isNew = (op: Operation): boolean =>
    !candidates.has(op.path) && !isParam(op.segments.at(-1)) && op.segments.length > 0
  for (const op of operations) {
    if (isNew(op) && op.method === 'post' && createsItems(op)) {
      candidates.set(op.path, collectionOnly(op))
    }
  }
  for (const op of operations) {
    if (!isNew(op) || op.method !== 'get') continue
    const parent = templateOf(op.segments.slice(0, -1))
    if (!candidates.has(parent) && listsItems(op)) candidates.set(op.path, collectionOnly(op))
  }
  return candidates
}

function collectionOnly(op: Operation): Candidate {
  return { collection: op.path, segments: op.segments, item: undefined, param: undefined }
}

/** A resource for a collection whose items `found` describes (without its parent yet). */
function planOf(
  candidate: Candidate,
  name: string,
  found: { readonly view: SchemaView; readonly sources: ReadonlySet<Node> },
): ResourcePlan {
  const idProperty = found.view.properties.get('id')
  const idView =
    idProperty === undefined
      ? undefined
      : viewSchema(idProperty, childPointer(found.view.pointer, 'properties', 'id'))
  const id: IdStrategy =
    idView?.type === 'string' ? (idView.node['format'] === 'uuid' ? 'uuid' : 'nanoid') : 'integer'
  const param = candidate.param
  const key =
    param !== undefined && param !== 'id' && found.view.properties.has(param) ? param : 'id'
  return {
    name,
    collection: candidate.collection,
    item: candidate.item,
    view: found.view,
    sources: found.sources,
    id,
    key,
    parent: undefined,
  }
}

function withParent(plan: ResourcePlan, plans: readonly ResourcePlan[]): ResourcePlan {
  const segments = plan.collection.split('/').filter((s) => s !== '')
  const index = segments.findLastIndex((s) => s.startsWith('{'))
  if (index < 0) return plan
  const itemPath = `/${segments.slice(0, index + 1).join('/')}`
  const parent = plans.find((other) => other.item === itemPath)
  if (parent === undefined) return plan
  const param = (segments[index] ?? '').slice(1, -1)
  const field = plan.view.properties.has(param)
    ? param
    : param === 'id'
      ? `${singularize(parent.name)}Id`
      : param
  return { ...plan, parent: { resource: parent.name, param, field } }
}

function createsItems(op: Operation): boolean {
  const request = requestBodyOf(op.node)
  if (request === undefined) return false
  const requestView = viewSchema(request.schema, op.pointer)
  if (requestView.type !== 'object' || requestView.properties.size === 0) return false
  const success = successResponse(op.node, op.pointer, 201)
  if (success?.schema === undefined) return false
  if (success.schema === request.schema) return true
  const answer = viewSchema(success.schema, op.pointer)
  return [...requestView.properties.keys()].every((name) => answer.properties.has(name))
}

function listsItems(op: Operation): boolean {
  const success = successResponse(op.node, op.pointer, 200)
  const items = listItems(success?.schema, op.pointer)
  return items !== undefined && viewSchema(items, op.pointer).type === 'object'
}

function itemSchema(
  candidate: Candidate,
  byPath: ReadonlyMap<string, Operation[]>,
): { view: SchemaView; sources: Set<Node> } | undefined {
  const sources = new Set<Node>()
  const found: { node: Node; at: string }[] = []
  const itemOps = candidate.item === undefined ? [] : (byPath.get(candidate.item) ?? [])
  const collectionOps = byPath.get(candidate.collection) ?? []
  const add = (node: Node | undefined, at: string): void => {
    if (node === undefined) return
    sources.add(node)
    found.push({ node, at })
  }
  for (const op of itemOps) {
    if (op.method === 'get')
      add(successResponse(op.node, op.pointer, 200)?.schema, childPointer(op.pointer, 'responses'))
  }
  for (const op of collectionOps) {
    if (op.method === 'post') {
      add(successResponse(op.node, op.pointer, 201)?.schema, childPointer(op.pointer, 'responses'))
      add(requestBodyOf(op.node)?.schema, childPointer(op.pointer, 'requestBody'))
    }
    if (op.method === 'get') {
      const success = successResponse(op.node, op.pointer, 200)
      add(listItems(success?.schema, op.pointer), childPointer(op.pointer, 'responses'))
    }
  }
  for (const op of itemOps) {
    if (op.method === 'put' || op.method === 'patch')
      add(requestBodyOf(op.node)?.schema, childPointer(op.pointer, 'requestBody'))
  }
  for (const { node, at } of found) {
    const view = viewSchema(node, at)
    if (view.type === 'object' && view.properties.size > 0) return { view, sources }
  }
  return undefined
}

function uniqueName(segments: readonly Segment[], taken: ReadonlySet<string>): string {
  const words = segments.filter((s) => !isParam(s)).map((s) => ('text' in s ? s.text : ''))
  for (let length = 1; length <= words.length; length += 1) {
    const name = clean(words.slice(-length).join('-'))
    if (name !== '' && !taken.has(name) && !RESERVED_NAMES.has(name)) return name
  }
  const base = clean(words.join('-')) || 'items'
  let index = 2
  while (taken.has(`${base}-${index}`)) index += 1
  return `${base}-${index}`
}

function clean(text: string): string {
  const name = text.replaceAll(/[^A-Za-z0-9._~-]/g, '-').replace(/^[^A-Za-z0-9]+/, '')
  return RESOURCE_NAME_PATTERN.test(name) ? name : ''
}

function pointerOfPath(path: string): string {
  return `#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}`
}
