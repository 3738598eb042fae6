import type { AppOptions } from '../app-options.ts'
import type { AuthConfig } from '../auth/auth-config.ts'
import type { ChangeFeed } from '../feed/change-feed.ts'
import type { OpenApiBinding } from '../openapi-import/binding.ts'
import type { RouteRules } from '../rewrite/route-rules.ts'
import type { Sessions } from '../sessions/sessions.ts'
import type { SessionDirectory } from '../sessions/session-directory.ts'
import type { Store } from '../store/store.ts'
import type { Middleware } from './pipeline/middlewares.ts'
import type { AssetSource, Route } from './route.ts'

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
