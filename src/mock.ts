import type { Hono } from 'hono'
import type { AuthConfig } from './auth/auth-config.ts'
import type { OpenApiBinding } from './openapi-import/binding.ts'
import { withKnownPasswords } from './auth/known-passwords.ts'
import { publicUser } from './auth/auth-visibility.ts'
import { resolveAuth, type AuthOptions } from './auth/resolve-auth.ts'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { homePathOf } from './routes/own-routes.ts'
import { parseBasePath } from './routes/base-path.ts'
import { ChangeFeed, type FeedOptions, type Present } from './feed/change-feed.ts'
import { changeIterator, type FeedChange } from './feed/change-iterator.ts'
import { publishCommits } from './feed/publish-commits.ts'
import { createLazyFakerCatalog } from './generate/lazy-faker-catalog.ts'
import { DEFAULT_APP_OPTIONS, type AppOptions } from './app-options.ts'
import { createApp } from './http/create-app.ts'
import { readDocsAsset } from './node/docs-assets.ts'
import { staticFiles } from './node/static-files.ts'
import { serveFetch, type Listening } from './node/serve-fetch.ts'
import type { Data } from './json.ts'
import { loadSchema, type LoadedSchema } from './node/load-schema.ts'
import type { Schema } from './schema/types.ts'
import { loadRoutesFile } from './node/load-routes.ts'
import { loadMiddlewares } from './node/load-middlewares.ts'
import type { Middleware } from './http/pipeline/middlewares.ts'
import { RouteRules } from './rewrite/route-rules.ts'
import { parseRoutesFile } from './rewrite/routes-file.ts'
import type { FileSystem } from './node/file-system.ts'
import { openStore } from './node/open-store.ts'
import type { Store } from './store/store.ts'
import { Sessions, type SessionsOptions } from './sessions/sessions.ts'
import { mockSession, type MockSession } from './mock-session.ts'
import { parseDuration } from './auth/duration.ts'
import { UserError } from './errors.ts'

export type MockOptions = Partial<AppOptions> & {
  /** A schema or plain json-server style db: a file path, or the parsed JSON. */
  readonly schema: string | object
  /** The database file, or ':memory:' (the default). */
  readonly db?: string
  /** Faker seed; defaults to the schema's `seed`, else 1. */
  readonly seed?: number
  /** Regenerate the database from the schema, discarding what the file holds. */
  readonly reset?: boolean
  /** Called while data is generated, for progress bars. */
  readonly onProgress?: (done: number, total: number) => void
  /** The field that identifies items, as json-server's `--id` (default `id`). */
  readonly id?: string
  /** How a plain db names references, as json-server's `--foreignKeySuffix` (default `Id`). */
  readonly foreignKeySuffix?: string
  /**
   * json-server's routes file (`--routes`): a path, the rules (`{ "/api/*": "/$1" }`), or rules
   * the caller replaces while the mock serves.
   */
  readonly routes?: string | Record<string, string | number> | RouteRules
  /**
   * Registration, log-in and guards (json-server-auth's): `true`, or options. On by itself when
   * the schema declares `auth`.
   */
  readonly auth?: boolean | AuthOptions
  /**
   * Hono middlewares `(c, next) => …` run in order before the router (json-server's
   * `--middlewares`): functions, or files of modules exporting one.
   */
  readonly middlewares?: readonly (Middleware | string)[]
  /** The file operations persistence uses; tests inject failures here. */
  readonly fs?: FileSystem
  /** The change feed's history, buffers, keep-alive and retry intervals (`/_events`). */
  readonly feed?: FeedOptions
  /** Live sessions at most (1000 by default); one more is answered 503. */
  readonly maxSessions?: number
  /** A session unused this long is dropped: seconds, or `30m`, `1h`, `7d` (30 minutes by default). */
  readonly sessionIdle?: number | string
}

export type { Fetch, Listening } from './node/serve-fetch.ts'
export type { MockSession } from './mock-session.ts'

export type Mock = {
  readonly app: Hono
  readonly store: Store
  readonly schema: Schema
  readonly options: AppOptions
  /**
   * The homepage's path: `/`; the prefix with `base`; or `/_fauxrest` when a static `index.html`
   * takes `/`.
   */
  readonly homePath: string
  /** The auth the server runs with; `undefined` when it is off. */
  readonly auth: AuthConfig | undefined
  /** A served OpenAPI document's operations and shapes; `undefined` for a schema or a db. */
  readonly openapi: OpenApiBinding | undefined
  /** The database file's bytes as this server last read or wrote them; `undefined` in memory. */
  lastSaved(): readonly Uint8Array[] | undefined
  /** Completed durable writes (journal appends and database file rewrites); 0 in memory. */
  writes(): number
  /**
   * Resolves once every change so far is saved and the database file shows it (the file is
   * otherwise brought up to date shortly after writes settle).
   */
  settle(): Promise<void>
  /** The change feed `/_events` streams. */
  readonly feed: ChangeFeed
  listen(port?: number, host?: string): Promise<Listening>
  reset(): Promise<void>
  /** Every change from now on (as `/_events` sends them), for tests: `await changes.next()`. */
  changes(): AsyncIterableIterator<FeedChange>
  /** Ends every `/_events` stream once the writes under way are saved and sent (for a shutdown). */
  endStreams(): Promise<void>
  /** The live sessions (private copy-on-write views of the data), by name. */
  readonly sessions: Sessions
  /** A session, made now if there is none: its URL, requests inside it, its reset and its end. */
  session(name: string): MockSession
  close(): Promise<void>
}

