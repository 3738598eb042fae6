import { UserError } from '../errors.ts'
import { isJsonObject } from '../json.ts'
import { singularize } from '../schema/singularize.ts'
import type { Schema } from '../schema/types.ts'
import { isAccess, ruleFromMode, type AccessRule } from './access.ts'
import { DEFAULT_EXPIRES_IN, DEFAULT_SECRET, type AuthConfig } from './auth-config.ts'
import { parseDuration } from './duration.ts'
import { DEFAULT_COST } from './passwords.ts'

/** A rule as options and routes files write it: a guard mode (`640`) or `{ read, write }`. */
export type AccessRuleInput = number | string | { readonly read: string; readonly write: string }

/** Auth options of `createMock` and the command line. */
export type AuthOptions = {
  /** HS256 secret; json-server-auth's by default, so its tokens keep working. */
  readonly secret?: string | undefined
  /** Token lifetime: seconds, or `30m`, `1h`, `7d` (1 hour by default). */
  readonly expiresIn?: number | string | undefined
  /** Per resource: a guard mode (`640`) or `{ read, write }`, over the schema's `access`. */
  readonly rules?: Readonly<Record<string, AccessRuleInput>> | undefined
  /** bcrypt cost of new passwords (4-31; 10, as json-server-auth). Test suites may lower it. */
  readonly hashCost?: number | undefined
}

/**
 * The auth a server runs with, or `undefined` when it is off: on when the schema declares it or the
 * options ask for it (`true`, or any options). Throws a UserError for options that cannot work.
 */
export function resolveAuth(
  schema: Schema,
  options: boolean | AuthOptions | undefined,
): AuthConfig | undefined {
  const declared = schema.auth
  if (declared === undefined && (options === undefined || options === false)) return undefined
  const given = typeof options === 'object' ? options : {}
  const users = declared?.users ?? defaultUsers(schema)
  const resource = schema.resources.get(users)
  if (resource === undefined || resource.singular) {
    throw new UserError(
      `auth needs a "${users}" collection to hold users (add "${users}": [] to the database)`,
    )
  }
  const secret = given.secret ?? DEFAULT_SECRET
  if (secret === '') throw new UserError('the JWT secret must not be empty')
  const expiresIn = parseDuration(given.expiresIn ?? DEFAULT_EXPIRES_IN)
  if (expiresIn === undefined) {
    throw new UserError(
      `the token lifetime must be seconds or a duration such as 30m, 1h or 7d, not "${String(given.expiresIn)}"`,
    )
  }
  const cost = given.hashCost ?? DEFAULT_COST
  if (!Number.isInteger(cost) || cost < 4 || cost > 31) {
    throw new UserError(`the bcrypt cost must be an integer from 4 to 31, not ${cost}`)
  }
  const rules = new Map<string, AccessRule>(declared?.rules)
  for (const [name, input] of Object.entries(given.rules ?? {})) {
    if (!schema.resources.has(name)) {
      throw new UserError(`auth rule for "${name}": there is no such resource`)
    }
    rules.set(name, accessRule(input, name))
  }
  return {
    users,
    userIdKey: resource.idKey,
    login: declared?.login ?? 'email',
    password: declared?.password ?? 'password',
    secret,
    expiresIn,
    cost,
    rules,
    owners: declared?.owners ?? new Map(),
    defaultOwner: `${singularize(users)}Id`,
  }
}

export function accessRule(input: unknown, resource: string): AccessRule {
  const mode = ruleFromMode(input)
  if (mode !== undefined) return mode
  if (isJsonObject(input) && isAccess(input['read']) && isAccess(input['write'])) {
    return { read: input['read'], write: input['write'] }
  }
  throw new UserError(
    `auth rule for "${resource}" must be a guard such as 640, or { "read": …, "write": … } with anyone, logged-in, owner or nobody`,
  )
}

// `users`, else a `user` collection (an OpenAPI document's `/user` paths, as Petstore's).
function defaultUsers(schema: Schema): string {
  if (schema.resources.has('users')) return 'users'
  const user = schema.resources.get('user')
  return user !== undefined && !user.singular ? 'user' : 'users'
}
