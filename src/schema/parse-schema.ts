import type { Issue } from '../errors.ts'
import { isJsonObject } from '../json.ts'
import { report, unknownKey, type ResourceInfo } from './context.ts'
import { DEFAULT_SEED, TOP_LEVEL_KEYS, isOneOf } from './keys.ts'
import { parseResource, readResourceInfo } from './parse-resource.ts'
import { childPath } from './path.ts'
import { parseAuth } from './parse-auth.ts'
import { buildRelations, refCycleIssues } from './relations.ts'
import { resourceNameProblem } from './resource-name.ts'
import { DEFAULT_ID_KEY, type FakerCatalog, type ResourceSpec, type Schema } from './types.ts'

export type ParseSchemaResult =
  | { readonly ok: true; readonly schema: Schema }
  | { readonly ok: false; readonly issues: readonly Issue[] }

/** Validates a schema document and normalises it, collecting every issue with its JSON path. */
export function parseSchema(
  input: unknown,
  catalog: FakerCatalog,
  idKey: string = DEFAULT_ID_KEY,
): ParseSchemaResult {
  const issues: Issue[] = []
  if (!isJsonObject(input)) {
    return {
      ok: false,
      issues: [{ path: '', message: 'must be a JSON object with a "resources" key' }],
    }
  }
  for (const key of Object.keys(input)) {
    if (!isOneOf(TOP_LEVEL_KEYS, key))
      report(issues, childPath('', key), unknownKey(key, TOP_LEVEL_KEYS))
  }
  if (input['$schema'] !== undefined && typeof input['$schema'] !== 'string') {
    report(issues, '$schema', 'must be a string')
  }
  const seed = input['seed'] ?? DEFAULT_SEED
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed))
    report(issues, 'seed', 'must be an integer')
  const resources = parseResources(input['resources'], catalog, issues, idKey)
  const relations = buildRelations(resources)
  issues.push(...refCycleIssues({ resources, relations }))
  const auth = parseAuth(input['auth'], input['resources'], resources, relations, issues)
  if (issues.length > 0) return { ok: false, issues }
  const schema: Schema = { seed: seed as number, resources, relations, origin: 'schema' }
  return { ok: true, schema: auth === undefined ? schema : { ...schema, auth } }
}

function parseResources(
  raw: unknown,
  catalog: FakerCatalog,
  issues: Issue[],
  idKey: string,
): Map<string, ResourceSpec> {
  const parsed = new Map<string, ResourceSpec>()
  if (raw === undefined) {
    report(issues, 'resources', 'is required')
    return parsed
  }
  if (!isJsonObject(raw)) {
    report(issues, 'resources', 'must be an object mapping resource names to resources')
    return parsed
  }
  if (Object.keys(raw).length === 0)
    report(issues, 'resources', 'must declare at least one resource')
  const infos = new Map<string, ResourceInfo>()
  for (const [name, value] of Object.entries(raw)) {
    const problem = resourceNameProblem(name)
    if (problem === undefined) infos.set(name, readResourceInfo(value, idKey))
    else report(issues, childPath('resources', name), problem)
  }
  for (const name of infos.keys()) {
    const path = childPath('resources', name)
    const shared = { catalog, resources: infos, issues }
    const resource = parseResource(name, raw[name], path, shared, idKey)
    if (resource !== undefined) parsed.set(name, resource)
  }
  return parsed
}
