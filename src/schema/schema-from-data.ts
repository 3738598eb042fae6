import { UserError, type Issue } from '../errors.ts'
import {
  FORBIDDEN_KEYS,
  hasOwn,
  isId,
  isIntegerId,
  isJsonObject,
  type Data,
  type Row,
} from '../json.ts'
import { DEFAULT_SEED } from './keys.ts'
import { childPath, indexPath } from './path.ts'
import { resourceNameProblem } from './resource-name.ts'
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
  for (const [name, resource] of Object.entries(value)) {
    if (name === SCHEMA_KEY) continue
    const path = childPath('', name)
    const problem = resourceNameProblem(name)
    if (problem !== undefined) issues.push({ path, message: problem })
    else if (Array.isArray(resource)) issues.push(...rowIssues(resource, path, idKey))
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
  const seen = new Map<string, number>()
  for (const [index, row] of rows.entries()) {
    const rowPath = indexPath(path, index)
    const problem = rowProblem(row, idKey)
    if (problem !== undefined) {
      issues.push({
        path: problem.onId ? childPath(rowPath, idKey) : rowPath,
        message: problem.message,
      })
      continue
    }
    const id = (row as Row)[idKey]
    if (id === undefined) continue
    const key = String(id)
    const first = seen.get(key)
    if (first === undefined) seen.set(key, index)
    else {
      const message = `duplicates the id of ${indexPath(path, first)}`
      issues.push({ path: childPath(rowPath, idKey), message })
    }
  }
  return issues
}

function rowProblem(row: unknown, idKey: string): { message: string; onId: boolean } | undefined {
  if (!isJsonObject(row)) return { message: 'must be an object', onId: false }
  const reserved = Object.keys(row).find((key) => FORBIDDEN_KEYS.has(key))
  if (reserved !== undefined) return { message: `has a reserved key "${reserved}"`, onId: false }
  if (hasOwn(row, idKey) && !isId(row[idKey]))
    return { message: 'must be a number or a string', onId: true }
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
  const ids = rows.map((row) => row[idKey]).filter((id) => id !== undefined)
  if (ids.every(isIntegerId)) return 'integer'
  return ids.every((id) => typeof id === 'string' && UUID.test(id)) ? 'uuid' : 'nanoid'
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
    for (const field of new Set(rows.flatMap((row) => Object.keys(row)))) {
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
