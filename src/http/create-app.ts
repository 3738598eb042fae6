import { Hono, type Context } from 'hono'
import type { AppDeps } from './app-deps.ts'
import { requestPipeline } from './pipeline/pipeline.ts'
import { answerError } from './answer/answer-error.ts'
import { withMiddlewares } from './pipeline/middlewares.ts'
import { withRewrites } from './pipeline/rewrite-stage.ts'
import type { Route, ScopedRoute } from './route.ts'
import { notFoundHandler } from './routing/not-found.ts'
import { ResponseCache } from './resources/response-cache.ts'
import { resourceRoute } from './resources/resource-route.ts'
import { ownRouteHandlers } from './own-route-handlers.ts'
import { pathsOf, servedOwnRoutes } from '../routes/own-routes.ts'
import { atBase } from '../routes/base-path.ts'
import { redirectToBase } from './routing/redirect-to-base.ts'
import { routeTable, toColonPath } from '../routes/route-table.ts'
import { Sessions } from '../sessions/sessions.ts'
import { localDirectory } from '../sessions/session-directory.ts'
import { lookupsOf, type RequestScope } from './session/request-scope.ts'
import { SESSIONS_PATH, sessionStage } from './session/session-stage.ts'

export function createApp(deps: AppDeps): Hono {
  const { store, options, feed, auth, routes } = deps
  const app = new Hono()
  const sessions = deps.sessions ?? new Sessions(store.startup())
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

  // fauxrest's own routes, as the route table lists them for the features on, under the API's
  // prefix (`--base`) and inside every session; the homepage answers with a slash too.
  const table = routeTable(store.schema)
  const features = { auth: auth !== undefined, rules: routes !== undefined }
  const directory = deps.sessionDirectory ?? localDirectory(sessions)
  const handlers = ownRouteHandlers(deps, directory, features)
  const { base } = options
  const homePath = deps.homePath ?? atBase(base, '/')
  const ownRoutes = servedOwnRoutes(table.ownWith(features), base, homePath)
  for (const own of ownRoutes) {
    // The auth stage answers these (resource-route.ts)
    if (own.name === 'register' || own.name === 'login') continue
    const paths = own.name === 'home' && base !== '' ? [own.path, `${own.path}/`] : [own.path]
    for (const method of own.methods) {
      for (const path of paths) {
        app.on(method.toUpperCase(), toColonPath(path), route(handlers[own.name]))
      }
    }
  }

  // A served document's operations, then resources, nested to any depth; then static files; then
  // 404 (or 405 on fauxrest's own paths)
  const resources = resourceRoute({
    schema: store.schema,
    table,
    options,
    auth,
    openapi: deps.openapi,
  })
  app.all('*', route(resources))
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

const FRONT_END_ROOT = { path: '/', methods: ['get'] } as const
