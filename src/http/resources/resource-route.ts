import type { Context } from 'hono'
import type { AppOptions } from '../../app-options.ts'
import type { AuthConfig } from '../../auth/auth-config.ts'
import type { OpenApiBinding } from '../../openapi-import/binding.ts'
import { insideBase } from '../../routes/base-path.ts'
import type { RouteTable } from '../../routes/route-table.ts'
import type { Schema } from '../../schema/types.ts'
import { authStage } from '../auth/auth-stage.ts'
import { openApiStage } from '../openapi/openapi-stage.ts'
import { pathSegments, splitUrl } from '../request/path-segments.ts'
import type { Answer, ScopedRoute } from '../route.ts'
import { resolveTarget, type Target } from '../routing/resolve-target.ts'
import { scopedPath } from '../session/session-stage.ts'
import { handleTarget, type HandlerDeps } from './resource-handler.ts'

export type ResourceRouteDeps = {
  readonly schema: Schema
  readonly table: RouteTable
  readonly options: AppOptions
  readonly auth: AuthConfig | undefined
  readonly openapi: OpenApiBinding | undefined
}

/**
 * Every path under the API's prefix that no own route took: a served document's operations
 * first, then the resources, nested to any depth (behind the auth stage when auth is on). A path
 * none of them answers goes on to the next route (static files), else the 404.
 */
export function resourceRoute(deps: ResourceRouteDeps): ScopedRoute {
  const { schema, table, options, auth } = deps
  const { base } = options
  const documentStage =
    deps.openapi === undefined ? undefined : openApiStage({ options, binding: deps.openapi, auth })
  return (c, next, scope) => {
    const inside = insideBase(base, splitUrl(c.req.url).pathname)
    if (inside === undefined) return next().then(() => c.res)
    const segments = pathSegments(scopedPath(inside, scope))
    const answered = segments && documentStage?.(c, segments, scope)
    if (answered !== undefined) return answered
    const { db, lookups, cache, events } = scope
    const handlerDeps: HandlerDeps = {
      store: db,
      options,
      cache,
      lookups,
      feed: events,
      base: base + scope.base,
      session: scope.session,
    }
    const resolve = (path: readonly string[]): Target | undefined =>
      resolveTarget(path, schema, table, db)
    if (auth !== undefined && segments !== undefined) {
      const answer = guarded(c, segments, auth, handlerDeps, resolve)
      return answer ?? next().then(() => c.res)
    }
    const target = segments && resolve(segments)
    if (target === undefined) return next().then(() => c.res)
    return handleTarget(c, target, handlerDeps)
  }
}

// The auth stage before the resource handler: json-server-auth's routes, guard prefixes, the guard.
function guarded(
  c: Context,
  segments: readonly string[],
  auth: AuthConfig,
  deps: HandlerDeps,
  resolve: (segments: readonly string[]) => Target | undefined,
): Answer | undefined {
  return authStage(c, segments, auth, deps, resolve, (target, requestAuth) =>
    handleTarget(c, target, { ...deps, auth: requestAuth }),
  )
}
