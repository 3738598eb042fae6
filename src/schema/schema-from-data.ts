import { UserError, type Issue } from '../errors.ts'
import {
  FORBIDDEN_KEYS,
  hasOwn,
  isId,
  isIntegerId,
  isJsonObject,
  type Data,
  type Id,
  type Row,
} from '../json.ts'
import { DEFAULT_SEED } from './keys.ts'
import { childPath, indexPath } from './path.ts'
import { dbResourceNameProblem } from './db-resource-name.ts'
import { singularize } from './singularize.ts'
import {
  DEFAULT_FOREIGN_KEY_SUFFIX,
  DEFAULT_ID_KEY,
  type IdStrategy,
  type Relation,
  type ResourceSpec,
  type Schema,
  type SchemaOptions,
} from './types.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const MAX_ISSUES = 50
const RESERVED_KEYS = [...FORBIDDEN_KEYS]

/** Whether a parsed file is a schema document (a `resources` object) rather than a plain db. */
export function isSchemaDocument(value: unknown): boolean {
  return isJsonObject(value) && hasOwn(value, 'resources') && !Array.isArray(value['resources'])
}

/** json-server's editor hint (`"$schema": "./node_modules/json-server/schema.json"`): no resource. */
export const SCHEMA_KEY = '$schema'

/**
 * Checks a json-server style database: arrays of items (with or without ids) for plural
 * resources, objects for singular ones; `$schema` is left alone. Throws a UserError: one line for
 * what json-server refuses too (not an object, a name with `/`), else every problem listed.
 */
export function checkPlainDb(
  value: unknown,
  file: string,
  idKey = DEFAULT_ID_KEY,
): asserts value is Data {
  const issues: Issue[] = []
  if (!isJsonObject(value)) {
    const found = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value
    throw new UserError(
      `${file}: a database must be a JSON object of resources, like {"posts": []}; found ${found}`,
    )
  }
  const slashed = Object.keys(value).find((name) => name.includes('/'))
  if (slashed !== undefined) {
    throw new UserError(
      `${file}: ${JSON.stringify(slashed)} cannot be a resource name: "/" is not allowed in one (map a deeper path with a routes file)`,
    )
  }
  for (const name of Object.keys(value)) {
    const problem = name === SCHEMA_KEY ? undefined : dbResourceNameProblem(name)
    if (problem !== undefined) {
      throw new UserError(`${file}: ${JSON.stringify(name)} ${problem}`)
    }
  }
  for (const [name, resource] of Object.entries(value)) {
    if (name === SCHEMA_KEY) continue
    const path = childPath('', name)
    if (Array.isArray(resource)) issues.push(...rowIssues(resource, path, idKey))
    else if (!isJsonObject(resource)) {
      const message = 'must be an array (plural resource) or an object (singular resource)'
      issues.push({ path, message })
    }
  }
  if (issues.length > 0) {
    const shown = issues.slice(0, MAX_ISSUES)
    const more = issues.length - shown.length
    if (more > 0) shown.push({ path: '', message: `and ${more} more problems` })
    throw new UserError(`${file}: invalid database`, shown)
  }
}

function rowIssues(rows: readonly unknown[], path: string, idKey: string): Issue[] {
  const issues: Issue[] = []
  // Ids that only go up (generated data, most hand-written files) cannot repeat: the map of ids
  // seen is built only once they stop going up. Building it for 118,000 rows took a tenth of a
  // scale-20 plain db's start.
  let seen: Map<string | number, number> | undefined
  let last = -1
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]
    const problem = rowProblem(row, idKey)
    if (problem !== undefined) {
      const rowPath = indexPath(path, index)
      issues.push({
        path: problem.onId ? childPath(rowPath, idKey) : rowPath,
        message: problem.message,
      })
      continue
    }
    const id = (row as Row)[idKey]
    if (!isId(id)) continue
    const key = sameIdKey(id)
    if (seen === undefined) {
      if (typeof key === 'number' && key > last) {
        last = key
        continue
      }
      seen = idsBefore(rows, index, idKey)
    }
    const first = seen.get(key)
    if (first === undefined) seen.set(key, index)
    else {
      const message = `duplicates the id of ${indexPath(path, first)}`
      issues.push({ path: childPath(indexPath(path, index), idKey), message })
    }
  }
  return issues
}

