import { ACCESS_LEVELS, isAccess, ruleFromMode, type AccessRule } from '../auth/access.ts'
import type { Issue } from '../errors.ts'
import { isJsonObject } from '../json.ts'
import { mustBeOneOf, report, unknownKey } from './context.ts'
import { childPath } from './path.ts'
import type { FieldSpec, Relation, ResourceSpec, SchemaAuth } from './types.ts'

const AUTH_KEYS = ['users', 'login', 'password'] as const
const ACCESS_KEYS = ['read', 'write'] as const

/**
 * The schema's auth: the top-level `auth` (`{ "users": "users", "login": "email", "password":
 * "password" }`, each defaulted) and each resource's `access` (a guard such as 640, or
 * `{ "read": …, "write": … }`). `undefined` when the schema declares neither. An owned resource's
 * owner is its `ref` to the users resource. The users resource gets its password field (a string,
 * optional on writes) when it declares fields without it.
 */
export function parseAuth(
  raw: unknown,
  rawResources: unknown,
  resources: Map<string, ResourceSpec>,
  relations: readonly Relation[],
  issues: Issue[],
): SchemaAuth | undefined {
  const accesses = isJsonObject(rawResources)
    ? Object.entries(rawResources).filter(
        ([, value]) => isJsonObject(value) && value['access'] !== undefined,
      )
    : []
  if (raw === undefined && accesses.length === 0) return undefined
  const given = raw ?? {}
  if (!isJsonObject(given)) {
    report(issues, 'auth', 'must be an object like { "users": "users", "login": "email" }')
    return undefined
  }
  for (const key of Object.keys(given)) {
    if (!(AUTH_KEYS as readonly string[]).includes(key)) {
      report(issues, childPath('auth', key), unknownKey(key, AUTH_KEYS))
    }
  }
  const names = { users: 'users', login: 'email', password: 'password' }
  for (const key of AUTH_KEYS) {
    const value = given[key]
    if (value === undefined) continue
    if (typeof value === 'string' && value !== '') names[key] = value
    else report(issues, childPath('auth', key), 'must be a non-empty string')
  }
  const users = resources.get(names.users)
  if (users === undefined || users.singular) {
    report(issues, 'auth.users', `must name a plural resource, not "${names.users}"`)
    return undefined
  }
  const rules = new Map<string, AccessRule>()
  const owners = new Map<string, string>()
  for (const [name, value] of accesses) {
    const path = childPath(childPath('resources', name), 'access')
    const rule = readRule(isJsonObject(value) ? value['access'] : undefined, path, issues)
    const resource = resources.get(name)
    if (rule === undefined || resource === undefined) continue
    rules.set(name, rule)
    const owned = rule.read === 'owner' || rule.write === 'owner'
    if (!owned || name === names.users) continue
    const ref = relations.find(
      (relation) => relation.child === name && relation.parent === names.users,
    )
    if (ref !== undefined) owners.set(name, ref.field)
    else if (resource.fields !== undefined) {
      report(
        issues,
        path,
        `"owner" needs a field with { "ref": "${names.users}" } to name the owner`,
      )
    }
  }
  if (users.fields !== undefined && !users.fields.has(names.password)) {
    const fields = new Map(users.fields)
    fields.set(names.password, PASSWORD_FIELD)
    resources.set(users.name, { ...users, fields })
  }
  return { ...names, rules, owners }
}

// Generated as '' and then given a known password's hash; optional, since writes hash what they send.
const PASSWORD_FIELD: FieldSpec = {
  kind: 'value',
  value: '',
  optional: true,
  nullable: false,
  unique: false,
  default: undefined,
  valueType: 'string',
  typeDeclared: true,
}

function readRule(value: unknown, path: string, issues: Issue[]): AccessRule | undefined {
  const mode = ruleFromMode(value)
  if (mode !== undefined) return mode
  if (!isJsonObject(value)) {
    report(issues, path, 'must be a guard such as 640, or { "read": …, "write": … }')
    return undefined
  }
  for (const key of Object.keys(value)) {
    if (!(ACCESS_KEYS as readonly string[]).includes(key)) {
      report(issues, childPath(path, key), unknownKey(key, ACCESS_KEYS))
    }
  }
  const read = value['read'] ?? 'anyone'
  const write = value['write'] ?? 'anyone'
  if (!isAccess(read)) report(issues, childPath(path, 'read'), mustBeOneOf(read, ACCESS_LEVELS))
  if (!isAccess(write)) report(issues, childPath(path, 'write'), mustBeOneOf(write, ACCESS_LEVELS))
  return isAccess(read) && isAccess(write) ? { read, write } : undefined
}
