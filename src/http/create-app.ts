import { Hono, type Context, type Next } from 'hono'
import { AppError } from '../errors.ts'
import type { OpenApiBinding } from '../openapi-import/binding.ts'
import type { ChangeFeed } from '../feed/change-feed.ts'
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
import type { RouteRules } from '../rewrite/route-rules.ts'
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
import { operationLines } from '../openapi-import/operation-lines.ts'
import {
  pathsOf,
  placeOwnRoutes,
  SESSION_PREFIX,
  type OwnRoute,
  type OwnRouteName,
} from '../routes/own-routes.ts'
import { atBase, insideBase } from '../routes/base-path.ts'
import { redirectToBase } from './routing/redirect-to-base.ts'
import { routeTable, toColonPath } from '../routes/route-table.ts'
import { Sessions } from '../sessions/sessions.ts'
import { localDirectory, type SessionDirectory } from '../sessions/session-directory.ts'
import { lookupsOf, type RequestScope } from './session/request-scope.ts'
import { SESSIONS_PATH, scopedPath, sessionStage } from './session/session-stage.ts'
import { listSessions, oneSession } from './session/session-routes.ts'

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
  /** Private copy-on-write views of the database (made here when not given). */
  readonly sessions?: Sessions
  /** Where `/_sessions` and `/_sessions/NAME` find them: `sessions` unless given (a Worker's objects). */
  readonly sessionDirectory?: SessionDirectory
}

/** A route that works on the database the request names (the shared one, or its session's). */
type ScopedRoute = (c: Context, next: Next, scope: RequestScope) => Answer

export function createApp(deps: AppDeps): Hono {
  const { store, options, feed } = deps
  const app = new Hono()
  const sessions = deps.sessions ?? new Sessions(store.startup())
  const directory = deps.sessionDirectory ?? localDirectory(sessions)
  const shared: RequestScope = {
    db: store,
    lookups: lookupsOf(store),
    cache: new ResponseCache(),
    events: feed,
    feed: () => feed,
    reset: deps.reset,
    session: undefined,
    base: '',
  }
  const onError = (error: unknown, c: Context): Response => answerError(c, error, options.log)
  const pipeline = requestPipeline({
    ...options,
    onError,
    scope: sessionStage(sessions, shared, options.base),
  })
  const middlewares = deps.middlewares ?? []
  // Every route runs inside the one pipeline (pipeline/pipeline.ts lists its stages); the user's
  // middlewares run in it, just before the route.
  const route =
    (handler: ScopedRoute): Route =>
    (c, next) =>
      pipeline(c, (scope) =>
        withMiddlewares(middlewares, (inner, innerNext) => handler(inner, innerNext, scope))(
          c,
          next,
        ),
      )

  const { auth, routes } = deps
  // fauxrest's own routes, as the route table lists them for the features on
  const table = routeTable(store.schema)
  const features = { auth: auth !== undefined, rules: routes !== undefined }
  const ownOn = table.ownWith(features)
  const eventsHandler = eventsRoute({ schema: store.schema, auth })
  // The auth stage answers json-server-auth's routes: they take a guard prefix too (`/600/login`).
  const handlers: Record<Exclude<OwnRouteName, 'register' | 'login'>, ScopedRoute> = {
    ...surfaceHandlers({
      store,
      options,
      docsAssets: deps.docsAssets,
      document: deps.openapi?.document,
      operations: deps.openapi === undefined ? undefined : operationLines(deps.openapi),
      auth,
      features,
    }),
    db: (c, _next, { db, lookups, session }) =>
      auth === undefined
        ? sendJson(c, toJsonBody(db.data()))
        : visibleData(c, auth, db, lookups, session).then((data) => sendJson(c, toJsonBody(data))),
    reset: async (c, _next, scope) => {
      if (options.readOnly) {
        // An empty Allow: the route is switched off by configuration (RFC 9110).
        const message = 'POST is not allowed here (the server is read-only).'
        throw new AppError('method_not_allowed', message, { headers: { Allow: '' } })
      }
      await scope.reset()
      return sendJson(c, toJsonBody({ reset: true }))
    },
    events: (c, _next, scope) => eventsHandler(c, scope.feed(), scope.session),
    sessions: listSessions(directory),
    session: oneSession(directory),
    rules: (c) => sendJson(c, toJsonBody(routes?.current.rules ?? {})),
  }
  // Under the API's prefix (`--base`), as every route; the homepage answers with a slash too.
  const { base } = options
  const homePath = deps.homePath ?? atBase(base, '/')
  // Inside a session too: `/_sessions/{session}/db`, … (resource routes are all served there)
  const ownRoutes: readonly OwnRoute[] = [
    ...placeOwnRoutes(ownOn, base, homePath),
    ...placeOwnRoutes(
      ownOn.filter((entry) => entry.inSession).map((entry) => inSession(entry)),
      base,
      homePath,
    ),
  ]
  for (const own of ownRoutes) {
    if (own.name === 'register' || own.name === 'login') continue
    const paths = own.name === 'home' && base !== '' ? [own.path, `${own.path}/`] : [own.path]
    for (const method of own.methods) {
      for (const path of paths) {
        app.on(method.toUpperCase(), toColonPath(path), route(handlers[own.name]))
      }
    }
  }

  // The document's operations, when serving one; then resources, nested to any depth; then static
  // files; then 404 (or 405 on fauxrest's own paths)
  const documentStage =
    deps.openapi === undefined
      ? undefined
      : openApiStage({ options, binding: deps.openapi, auth: deps.auth })
  app.all(
    '*',
    route((c, next, scope) => {
      // Outside the API's prefix: static files, else the 404
      const inside = insideBase(base, splitUrl(c.req.url).pathname)
      if (inside === undefined) return next().then(() => c.res)
      const segments = pathSegments(scopedPath(inside, scope))
      const answered = segments && documentStage?.(c, segments, scope)
      if (answered !== undefined) return answered
      const { db, lookups, cache, events } = scope
      const links = base + scope.base
      const handlerDeps = {
        store: db,
        options,
        cache,
        lookups,
        feed: events,
        base: links,
        session: scope.session,
      }
      const resolve = (path: readonly string[]): Target | undefined =>
        resolveTarget(path, store.schema, table, db)
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
  const { staticFiles } = deps
  if (staticFiles !== undefined)
    app.get(
      '*',
      route((c, next) => staticFiles(c, next)),
    )
  // A browser opening the server's address finds the API under its prefix.
  if (base !== '' && deps.frontEnd !== true) {
    const redirect = redirectToBase(base)
    app.get(
      '/',
      route((c, next) => redirect(c, next)),
    )
  }

  // A front end's `index.html` answers GET at `/`: other methods there are refused with `Allow`.
  const answered = ownRoutes.flatMap((entry) =>
    pathsOf(entry).map((path) => ({ path, methods: entry.methods })),
  )
  const known = deps.frontEnd === true ? [...answered, FRONT_END_ROOT] : answered
  app.notFound(notFoundHandler(known, base, onError))
  app.onError(onError)
  const rules = ownRoutes.find((entry) => entry.name === 'rules')
  return routes === undefined || rules === undefined
    ? app
    : withRewrites(app, routes, rules.path, atBase(base, `${SESSIONS_PATH}/`))
}

// The same route inside every session: `/_sessions/{session}/login`.
function inSession(route: OwnRoute): OwnRoute {
  const aliases = route.aliases?.map((alias) => SESSION_PREFIX + alias)
  return {
    ...route,
    path: SESSION_PREFIX + route.path,
    ...(aliases === undefined ? {} : { aliases }),
  }
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
