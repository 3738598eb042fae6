import type { Context } from 'hono'
import type { AuthConfig } from '../../auth/auth-config.ts'
import { publicUser } from '../../auth/auth-visibility.ts'
import { credentialProblem } from '../../auth/credentials.ts'
import { checkPassword, hashPassword } from '../../auth/passwords.ts'
import { AppError } from '../../errors.ts'
import { storedId, type JsonObject, type Row } from '../../json.ts'
import { resourcePath } from '../../routes/resource-path.ts'
import { pathsOf } from '../../routes/own-routes.ts'
import { routeTable } from '../../routes/route-table.ts'
import type { Database } from '../../store/database.ts'
import { validateWrite } from '../../validate/validate-write.ts'
import type { AppOptions } from '../../app-options.ts'
import { toJsonBody } from '../answer/json-body.ts'
import { readJsonBody } from '../request/read-json-body.ts'
import { sendJson } from '../answer/send-json.ts'
import { issueToken } from './tokens.ts'

export type AuthRouteDeps = {
  readonly store: Database
  readonly options: AppOptions
  readonly config: AuthConfig
  /** Where `Location` points: the API's prefix, and the session prefix the request came through. */
  readonly base: string
  /** The session the request works in; its tokens say so. */
  readonly session: string | undefined
}

/**
 * json-server-auth's routes: `POST /<users>` and the route table's `register` route (`/register`,
 * `/signup`) register, its `login` route (`/login`, `/signin`) logs in, with or without a guard
 * prefix. `undefined` when the path is none of them; the table leaves out a path that names a
 * resource (a resource called `login` keeps its route).
 */
export function authRoute(
  c: Context,
  segments: readonly string[],
  deps: AuthRouteDeps,
): Promise<Response> | undefined {
  if (c.req.method !== 'POST' || segments.length !== 1) return undefined
  const [name = ''] = segments
  if (name === deps.config.users) return register(c, deps)
  const path = `/${name}`
  const own = routeTable(deps.store.schema)
    .ownWith(AUTH_ON)
    .find((route) => route.feature === 'auth' && pathsOf(route).includes(path))
  if (own?.name === 'register') return register(c, deps)
  if (own?.name === 'login') return login(c, deps)
  return undefined
}

const AUTH_ON = { auth: true } as const

async function register(c: Context, deps: AuthRouteDeps): Promise<Response> {
  const { store, options, config } = deps
  if (options.readOnly) {
    throw new AppError(
      'method_not_allowed',
      'POST is not allowed here (the server is read-only).',
      {
        headers: { Allow: '' },
      },
    )
  }
  const body = await readJsonBody(c)
  const problem = credentialProblem(config, body, true)
  if (problem !== undefined) throw new AppError('bad_request', problem)
  refuseTaken(deps, body)
  const hash = await hashPassword(String(body[config.password]), config.cost)
  // Checked again after hashing: another registration may have taken the name meanwhile.
  refuseTaken(deps, body)
  const user = checkedUser(deps, { ...body, [config.password]: hash })
  const row = options.fakeWrites
    ? { ...user, [config.userIdKey]: user[config.userIdKey] ?? store.peekNextId(config.users) }
    : await store.insert(config.users, user)
  const accessToken = await issueToken(config, row, deps.session)
  const location = resourcePath(deps.base, config.users, storedId(row, config.userIdKey))
  return sendJson(c, toJsonBody({ accessToken, user: publicUser(config, row) }), 201, {
    Location: location,
  })
}

async function login(c: Context, deps: AuthRouteDeps): Promise<Response> {
  const { config } = deps
  const body = await readJsonBody(c)
  const problem = credentialProblem(config, body, true)
  if (problem !== undefined) throw new AppError('bad_request', problem)
  const user = findUser(deps, body[config.login])
  if (user === undefined) throw new AppError('bad_request', 'Cannot find user.')
  if (!(await checkPassword(String(body[config.password]), user[config.password]))) {
    throw new AppError('bad_request', 'Incorrect password.')
  }
  const accessToken = await issueToken(config, user, deps.session)
  return sendJson(c, toJsonBody({ accessToken, user: publicUser(config, user) }))
}

function findUser(deps: AuthRouteDeps, name: unknown): Row | undefined {
  return deps.store.list(deps.config.users).find((row) => row[deps.config.login] === name)
}

// json-server-auth answers a taken email with 400, and front ends check for it.
function refuseTaken(deps: AuthRouteDeps, body: JsonObject): void {
  if (findUser(deps, body[deps.config.login]) !== undefined) {
    const field = deps.config.login
    const what = field.charAt(0).toUpperCase() + field.slice(1)
    throw new AppError('bad_request', `${what} already exists.`)
  }
}

/** The new user checked against the schema like any POST (the hash stands in for the password). */
function checkedUser(deps: AuthRouteDeps, user: JsonObject): JsonObject {
  const { store, config } = deps
  const resource = store.schema.resources.get(config.users)
  if (resource === undefined) return user
  // Users whose fields say nothing of a password (a document's, or `--auth` on a schema) still
  // store its hash.
  const undeclared = resource.fields !== undefined && !resource.fields.has(config.password)
  const { [config.password]: hash, ...rest } = user
  const checked = validateWrite('create', resource, undeclared ? rest : user, {
    exists: (name, id) => store.get(name, id) !== undefined,
    rows: (name) => store.list(name),
  })
  return undeclared && hash !== undefined ? { ...checked, [config.password]: hash } : checked
}
