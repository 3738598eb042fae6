import { atBase } from './base-path.ts'
import type { RouteMethod } from './route-method.ts'

/** The names of fauxrest's own routes: the app, the OpenAPI document and the CLI key on these. */
export type OwnRouteName =
  | 'home'
  | 'docs'
  | 'docs-slash'
  | 'docs-asset'
  | 'openapi'
  | 'db'
  | 'reset'
  | 'events'
  | 'sessions'
  | 'session'

export type OwnRoute = {
  readonly name: OwnRouteName
  /** OpenAPI style, as resource routes: `/docs/assets/{name}`. */
  readonly path: string
  readonly methods: readonly RouteMethod[]
  /** How the banner, `check` and the homepage name it; `undefined` for routes they leave out. */
  readonly label: string | undefined
  /** Also served inside every session, under `/_sessions/{session}` (resource routes all are). */
  readonly inSession?: true
}

/** Where a session's routes are: `/_sessions/{session}/posts`, `/_sessions/{session}/db`, … */
export const SESSION_PREFIX = '/_sessions/{session}'

/** fauxrest's own routes; resource names cannot start with `_` or clash with these. */
export const OWN_ROUTES: readonly OwnRoute[] = [
  { name: 'home', path: '/', methods: ['get'], label: 'Home' },
  { name: 'docs', path: '/docs', methods: ['get'], label: 'Docs' },
  { name: 'docs-slash', path: '/docs/', methods: ['get'], label: undefined },
  { name: 'docs-asset', path: '/docs/assets/{name}', methods: ['get'], label: undefined },
  { name: 'openapi', path: '/openapi.json', methods: ['get'], label: 'OpenAPI' },
  { name: 'db', path: '/db', methods: ['get'], label: 'Database', inSession: true },
  { name: 'reset', path: '/_reset', methods: ['post'], label: 'Reset', inSession: true },
  { name: 'events', path: '/_events', methods: ['get'], label: 'Events', inSession: true },
  { name: 'sessions', path: '/_sessions', methods: ['get'], label: 'Sessions' },
  { name: 'session', path: SESSION_PREFIX, methods: ['get', 'delete'], label: undefined },
]

/** The own route whose path has the shape of `pathname` (`{param}` matches one segment). */
export function ownRouteAt<T extends Pick<OwnRoute, 'path'>>(
  routes: readonly T[],
  pathname: string,
): T | undefined {
  const have = pathname.split('/')
  return routes.find((route) => {
    const want = route.path.split('/')
    return (
      want.length === have.length &&
      want.every((part, index) => part.startsWith('{') || part === have[index])
    )
  })
}

/** Where the homepage moves when a static folder's `index.html` takes `/` (a front end). */
export const HOME_BESIDE_FRONT_END = '/_fauxrest'

/**
 * The own routes where the server answers them: under the API's prefix (`--base`), with the
 * homepage at `homePath` (the prefix itself, `/`, or beside a front end).
 */
export function placeOwnRoutes(
  routes: readonly OwnRoute[],
  base: string,
  homePath: string,
): readonly OwnRoute[] {
  return routes.map((route) =>
    route.name === 'home'
      ? { ...route, path: homePath }
      : { ...route, path: atBase(base, route.path) },
  )
}

/** Where the homepage is: the API's prefix; else `/`, unless a front end's `index.html` takes it. */
export function homePathOf(base: string, frontEnd: boolean): string {
  if (base !== '') return base
  return frontEnd ? HOME_BESIDE_FRONT_END : '/'
}
