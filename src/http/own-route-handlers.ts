import { AppError } from '../errors.ts'
import { operationLines } from '../openapi-import/operation-lines.ts'
import type { OwnFeatures, OwnRouteName } from '../routes/own-routes.ts'
import type { SessionDirectory } from '../sessions/session-directory.ts'
import type { AppDeps } from './app-deps.ts'
import { toJsonBody } from './answer/json-body.ts'
import { sendJson } from './answer/send-json.ts'
import { visibleData } from './auth/visible-data.ts'
import { eventsRoute } from './feed/events-route.ts'
import type { ScopedRoute } from './route.ts'
import { listSessions, oneSession } from './session/session-routes.ts'
import { surfaceHandlers } from './surface/surface-routes.ts'

/** The own routes the router answers; the auth stage answers json-server-auth's (guard prefixes). */
export type RoutedOwnName = Exclude<OwnRouteName, 'register' | 'login'>

/** What answers each of fauxrest's own routes the router serves. */
export function ownRouteHandlers(
  deps: AppDeps,
  sessions: SessionDirectory,
  features: OwnFeatures,
): Record<RoutedOwnName, ScopedRoute> {
  const { store, options, auth, routes } = deps
  const eventsHandler = eventsRoute({ schema: store.schema, auth })
  return {
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
    sessions: listSessions(sessions),
    session: oneSession(sessions),
    rules: (c) => sendJson(c, toJsonBody(routes?.current.rules ?? {})),
  }
}
