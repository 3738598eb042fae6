import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { AppError } from '../errors.ts'
import type { Lookups } from '../query/lookups.ts'
import type { Store } from '../store/store.ts'
import type { AppOptions } from './app-options.ts'
import { delayAnswers } from './delay.ts'
import { errorBody, toErrorResponse } from './error-response.ts'
import { forcedStatus } from './forced-status.ts'
import { toJsonBody } from './json-body.ts'
import { notFoundHandler } from './not-found.ts'
import { pathSegments } from './path-segments.ts'
import { requestLog } from './request-log.ts'
import { handleTarget, sendError, sendJson } from './resource-handler.ts'
import { resolveTarget } from './resolve-target.ts'
import { ResponseCache } from './response-cache.ts'
import { staticFiles } from './static-files.ts'
import { registerSurfaceRoutes } from './surface-routes.ts'

export type AppDeps = {
  readonly store: Store
  readonly options: AppOptions
  /** Restores the state the server started with. */
  readonly reset: () => Promise<void>
}

const EXPOSED_HEADERS = ['X-Total-Count', 'Link', 'Location', 'ETag']
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])

export function createApp(deps: AppDeps): Hono {
  const { store, options } = deps
  const app = new Hono()
  const cache = new ResponseCache()
  const lookups: Lookups = {
    rows: (resource) => store.list(resource),
    byId: (resource, id) => store.get(resource, id),
    byRef: (child, field, parentId) => store.byRef(child, field, parentId),
  }

  // Middleware
  if (options.log !== undefined) app.use(requestLog(options.log))
  if (options.cors) {
    app.use(cors({ origin: '*', exposeHeaders: EXPOSED_HEADERS, maxAge: 600 }))
  }
  app.use(delayAnswers({ delay: options.delay }))
  app.use(forcedStatus())
  app.use(async (c, next) => {
    if (!BODY_METHODS.has(c.req.method)) return next()
    const limit = bodyLimit({
      maxSize: options.bodyLimit,
      onError: () => {
        throw new AppError(
          'payload_too_large',
          `The request body is larger than the limit of ${options.bodyLimit} bytes.`,
        )
      },
    })
    return limit(c, next)
  })

  // Routes of fauxrest itself
  registerSurfaceRoutes(app, { store, options })
  app.get('/db', (c) => sendJson(c, toJsonBody(store.data())))
  app.post('/_reset', async (c) => {
    if (options.readOnly) {
      // An empty Allow: the route is switched off by configuration (RFC 9110).
      c.header('Allow', '')
      throw new AppError(
        'method_not_allowed',
        'POST is not allowed here (the server is read-only).',
      )
    }
    await deps.reset()
    return sendJson(c, toJsonBody({ reset: true }))
  })

  // Resources, nested to any depth
  app.all('*', async (c, next) => {
    const segments = pathSegments(new URL(c.req.url).pathname)
    const target = segments && resolveTarget(segments, store.schema, store)
    if (target === undefined) return next()
    return handleTarget(c, target, { store, options, cache, lookups })
  })
  if (options.staticDir !== undefined) app.get('*', staticFiles(options.staticDir))

  app.notFound(notFoundHandler(app))
  app.onError((error, c) => {
    // The client hung up mid-request (a body cut short): no server fault, and no one to answer.
    if (c.req.raw.signal.aborted) return sendError(c, 400, errorBody('The request was aborted.'))
    const { status, body } = toErrorResponse(error)
    if (status === 500) options.log?.(`internal error: ${String(error)}`)
    return sendError(c, status, body)
  })
  return app
}
