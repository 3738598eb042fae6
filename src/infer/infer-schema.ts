import { UserError } from '../errors.ts'
import { isJsonObject, type Data, type JsonObject, type JsonValue, type Row } from '../json.ts'
import { resourceNameProblem } from '../schema/resource-name.ts'
import { idStrategyOf, inferRelations, isSchemaDocument } from '../schema/schema-from-data.ts'
import { singularize } from '../schema/singularize.ts'
import type { FakerCatalog, IdStrategy, ResourceSpec } from '../schema/types.ts'
import { inferFields } from './infer-fields.ts'

export const SCHEMA_REF = './node_modules/fauxrest/schema/fauxrest.schema.json'

/**
 * A fauxrest schema document for sample JSON: one response (an object, an array of objects or a
 * wrapped list such as `{ data: [...], links }`, named `name`) or a whole json-server database
 * (arrays of items, objects for singular resources).
 * Counts are the sample's, so generating it gives data of the sample's shape and relations.
 */
export function inferSchema(sample: unknown, name: string, catalog: FakerCatalog): JsonObject {
  const data = sampleData(sample, name)
  const refs = references(data)
  const resources: JsonObject = {}
  for (const [resource, value] of Object.entries(data)) {
    if (Array.isArray(value) && value.length === 0) {
      // Nothing to learn fields from: a free-form resource, as the plain db serves it.
      resources[resource] = { count: 0 }
      continue
    }
    const rows = Array.isArray(value) ? value : [value]
    const refFields = refs.get(resource) ?? new Map<string, string>()
    const ctx = { catalog, parent: undefined, refs: refFields, resource }
    const fields = inferFields(rows.map(withoutId), ctx)
    if (!Array.isArray(value)) {
      resources[resource] = { singular: true, fields }
      continue
    }
    resources[resource] = { count: value.length, ...idPlacement(rows, fields) }
  }
  for (const [stand, count] of standIns(data, refs)) resources[stand] = { count }
  return { $schema: SCHEMA_REF, seed: 1, resources }
}

function withoutId(row: JsonObject): JsonObject {
  const { id: _, ...rest } = row
  return rest
}

// `"id": "integer"` among the fields keeps it where the sample has it (JSONPlaceholder's posts
// start with userId).
function idPlacement(rows: readonly JsonObject[], fields: JsonObject): JsonObject {
  const hasIds = rows.length > 0 && rows.every((row) => Object.hasOwn(row, 'id'))
  if (!hasIds) return { fields }
  const strategy: IdStrategy = idStrategyOf(rows, 'id')
  const position = Object.keys(rows[0] ?? {}).indexOf('id')
  if (position <= 0) return strategy === 'integer' ? { fields } : { id: strategy, fields }
  const entries = Object.entries(fields)
  entries.splice(position, 0, ['id', strategy])
  return { fields: Object.fromEntries(entries) }
}

/** The sample as a database: a db as it is, a response as one resource. */
function sampleData(sample: unknown, name: string): Data {
  if (isSchemaDocument(sample)) {
    throw new UserError('the sample is already a fauxrest schema (it has "resources")')
  }
  if (Array.isArray(sample)) return { [checkedName(name)]: rowsOf(sample, name) }
  if (!isJsonObject(sample)) {
    throw new UserError('the sample must be a JSON object or an array of objects')
  }
  const envelope = envelopeKey(sample)
  if (envelope !== undefined) {
    return { [checkedName(name)]: rowsOf(sample[envelope] as unknown[], name) }
  }
  const entries = Object.entries(sample).filter(([key]) => key !== '$schema')
  const isDb =
    entries.some(([, value]) => Array.isArray(value)) &&
    entries.every(
      ([key, value]) =>
        resourceNameProblem(key) === undefined && (isJsonObject(value) || isObjectArray(value)),
    )
  if (!isDb) return { [checkedName(name)]: [sample] }
  return Object.fromEntries(
    entries.map(([key, value]) => [
      key,
      Array.isArray(value) ? (value as Row[]) : (value as JsonObject),
    ]),
  )
}

