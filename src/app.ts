// fauxrest/app: the runtime-neutral core, for any runtime with Web APIs (Workers, Deno, Bun, a
// browser). Nothing here, or in what it imports, needs a Node module; src/index.ts adds the Node
// server, the database file, static files and the CLI on top.
import type { Hono } from 'hono'
import { DEFAULT_APP_OPTIONS, type AppOptions } from './app-options.ts'
import { ChangeFeed } from './feed/change-feed.ts'
import { publishCommits } from './feed/publish-commits.ts'
import { createFakerCatalog } from './generate/faker-catalog.ts'
import { generate } from './generate/generate.ts'
import { createApp as createHonoApp } from './http/create-app.ts'
import type { Data } from './json.ts'
import { schemaFromDocument } from './schema/schema-document.ts'
import type { Schema, SchemaOptions } from './schema/types.ts'
import { parseBasePath } from './routes/base-path.ts'
import { MemoryPersistence } from './store/memory-persistence.ts'
import { Store } from './store/store.ts'

export type { AppOptions, Delay, DeleteMode } from './app-options.ts'
export { AppError, UserError } from './errors.ts'
export type { ErrorCode, Issue } from './errors.ts'
export type { Data, Id, JsonObject, JsonValue, Row } from './json.ts'
export type { FieldSpec, Relation, ResourceSpec, Schema, SchemaOptions } from './schema/types.ts'
export type { Store } from './store/store.ts'

// The items of a plain json-server db, kept for the store its schema is given to.
const plainData = new WeakMap<Schema, Data>()

/**
 * Checks a schema given as plain JSON (or a plain json-server db, whose schema is inferred), with
 * the issues `fauxrest check` reports: an invalid one throws a UserError listing them all.
 * `options` are json-server's `--id` and `--foreignKeySuffix`.
 */
export function parseSchema(json: unknown, options: SchemaOptions = {}): Schema {
  const reading = { catalog: createFakerCatalog(), options, copy: true }
  const loaded = schemaFromDocument(json, 'schema', reading)
  if (loaded.plainData !== undefined) plainData.set(loaded.schema, loaded.plainData)
  return loaded.schema
}

export type MemoryStoreOptions = {
  readonly schema: Schema
  /** Faker seed of the generated data; the schema's `seed` when left out. */
  readonly seed?: number
}

/**
 * A store that keeps its data in memory only: generated from the schema with `seed` (a plain db's
 * own items for a schema `parseSchema` inferred from one).
 */
export function createMemoryStore(options: MemoryStoreOptions): Promise<Store> {
  const { schema } = options
  const seed = options.seed ?? schema.seed
  const items = plainData.get(schema)
  return Store.open({
    schema,
    persistence: new MemoryPersistence(),
    generate: (only, existing) =>
      items === undefined ? generate(schema, { seed, only, existing }) : pick(items, only),
  })
}

export type CreateAppOptions = Partial<Omit<AppOptions, 'staticDir'>> & {
  readonly schema: Schema
  readonly store: Store
}

/** The Hono app serving `store`: give its `fetch` to the runtime (`export default app`). */
export function createApp(options: CreateAppOptions): Hono {
  const { schema, store, ...rest } = options
  if (schema !== store.schema)
    throw new Error('createApp: the store was created for another schema')
  const given = definedOnly(rest)
  const base = given.base === undefined ? '' : parseBasePath(given.base, 'base')
  const appOptions: AppOptions = { ...DEFAULT_APP_OPTIONS, ...given, base }
  // The store lives as long as the app: its commits go to the feed from now on.
  const feed = new ChangeFeed()
  publishCommits(store, feed)
  return createHonoApp({ store, options: appOptions, reset: () => store.reset(), feed })
}

function pick(data: Data, only: ReadonlySet<string>): Data {
  const out: Data = {}
  // A copy: two stores from one parsed db must not share its objects
  for (const [name, value] of Object.entries(data)) {
    if (only.has(name)) out[name] = structuredClone(value)
  }
  return out
}

function definedOnly(options: Partial<AppOptions>): Partial<AppOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
}
