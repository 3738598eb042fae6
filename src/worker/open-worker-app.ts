import { DEFAULT_APP_OPTIONS } from '../app-options.ts'
import type { AuthConfig } from '../auth/auth-config.ts'
import { publicUser } from '../auth/auth-visibility.ts'
import { withKnownPasswords } from '../auth/known-passwords.ts'
import { resolveAuth } from '../auth/resolve-auth.ts'
import { ChangeFeed, type Present } from '../feed/change-feed.ts'
import { publishCommits } from '../feed/publish-commits.ts'
import { createFakerCatalog } from '../generate/faker-catalog.ts'
import { generate } from '../generate/generate.ts'
import { createApp } from '../http/create-app.ts'
import type { AssetSource } from '../http/route.ts'
import type { Data } from '../json.ts'
import { RouteRules } from '../rewrite/route-rules.ts'
import { parseRoutesFile } from '../rewrite/routes-file.ts'
import { schemaFromDocument } from '../schema/schema-document.ts'
import type { Schema } from '../schema/types.ts'
import type { SessionDirectory } from '../sessions/session-directory.ts'
import { Sessions, type SessionsOptions } from '../sessions/sessions.ts'
import type { Persistence } from '../store/persistence.ts'
import { Store } from '../store/store.ts'
import type { WorkerConfig } from './worker-config.ts'

/** A Worker's database, opened: the store, and what its app is made with. */
export type WorkerStore = {
  readonly store: Store
  readonly auth: AuthConfig | undefined
  /** The data the database starts with: generated from the schema's seed, or the plain db's. */
  readonly initialData: () => Data
  /** Users without their password hash (auth on), as every answer and event shows them. */
  readonly present: Present | undefined
}

export type WorkerApp = WorkerStore & {
  readonly fetch: (request: Request) => Response | Promise<Response>
}

/** Where an app finds its sessions: made in its memory, or given (a Worker's session objects). */
export type WorkerSessions = {
  readonly sessions?: SessionsOptions | Sessions
  readonly directory?: SessionDirectory
  /** Every request is in a session: the shared store never changes, so no feed listens to it. */
  readonly sessionsOnly?: boolean
}

/**
 * The database a Worker serves, over `persistence`: the schema read as the Node server reads it,
 * and data generated from its seed when the persistence holds none (byte for byte the Node
 * server's).
 */
export async function openWorkerStore(
  config: WorkerConfig,
  persistenceFor: (schema: Schema) => Persistence,
): Promise<WorkerStore> {
  const reading = { catalog: createFakerCatalog(), options: config.reading, copy: true }
  const { schema, plainData } = schemaFromDocument(config.document, 'schema', reading)
  const auth = resolveAuth(schema, config.auth)
  const seed = config.seed ?? schema.seed
  const built = config.data ?? plainData
  const produce = (only: ReadonlySet<string>): Data => {
    if (built !== undefined) return pick(built, only)
    const data = generate(schema, { seed, only })
    // Generated users of a schema that declares auth get known passwords, as on Node.
    return auth === undefined || schema.auth === undefined
      ? data
      : withKnownPasswords(data, auth, seed)
  }
  const store = await Store.open({
    schema,
    persistence: persistenceFor(schema),
    label: config.name,
    generate: (only) => produce(only),
  })
  const initialData = (): Data => produce(new Set(schema.resources.keys()))
  const present: Present | undefined =
    auth === undefined
      ? undefined
      : (resource, item) => (resource === auth.users ? publicUser(auth, item) : item)
  return { store, auth, initialData, present }
}

/**
 * The app over an opened database, with `POST /_reset` back to the data it started with (the
 * state the database started with, wherever this object's memory started).
 */
export function workerApp(
  opened: WorkerStore,
  config: WorkerConfig,
  docsAssets: AssetSource,
  given: WorkerSessions = {},
): WorkerApp {
  const { store, auth, initialData, present } = opened
  const feed = new ChangeFeed()
  feed.presentWith(present)
  if (given.sessionsOnly !== true) publishCommits(store, feed)
  const sessions =
    given.sessions instanceof Sessions
      ? given.sessions
      : new Sessions(store.startup(), { ...config.sessions, ...given.sessions })
  sessions.presentWith(present)
  const routes =
    config.routes === undefined
      ? undefined
      : new RouteRules(parseRoutesFile(config.routes, 'routes'))
  const app = createApp({
    store,
    options: { ...DEFAULT_APP_OPTIONS, ...config.options },
    reset: () => store.replaceAll(initialData()),
    auth,
    feed,
    docsAssets,
    sessions,
    ...(given.directory === undefined ? {} : { sessionDirectory: given.directory }),
    ...(routes === undefined ? {} : { routes }),
  })
  return { ...opened, fetch: (request) => app.fetch(request) }
}

/** The database opened, and its app. */
export async function openWorkerApp(
  config: WorkerConfig,
  persistenceFor: (schema: Schema) => Persistence,
  docsAssets: AssetSource,
  given: WorkerSessions = {},
): Promise<WorkerApp> {
  return workerApp(await openWorkerStore(config, persistenceFor), config, docsAssets, given)
}

function pick(data: Data, only: ReadonlySet<string>): Data {
  const out: Data = {}
  // Copies: the store changes its data in place, the built data must stay as it was.
  for (const [name, value] of Object.entries(data)) {
    if (only.has(name)) out[name] = structuredClone(value)
  }
  return out
}