/** The ids of the good rows before `end`, each with its row's index (they are all different). */
function idsBefore(
  rows: readonly unknown[],
  end: number,
  idKey: string,
): Map<string | number, number> {
  const seen = new Map<string | number, number>()
  for (let index = 0; index < end; index++) {
    const row = rows[index]
    if (rowProblem(row, idKey) !== undefined) continue
    const id = (row as Row)[idKey]
    if (isId(id)) seen.set(sameIdKey(id), index)
  }
  return seen
}

/**
 * Equal for ids the store's index keys alike (`1` and `"1"`, as `String(id)` does), without
 * making a string of every integer id: a plain db at scale 20 holds 120,000 of them.
 */
function sameIdKey(id: Id): string | number {
  if (typeof id === 'number') return Number.isSafeInteger(id) && id >= 0 ? id : String(id)
  return isIntegerId(id) ? Number(id) : id
}

function rowProblem(row: unknown, idKey: string): { message: string; onId: boolean } | undefined {
  if (!isJsonObject(row)) return { message: 'must be an object', onId: false }
  // Looks up the few reserved keys rather than listing every row's keys.
  for (const reserved of RESERVED_KEYS) {
    if (hasOwn(row, reserved)) return { message: `has a reserved key "${reserved}"`, onId: false }
  }
  const id = row[idKey]
  if (id !== undefined && !isId(id)) return { message: 'must be a number or a string', onId: true }
  return undefined
}

/**
 * A schemaless schema for a plain db: free-form resources, relations from `<singular>Id` fields
 * (`<singular>_id` with the foreign-key suffix `_id`).
 */
export function schemaFromData(data: Data, options: SchemaOptions = {}): Schema {
  const idKey = options.idKey ?? DEFAULT_ID_KEY
  const resources = new Map<string, ResourceSpec>()
  for (const [name, value] of Object.entries(data)) {
    if (name === SCHEMA_KEY) continue
    const singular = !Array.isArray(value)
    const count = Array.isArray(value) ? value.length : 0
    const id = Array.isArray(value) ? idStrategyOf(value, idKey) : 'integer'
    resources.set(name, { name, singular, count, id, fields: undefined, idPosition: 0, idKey })
  }
  const suffix = options.foreignKeySuffix ?? DEFAULT_FOREIGN_KEY_SUFFIX
  const relations = inferRelations(data, resources, suffix)
  return { seed: DEFAULT_SEED, resources, relations, origin: 'db' }
}

/**
 * New ids follow what the items have: integers when every id is one (`1` or `"1"`, json-server
 * 1.0's default; the store keeps the form of the last id), uuids when every id is one, else nanoids.
 * Items without an id do not count.
 */
export function idStrategyOf(rows: readonly Row[], idKey: string): IdStrategy {
  // One pass without intermediate arrays: this runs over every item of a plain db at startup.
  let integers = true
  let uuids = true
  for (const row of rows) {
    const id = row[idKey]
    if (id === undefined) continue
    if (integers && !isIntegerId(id)) integers = false
    if (uuids && !(typeof id === 'string' && UUID.test(id))) uuids = false
    if (!integers && !uuids) return 'nanoid'
  }
  return integers ? 'integer' : uuids ? 'uuid' : 'nanoid'
}

/** Relations from `<singular><suffix>` fields (`postId` in comments -> posts), as json-server reads them. */
export function inferRelations(
  data: Data,
  resources: ReadonlyMap<string, ResourceSpec>,
  suffix: string,
): Relation[] {
  const byPrefix = new Map<string, string>()
  for (const [name, resource] of resources) {
    if (resource.singular) continue
    if (!byPrefix.has(name)) byPrefix.set(name, name)
    const singular = singularize(name)
    if (!byPrefix.has(singular)) byPrefix.set(singular, name)
  }
  const relations: Relation[] = []
  for (const [child, rows] of Object.entries(data)) {
    if (!Array.isArray(rows) || !resources.has(child)) continue
    for (const field of fieldNames(rows)) {
      const prefix =
        field.length > suffix.length && field.endsWith(suffix)
          ? field.slice(0, -suffix.length)
          : undefined
      const parent = prefix === undefined ? undefined : byPrefix.get(prefix)
      if (prefix === undefined || parent === undefined) continue
      relations.push({ child, field, parent, onDelete: 'cascade', expandAs: prefix })
    }
  }
  return relations
}

/** Every key any row has, first seen first; no per-row key arrays (100,000 rows at scale 20). */
function fieldNames(rows: readonly Row[]): Set<string> {
  const names = new Set<string>()
  for (const row of rows) {
    for (const key in row) names.add(key)
  }
  return names
}
