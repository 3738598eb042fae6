import { isJsonObject } from '../json.ts'
import { mustBeOneOf, report, unknownKey, type ParseContext, type ResourceInfo } from './context.ts'
import { DEFAULT_COUNT, MAX_COUNT, RESOURCE_KEYS, isOneOf } from './keys.ts'
import { parseFieldEntries } from './parse-field.ts'
import { childPath } from './path.ts'
import { ID_STRATEGIES, type Fields, type IdStrategy, type ResourceSpec } from './types.ts'

type Shared = Pick<ParseContext, 'catalog' | 'resources' | 'issues'>

/** What other resources need to know before this one is parsed (read leniently; parsing reports). */
export function readResourceInfo(raw: unknown, idKey: string): ResourceInfo {
  if (!isJsonObject(raw)) return { singular: false, id: 'integer' }
  const singular = raw['singular'] === true
  const fieldsId = isJsonObject(raw['fields']) ? raw['fields'][idKey] : undefined
  const id = [raw['id'], fieldsId].find((value) => isOneOf(ID_STRATEGIES, value))
  return { singular, id: !singular && id !== undefined ? id : 'integer' }
}

export function parseResource(
  name: string,
  raw: unknown,
  path: string,
  shared: Shared,
  idKey: string,
): ResourceSpec | undefined {
  const { issues } = shared
  if (!isJsonObject(raw)) {
    report(issues, path, 'must be an object (use {} for a free-form resource)')
    return undefined
  }
  for (const key of Object.keys(raw)) {
    if (!isOneOf(RESOURCE_KEYS, key))
      report(issues, childPath(path, key), unknownKey(key, RESOURCE_KEYS))
  }
  const singularValue = raw['singular'] ?? false
  if (typeof singularValue !== 'boolean')
    report(issues, childPath(path, 'singular'), 'must be true or false')
  const singular = singularValue === true
  const count = singular ? 0 : readCount(raw['count'], childPath(path, 'count'), shared)
  for (const key of ['count', 'id'] as const) {
    if (singular && raw[key] !== undefined) {
      report(
        issues,
        childPath(path, key),
        `"${key}" is not allowed on a singular resource (it has no items)`,
      )
    }
  }
  let id: IdStrategy | undefined
  if (!singular && raw['id'] !== undefined) {
    if (isOneOf(ID_STRATEGIES, raw['id'])) id = raw['id']
    else report(issues, childPath(path, 'id'), mustBeOneOf(raw['id'], ID_STRATEGIES))
  }
  const rawFields = raw['fields']
  if (rawFields === undefined) {
    return { name, singular, count, id: id ?? 'integer', fields: undefined, idPosition: 0, idKey }
  }
  const fieldsPath = childPath(path, 'fields')
  if (!isJsonObject(rawFields)) {
    report(
      issues,
      fieldsPath,
      'must be an object of fields (leave it out for a free-form resource)',
    )
    return undefined
  }
  const ctx: ParseContext = { ...shared, resource: name, count }
  const entries = Object.entries(rawFields)
  const idIndex = singular ? -1 : entries.findIndex(([key]) => key === idKey)
  const idField = idIndex >= 0 ? entries.splice(idIndex, 1)[0]?.[1] : undefined
  if (idIndex >= 0) id = idFromFields(idField, id, idKey, childPath(fieldsPath, idKey), ctx)
  const fields: Fields = parseFieldEntries(entries, fieldsPath, ctx, {
    topLevel: true,
    inArray: false,
    depth: 0,
  })
  const idPosition = Math.max(0, idIndex)
  return { name, singular, count, id: id ?? 'integer', fields, idPosition, idKey }
}

function readCount(value: unknown, path: string, shared: Shared): number {
  if (value === undefined) return DEFAULT_COUNT
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT) {
    return value
  }
  report(shared.issues, path, `must be an integer from 0 to ${MAX_COUNT}`)
  return DEFAULT_COUNT
}

// `"id": "uuid"` inside fields sets both the strategy and where the id sits in generated items
function idFromFields(
  value: unknown,
  declared: IdStrategy | undefined,
  idKey: string,
  path: string,
  ctx: ParseContext,
): IdStrategy | undefined {
  if (!isOneOf(ID_STRATEGIES, value)) {
    const message = `${mustBeOneOf(value, ID_STRATEGIES)}: "${idKey}" in fields sets the id strategy and its position`
    report(ctx.issues, path, message)
    return declared
  }
  if (declared !== undefined && declared !== value) {
    report(ctx.issues, path, `"${value}" conflicts with the resource's "id": "${declared}"`)
  }
  return declared ?? value
}