export async function createMock(options: MockOptions): Promise<Mock> {
  const reading = {
    ...(options.id === undefined ? {} : { idKey: options.id }),
    ...(options.foreignKeySuffix === undefined
      ? {}
      : { foreignKeySuffix: options.foreignKeySuffix }),
  }
  return openMock(await loadSchema(options.schema, createLazyFakerCatalog(), reading), options)
}

/**
 * createMock for a schema already loaded (the CLI inspects it first to choose the database file).
 * A mock opened by a reload passes on the feed of the one before, so streams stay connected.
 */
export async function openMock(
  loaded: LoadedSchema,
  options: Omit<MockOptions, 'schema'>,
  feed: ChangeFeed = new ChangeFeed(options.feed),
): Promise<Mock> {
  const { schema } = loaded
  const base = options.base === undefined ? '' : parseBasePath(options.base, 'base')
  const sessionsOptions = sessionOptions(options)
  const routes = await routeRules(options.routes)
  const auth = resolveAuth(schema, withGuards(options.auth, routes?.current.guards))
  const { store, files } = await openMockStore(loaded, options, auth)
  // Users go out without their password hash, in events as in every answer.
  const present: Present | undefined =
    auth === undefined
      ? undefined
      : (resource, item) => (resource === auth.users ? publicUser(auth, item) : item)
  feed.presentWith(present)
  const unhook = publishCommits(store, feed)
  const sessions = new Sessions(store.startup(), sessionsOptions)
  sessions.presentWith(present)
  const appOptions: AppOptions = { ...DEFAULT_APP_OPTIONS, ...definedOnly(options), base }
  const reset = (): Promise<void> => store.reset()
  const middlewares = await middlewaresOf(options.middlewares ?? [])
  const { staticDir } = appOptions
  const frontEnd = staticDir !== undefined && existsSync(join(staticDir, 'index.html'))
  const homePath = homePathOf(base, frontEnd)
  const app = createApp({
    store,
    options: appOptions,
    reset,
    openapi: loaded.openapi,
    ...(routes === undefined ? {} : { routes }),
    auth,
    middlewares,
    homePath,
    frontEnd,
    feed,
    sessions,
    docsAssets: readDocsAsset,
    ...(appOptions.staticDir === undefined
      ? {}
      : { staticFiles: staticFiles(appOptions.staticDir) }),
  })
  return mockOf({
    app,
    store,
    files,
    schema,
    options: appOptions,
    auth,
    loaded,
    homePath,
    feed,
    sessions,
    reset,
    unhook,
  })
}

// The store, opened on the database file (or in memory) with the data generated or read.
function openMockStore(
  loaded: LoadedSchema,
  options: Omit<MockOptions, 'schema'>,
  auth: AuthConfig | undefined,
): ReturnType<typeof openStore> {
  const { schema, plainData } = loaded
  const seed = options.seed ?? schema.seed
  const file = options.db ?? ':memory:'
  // The generator (and faker with it) is loaded only when data must be made.
  const generateData = async (only: ReadonlySet<string>, existing: Data): Promise<Data> => {
    if (plainData !== undefined) return pick(plainData, only)
    const { generate } = await import('./generate/generate.ts')
    return withPasswords(
      generate(schema, { seed, only, existing, ...progress(options.onProgress) }),
    )
  }
  // Generated users of a schema that declares auth get known passwords.
  const withPasswords = (data: Data): Data =>
    auth === undefined || schema.auth === undefined ? data : withKnownPasswords(data, auth, seed)
  return openStore({
    schema,
    file: file === ':memory:' ? file : resolve(file),
    generate: generateData,
    reset: options.reset === true,
    ...(options.fs === undefined ? {} : { fs: options.fs }),
    ...preload(loaded, file),
  })
}

type MockParts = Pick<
  Mock,
  'app' | 'store' | 'schema' | 'options' | 'auth' | 'homePath' | 'feed'
