import type { AccessRule } from './access.ts'

/** Where users and their credentials are: what the types and documents need to know of auth. */
export type AuthFields = {
  readonly users: string
  readonly login: string
  readonly password: string
}

/** Auth as the server runs it: resolved from the schema's `auth`, the options and a routes file. */
export type AuthConfig = {
  /** The resource that holds users; registering adds an item to it. */
  readonly users: string
  /** The field that identifies a user (`id`, or json-server's `--id`). */
  readonly userIdKey: string
  /** The field users log in with (`email` or `username`, say). */
  readonly login: string
  /** The field that holds the bcrypt hash; never sent to a client. */
  readonly password: string
  /** HS256 signing secret. */
  readonly secret: string
  /** Token lifetime in seconds. */
  readonly expiresIn: number
  /** bcrypt cost of passwords hashed at run time. */
  readonly cost: number
  /** Per resource; a resource not listed is open to anyone. */
  readonly rules: ReadonlyMap<string, AccessRule>
  /** Per resource, the field naming its owner (a reference to the users resource). */
  readonly owners: ReadonlyMap<string, string>
  /** The owner field of a resource not in `owners`: json-server-auth's `userId`. */
  readonly defaultOwner: string
}

/** The logged-in user a valid token names: its id, as the token's `sub` holds it. */
export type Caller = { readonly id: string }

/** json-server-auth's secret and lifetime, so tokens it issued keep working. */
export const DEFAULT_SECRET = 'json-server-auth-123456'
export const DEFAULT_EXPIRES_IN = 3600
