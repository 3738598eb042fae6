import type { AuthOverview } from '../auth/auth-overview.ts'
import type { JsonObject } from '../json.ts'
import { atBase } from '../routes/base-path.ts'
import { resourcePath } from '../routes/resource-path.ts'
import { routeTable } from '../routes/route-table.ts'
import { authPaths } from './auth-paths.ts'
import { type HomepageInfo, summarizeResources } from './homepage-info.ts'

/** The homepage as JSON, for clients that ask `GET /` for `application/json`. */
export function homepageJson(info: HomepageInfo): JsonObject {
  const { options } = info
  const base = info.basePath ?? ''
  const resources = summarizeResources(info).map((resource) => {
    const entry: JsonObject = { name: resource.name, url: resourcePath(base, resource.name) }
    if (resource.count === undefined) entry['singular'] = true
    else entry['count'] = resource.count
    // A served document's operations are listed instead of fauxrest's own routes.
    if (info.operations === undefined) {
      entry['routes'] = resource.routes.map((route) => `${route.methods.join(' ')} ${route.path}`)
    }
    return entry
  })
  const settings: JsonObject = {
    readOnly: options.readOnly,
    fakeWrites: options.fakeWrites,
    delay: options.delay === undefined ? null : { min: options.delay.min, max: options.delay.max },
    cors: options.cors,
  }
  if (options.db !== undefined) settings['db'] = options.db
  if (options.seed !== undefined) settings['seed'] = options.seed
  return {
    name: info.title ?? 'fauxrest',
    version: info.version,
    url: info.baseUrl,
    resources,
    ...(info.operations === undefined
      ? {}
      : { operations: info.operations.map((op) => ({ ...op })) }),
    links: Object.fromEntries(
      routeTable(info.schema)
        .own.filter((route) => route.label !== undefined && route.name !== 'home')
        .map((route) => [route.name, atBase(base, route.path)]),
    ),
    options: settings,
    ...(info.auth === undefined ? {} : { auth: authJson(info, info.auth, base) }),
  }
}

function authJson(info: HomepageInfo, overview: AuthOverview, base: string): JsonObject {
  const paths = authPaths(info.schema)
  const at = (path: string | undefined): string | null =>
    path === undefined ? null : atBase(base, path)
  return {
    register: at(paths.register),
    login: at(paths.login),
    fields: { login: overview.login, password: overview.password },
    rules: overview.rules.map((rule) => ({
      resource: rule.resource,
      read: rule.read,
      write: rule.write,
      ...(rule.mode === undefined ? {} : { guard: rule.mode }),
    })),
    demoUsers: overview.demo.map((user) => ({ ...user })),
  }
}