/** Keys APIs wrap a list's items in: `{ "data": [...], "links": {...}, "meta": {...} }`. */
const ENVELOPE_KEYS = ['data', 'items', 'results', 'records', 'rows', 'entries', 'content', 'value']

/**
 * The key of a wrapped list's items: the one array of objects in the response, under a name APIs
 * wrap lists in, beside members that are no lists of objects (links, meta, paging, counts);
 * `undefined` for anything else (a database has its resources side by side).
 */
export function envelopeKey(sample: unknown): string | undefined {
  if (!isJsonObject(sample)) return undefined
  const lists = Object.entries(sample).filter(([, value]) => isObjectArray(value))
  if (lists.length !== 1) return undefined
  const [key = '', items] = lists[0] ?? []
  if (!ENVELOPE_KEYS.includes(key) || !Array.isArray(items) || items.length === 0) return undefined
  return key
}

function isObjectArray(value: JsonValue): boolean {
  return Array.isArray(value) && value.every(isJsonObject)
}

function rowsOf(items: readonly unknown[], name: string): Row[] {
  if (items.length === 0) throw new UserError(`${name}: the sample has no items to learn from`)
  if (!items.every(isJsonObject)) throw new UserError(`${name}: every item must be a JSON object`)
  return items as Row[]
}

function checkedName(name: string): string {
  const problem = resourceNameProblem(name)
  if (problem !== undefined) throw new UserError(`resource name "${name}" ${problem} (use --name)`)
  return name
}

/** Reference fields per resource (`userId` -> `users`), as a plain db is served, plus stand-ins. */
function references(data: Data): Map<string, Map<string, string>> {
  const specs = new Map<string, ResourceSpec>()
  for (const [name, value] of Object.entries(data)) {
    const singular = !Array.isArray(value)
    specs.set(name, standInSpec(name, singular))
  }
  for (const stand of standInNames(data)) {
    specs.set(stand, standInSpec(stand, false))
  }
  const byChild = new Map<string, Map<string, string>>()
  for (const relation of inferRelations(data, specs, 'Id')) {
    const fields = byChild.get(relation.child) ?? new Map<string, string>()
    fields.set(relation.field, relation.parent)
    byChild.set(relation.child, fields)
  }
  return byChild
}

function standInSpec(name: string, singular: boolean): ResourceSpec {
  return { name, singular, count: 0, id: 'integer', fields: undefined, idPosition: 0, idKey: 'id' }
}

/** Resources a `<name>Id` field points to that the sample lacks: `users` for a post's `userId`. */
function standInNames(data: Data): string[] {
  const known = new Set(Object.keys(data).flatMap((name) => [name, singularize(name)]))
  const names: string[] = []
  for (const rows of Object.values(data)) {
    if (!Array.isArray(rows)) continue
    for (const key of new Set(rows.flatMap((row) => Object.keys(row)))) {
      const prefix = /^(.+)Id$/.exec(key)?.[1]
      if (prefix === undefined || known.has(prefix) || !rows.every((row) => isIdLike(row[key])))
        continue
      const plural = pluralize(prefix)
      if (resourceNameProblem(plural) === undefined && !names.includes(plural)) names.push(plural)
    }
  }
  return names
}

function isIdLike(value: JsonValue | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'number' && Number.isInteger(value) && value > 0)
  )
}

function pluralize(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`
  return /(?:s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`
}

/** Stand-in resources with as many items as the largest id the sample points to. */
function standIns(
  data: Data,
  refs: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Map<string, number> {
  const stands = new Set(standInNames(data))
  const counts = new Map<string, number>()
  for (const [child, fields] of refs) {
    const rows = data[child]
    if (!Array.isArray(rows)) continue
    for (const [field, parent] of fields) {
      if (!stands.has(parent)) continue
      const ids = rows.map((row) => row[field]).filter((id): id is number => typeof id === 'number')
      counts.set(parent, Math.max(counts.get(parent) ?? 1, ...ids))
    }
  }
  return counts
}
