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
  | 'rules'
  | 'register'
  | 'login'

/** Own routes served only when a feature is on: json-server-auth's (`--auth`), a routes file's. */
export type OwnFeature = 'auth' | 'rules'

/** Which features a server has on. */
export type OwnFeatures = { readonly [feature in OwnFeature]?: boolean }

export type OwnRoute = {
  readonly name: OwnRouteName
  /** OpenAPI style, as resource routes: `/docs/assets/{name}`. */
  readonly path: string
  readonly methods: readonly RouteMethod[]
  /** How the banner, `check` and the homepage name it; `undefined` for routes they leave out. */
  readonly label: string | undefined
  /** Also served inside every session, under `/_sessions/{session}` (resource routes all are). */
  readonly inSession?: true
  /** Served only with this feature on; without a feature, always. */
  readonly feature?: OwnFeature
  /** Other paths answering the same (json-server-auth's `/signup` for `/register`). */
  readonly aliases?: readonly string[]
}

/** Where json-server serves a routes file's rules (under the API's prefix, if any). */
export const RULES_PATH = '/__rules'

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
  // json-server serves a routes file's rules here; the banner lists them itself.
  { name: 'rules', path: RULES_PATH, methods: ['get'], label: undefined, feature: 'rules' },
  // The auth stage answers these (they also take a guard prefix, `/600/login`), and a resource
  // of the same name keeps its routes (route-table.ts, ownWith).
  {
    name: 'register',
    path: '/register',
    aliases: ['/signup'],
    methods: ['post'],
    label: 'Register',
    feature: 'auth',
    inSession: true,
  },
  {
    name: 'login',
    path: '/login',
    aliases: ['/signin'],
    methods: ['post'],
    label: 'Log in',
    feature: 'auth',
    inSession: true,
  },
]

/** A route's path and its aliases: every path it answers at. */
export function pathsOf(route: Pick<OwnRoute, 'path' | 'aliases'>): readonly string[] {
  return route.aliases === undefined ? [route.path] : [route.path, ...route.aliases]
}

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
  return routes.map((route) => {
    if (route.name === 'home') return { ...route, path: homePath }
    const placed = { ...route, path: atBase(base, route.path) }
    return route.aliases === undefined
      ? placed
      : { ...placed, aliases: route.aliases.map((alias) => atBase(base, alias)) }
  })
}

/**
 * Where the server answers its own routes: placed as `placeOwnRoutes` places them, then again
 * inside every session for those served there (`/_sessions/{session}/db`, …; resource routes all
 * are).
 */
export function servedOwnRoutes(
  routes: readonly OwnRoute[],
  base: string,
  homePath: string,
): readonly OwnRoute[] {
  const inSession = routes.filter((route) => route.inSession).map(underSessions)
  return [...placeOwnRoutes(routes, base, homePath), ...placeOwnRoutes(inSession, base, homePath)]
}

function underSessions(route: OwnRoute): OwnRoute {
  const aliases = route.aliases?.map((alias) => SESSION_PREFIX + alias)
  return {
    ...route,
    path: SESSION_PREFIX + route.path,
    ...(aliases === undefined ? {} : { aliases }),
  }
}

/** Where the homepage is: the API's prefix; else `/`, unless a front end's `index.html` takes it. */
export function homePathOf(base: string, frontEnd: boolean): string {
  if (base !== '') return base
  return frontEnd ? HOME_BESIDE_FRONT_END : '/'
}
