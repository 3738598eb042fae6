import { Hono, type Context } from 'hono'
import { AppError } from '../errors.ts'
import type { OpenApiBinding } from '../openapi-import/binding.ts'
import type { ChangeFeed } from '../feed/change-feed.ts'
import type { Lookups } from '../query/lookups.ts'
import type { Store } from '../store/store.ts'
import type { AppOptions } from '../app-options.ts'
import { requestPipeline } from './pipeline/pipeline.ts'
import { answerError } from './answer/answer-error.ts'
import type { AuthConfig } from '../auth/auth-config.ts'
import { authStage } from './auth/auth-stage.ts'
import { visibleData } from './auth/visible-data.ts'
import { withMiddlewares, type Middleware } from './pipeline/middlewares.ts'
import { eventsRoute } from './feed/events-route.ts'
import { withRewrites } from './pipeline/rewrite-stage.ts'
import { RULES_PATH, type RouteRules } from '../rewrite/route-rules.ts'
import type { Answer, AssetSource, Route } from './route.ts'
import { toJsonBody } from './answer/json-body.ts'
import { notFoundHandler } from './routing/not-found.ts'
import { openApiStage } from './openapi/openapi-stage.ts'
import { pathSegments, splitUrl } from './request/path-segments.ts'
import { handleTarget, type HandlerDeps } from './resources/resource-handler.ts'
import { resolveTarget, type Target } from './routing/resolve-target.ts'
import { ResponseCache } from './resources/response-cache.ts'
import { sendJson } from './answer/send-json.ts'
import { surfaceHandlers } from './surface/surface-routes.ts'
import { placeOwnRoutes, type OwnRouteName } from '../routes/own-routes.ts'
import { atBase, insideBase } from '../routes/base-path.ts'
import { redirectToBase } from './routing/redirect-to-base.ts'
import { routeTable, toColonPath } from '../routes/route-table.ts'

export type AppDeps = {
  readonly store: Store
  readonly options: AppOptions
  /** Registration, log-in and guards; `undefined` when auth is off. */
  readonly auth?: AuthConfig | undefined
  /** Restores the state the server started with. */
  readonly reset: () => Promise<void>
  /** Answers GET and HEAD for paths no route took (Node: the --static folder). */
  readonly staticFiles?: Route
  /** Swagger UI's files for the docs page; without it `/docs/assets/*` is a 404. */
  readonly docsAssets?: AssetSource
  /** An OpenAPI document's operations, answered in its shapes before the resource routes. */
  readonly openapi?: OpenApiBinding | undefined
  /** json-server's routes file (`--routes`): URLs rewritten before routing, and `GET /__rules`. */
  readonly routes?: RouteRules
  /** The user's Hono middlewares (`--middlewares`), run in order before the router. */
  readonly middlewares?: readonly Middleware[]
  /**
   * Where the homepage is when not at `/`: the API's prefix (`--base`), or `/_fauxrest` when a
   * static `index.html` takes `/` (see own-routes.ts, homePathOf).
   */
  readonly homePath?: string
  /** The static folder has an `index.html`, which `/` serves (a front end). */
  readonly frontEnd?: boolean
  /** The change feed `/_events` streams; fake writes publish to it, the store's commits too. */
  readonly feed: ChangeFeed
}