> & {
  readonly files: Awaited<ReturnType<typeof openStore>>['files']
  readonly loaded: LoadedSchema
  readonly sessions: Sessions
  readonly reset: () => Promise<void>
  readonly unhook: () => void
}

// The mock's handle: its servers, sessions, change iterator and shutdown.
function mockOf(parts: MockParts): Mock {
  const { app, store, files, schema, auth, homePath, feed, sessions, reset, unhook } = parts
  const appOptions = parts.options
  const servers = new Set<Listening>()
  const endStreams = async (): Promise<void> => {
    await store.flush()
    feed.disconnectAll()
  }
  return {
    app,
    store,
    schema,
    options: appOptions,
    auth,
    openapi: parts.loaded.openapi,
    homePath,
    feed,
    reset,
    lastSaved: () => files?.saved(),
    writes: () => files?.writes ?? 0,
    async settle() {
      await store.flush()
      await files?.fold()
    },
    changes: () => changeIterator(feed),
    endStreams,
    sessions,
    session: (name) =>
      mockSession(
        (path, init) => app.request(path, init),
        sessions,
        name,
        () => [...servers].at(-1)?.url,
      ),
    async listen(port = 0, host = '127.0.0.1') {
      const listening = await serveFetch(app.fetch, { port, host, bodyLimit: appOptions.bodyLimit })
      const entry: Listening = {
        ...listening,
        close: async () => {
          servers.delete(entry)
          // Streams never finish by themselves: they end once the server stops taking requests.
          await Promise.all([listening.close(), endStreams()])
        },
      }
      servers.add(entry)
      return entry
    },
    async close() {
      await Promise.all([...servers].map((server) => server.close()))
      sessions.clear()
      unhook()
      await store.close()
    },
  }
}

/** `maxSessions` and `sessionIdle` checked, as the sessions take them. */
export function sessionOptions(
  options: Pick<MockOptions, 'maxSessions' | 'sessionIdle'>,
): Pick<SessionsOptions, 'maxSessions' | 'idleMs'> {
  const { maxSessions, sessionIdle } = options
  if (maxSessions !== undefined && !(Number.isSafeInteger(maxSessions) && maxSessions > 0)) {
    throw new UserError(`maxSessions must be a whole number above 0, not ${String(maxSessions)}`)
  }
  const idle = sessionIdle === undefined ? undefined : parseDuration(sessionIdle)
  if (idle === 0 || (sessionIdle !== undefined && idle === undefined)) {
    throw new UserError(
      `the session idle time must be seconds or a duration such as 30m, 1h or 7d, not "${String(sessionIdle)}"`,
    )
  }
  return {
    ...(maxSessions === undefined ? {} : { maxSessions }),
    ...(idle === undefined ? {} : { idleMs: idle * 1000 }),
  }
}

async function middlewaresOf(given: readonly (Middleware | string)[]): Promise<Middleware[]> {
  const loaded: Middleware[] = []
  for (const item of given) {
    if (typeof item === 'string') loaded.push(...(await loadMiddlewares([item], process.cwd())))
    else loaded.push(item)
  }
  return loaded
}

async function routeRules(routes: MockOptions['routes']): Promise<RouteRules | undefined> {
  if (routes === undefined || routes instanceof RouteRules) return routes
  if (typeof routes === 'string') return new RouteRules(await loadRoutesFile(resolve(routes)))
  return new RouteRules(parseRoutesFile(routes, 'routes'))
}

// A plain db served from its own file: the store takes the data the schema was read from.
function preload(loaded: LoadedSchema, file: string) {
  const { plainData, file: source } = loaded
  if (plainData === undefined || source === undefined || file === ':memory:') return {}
  return resolve(file) === source.path
    ? { preloaded: { bytes: source.bytes, data: plainData } }
    : {}
}

function progress(
  onProgress: MockOptions['onProgress'],
): { onProgress: (done: number, total: number) => void } | Record<string, never> {
  return onProgress === undefined ? {} : { onProgress }
}

function pick(data: Data, only: ReadonlySet<string>): Data {
  const out: Data = {}
  for (const [name, value] of Object.entries(data)) if (only.has(name)) out[name] = value
  return out
}

function definedOnly(options: Omit<MockOptions, 'schema'>): Partial<AppOptions> {
  const keys = Object.keys(DEFAULT_APP_OPTIONS) as (keyof AppOptions)[]
  return Object.fromEntries(
    keys.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]),
  )
}

/** json-server-auth's guards in a routes file (`"posts": 640`) are rules, and turn auth on. */
export function withGuards(
  auth: MockOptions['auth'],
  guards: Readonly<Record<string, string>> | undefined,
): MockOptions['auth'] {
  if (guards === undefined || Object.keys(guards).length === 0) return auth
  const given = typeof auth === 'object' ? auth : {}
  return { ...given, rules: { ...guards, ...given.rules } }
}
