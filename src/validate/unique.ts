import type { Issue } from '../errors.ts'
import { isJsonObject, type Id, type JsonObject, type JsonValue, type Row } from '../json.ts'
import { childPath } from '../schema/path.ts'
import type { Fields, ResourceSpec } from '../schema/types.ts'
import { shown } from './describe-value.ts'
import { sameJson } from './same-json.ts'

const pathsByResource = new WeakMap<ResourceSpec, readonly (readonly string[])[]>()

/** Key paths of the `unique` fields that hold across items: top level and nested objects, not arrays. */
export function uniquePaths(resource: ResourceSpec): readonly (readonly string[])[] {
  let paths = pathsByResource.get(resource)
  if (paths === undefined) {
    paths = resource.fields === undefined ? [] : collect(resource.fields, [])
    pathsByResource.set(resource, paths)
  }
  return paths
}

function collect(fields: Fields, prefix: readonly string[]): string[][] {
  const paths: string[][] = []
  for (const [key, spec] of fields) {
    const path = [...prefix, key]
    if (spec.unique) paths.push(path)
    if (spec.kind === 'object') paths.push(...collect(spec.fields, path))
  }
  return paths
}

/**
 * Values of `unique` fields in `body` that another item of the resource already has (a linear scan;
 * the item being changed, `currentId`, does not count). Fields absent from `body` are not checked.
 */
export function uniqueConflicts(
  resource: ResourceSpec,
  body: JsonObject,
  rows: readonly Row[],
  currentId: Id | undefined,
): Issue[] {
  const issues: Issue[] = []
  for (const keys of uniquePaths(resource)) {
    const value = valueAt(body, keys)
    if (value === undefined || value === null) continue
    const other = rows.find(
      (row) =>
        (currentId === undefined || String(row[resource.idKey]) !== String(currentId)) &&
        sameJson(valueAt(row, keys), value),
    )
    if (other === undefined) continue
    issues.push({
      path: keys.reduce(childPath, ''),
      message: `must be unique: ${shown(value)} is already used by ${resource.name} ${shown(other[resource.idKey] ?? null)}`,
    })
  }
  return issues
}

function valueAt(object: JsonObject, keys: readonly string[]): JsonValue | undefined {
  let value: JsonValue | undefined = object
  for (const key of keys) {
    if (!isJsonObject(value) || !Object.hasOwn(value, key)) return undefined
    value = value[key]
  }
  return value
}
