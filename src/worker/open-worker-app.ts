import { DEFAULT_APP_OPTIONS } from '../app-options.ts'
import { withKnownPasswords } from '../auth/known-passwords.ts'
import { resolveAuth } from '../auth/resolve-auth.ts'
import { ChangeFeed } from '../feed/change-feed.ts'
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
import type { Persistence } from '../store/persistence.ts'
import { Store } from '../store/store.ts'
import type { WorkerConfig } from './worker-config.ts'

export type WorkerApp = {
  readonly store: Store
  readonly fetch: (request: Request) => Response | Promise<Response>
  /** The data the database starts with: generated from the schema's seed, or the plain db's. */
  readonly initialData: () => Data
}

/**
 * The app a Worker serves, over `persistence`: the schema read as the Node server reads it, data
 * generated from its seed when the persistence holds none (byte for byte the Node server's), and
 * `POST /_reset` back to that data.
 */
export async function openWorkerApp(
  config: WorkerConfig,
  persistenceFor: (schema: Schema) => Persistence,
  docsAssets: AssetSource,
): Promise<WorkerApp> {
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
  const feed = new ChangeFeed()
  publishCommits(store, feed)
  const routes =
    config.routes === undefined
      ? undefined
      : new RouteRules(parseRoutesFile(config.routes, 'routes'))
  const app = createApp({
    store,
    options: { ...DEFAULT_APP_OPTIONS, ...config.options },
    // The state the database started with, wherever this object's memory started.
    reset: () => store.replaceAll(initialData()),
    auth,
    feed,
    docsAssets,
    ...(routes === undefined ? {} : { routes }),
  })
  return { store, fetch: (request) => app.fetch(request), initialData }
}

function pick(data: Data, only: ReadonlySet<string>): Data {
  const out: Data = {}
  // Copies: the store changes its data in place, the built data must stay as it was.
  for (const [name, value] of Object.entries(data)) {
    if (only.has(name)) out[name] = structuredClone(value)
  }
  return out
}