export function createApp(deps: AppDeps): Hono {
  const { store, options, feed } = deps
  const app = new Hono()
  const cache = new ResponseCache()
  const lookups: Lookups = {
    rows: (resource) => store.list(resource),
    byId: (resource, id) => store.get(resource, id),
    byRef: (child, field, parentId) => store.byRef(child, field, parentId),
  }
  const onError = (error: unknown, c: Context): Response => answerError(c, error, options.log)
  const pipeline = requestPipeline({ ...options, onError })
  const middlewares = deps.middlewares ?? []
  // Every route runs inside the one pipeline (pipeline/pipeline.ts lists its stages); the user's
  // middlewares run in it, just before the route.
  const route = (handler: Route): Route => {
    const run = withMiddlewares(middlewares, handler)
    return (c, next) => pipeline(c, () => run(c, next))
  }

  const { auth } = deps
  // fauxrest's own routes, as the route table lists them
  const table = routeTable(store.schema)
  const handlers: Record<OwnRouteName, Route> = {
    ...surfaceHandlers({
      store,
      options,
      docsAssets: deps.docsAssets,
      document: deps.openapi?.document,
      auth,
    }),
    db: (c) =>
      auth === undefined
        ? sendJson(c, toJsonBody(store.data()))
        : visibleData(c, auth, store, lookups).then((data) => sendJson(c, toJsonBody(data))),
    reset: async (c) => {
      if (options.readOnly) {
        // An empty Allow: the route is switched off by configuration (RFC 9110).
        const message = 'POST is not allowed here (the server is read-only).'
        throw new AppError('method_not_allowed', message, { headers: { Allow: '' } })
      }
      await deps.reset()
      return sendJson(c, toJsonBody({ reset: true }))
    },
    events: eventsRoute({ feed, schema: store.schema, auth }),
  }
  // Under the API's prefix (`--base`), as every route; the homepage answers with a slash too.
  const { base } = options
  const homePath = deps.homePath ?? atBase(base, '/')
  const ownRoutes = placeOwnRoutes(table.own, base, homePath)
  for (const own of ownRoutes) {
    const paths = own.name === 'home' && base !== '' ? [own.path, `${own.path}/`] : [own.path]
    for (const method of own.methods) {
      for (const path of paths) {
        app.on(method.toUpperCase(), toColonPath(path), route(handlers[own.name]))
      }
    }
  }

  // The routes file's rules (`--routes`), served where json-server serves them
  const { routes } = deps
  const rulesPath = atBase(base, RULES_PATH)
  if (routes !== undefined) {
    app.get(
      rulesPath,
      route((c) => sendJson(c, toJsonBody(routes.current.rules))),
    )
  }

  // The document's operations, when serving one; then resources, nested to any depth; then static
  // files; then 404 (or 405 on fauxrest's own paths)
  const documentStage =
    deps.openapi === undefined ? undefined : openApiStage({ store, options, binding: deps.openapi })
  app.all(
    '*',
    route((c, next) => {
      // Outside the API's prefix: static files, else the 404
      const inside = insideBase(base, splitUrl(c.req.url).pathname)
      if (inside === undefined) return next().then(() => c.res)
      const segments = pathSegments(inside)
      const answered = segments && documentStage?.(c, segments)
      if (answered !== undefined) return answered
      const handlerDeps = { store, options, cache, lookups, feed }
      const resolve = (path: readonly string[]): Target | undefined =>
        resolveTarget(path, store.schema, table, store)
      if (auth !== undefined && segments !== undefined) {
        const answer = guarded(c, segments, auth, handlerDeps, resolve)
        return answer ?? next().then(() => c.res)
      }
      const target = segments && resolve(segments)
      // Not a resource: the next route (static files), else the 404
      if (target === undefined) return next().then(() => c.res)
      return handleTarget(c, target, handlerDeps)
    }),
  )
  if (deps.staticFiles !== undefined) app.get('*', route(deps.staticFiles))
  // A browser opening the server's address finds the API under its prefix.
  if (base !== '' && deps.frontEnd !== true) app.get('/', route(redirectToBase(base)))

  // A front end's `index.html` answers GET at `/`: other methods there are refused with `Allow`.
  const known = deps.frontEnd === true ? [...ownRoutes, FRONT_END_ROOT] : ownRoutes
  app.notFound(notFoundHandler(known, base, onError))
  app.onError(onError)
  return routes === undefined ? app : withRewrites(app, routes, rulesPath)
}

const FRONT_END_ROOT = { path: '/', methods: ['get'] } as const

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
