import { errorBody } from '../http/answer/error-response.ts'
import type { Schema } from '../schema/types.ts'
import { MemoryPersistence } from '../store/memory-persistence.ts'
import { DurablePersistence } from './durable-persistence.ts'
import { embeddedAssets, type EmbeddedAssets } from './embedded-assets.ts'
import { IMPORT_PATH, answerImport } from './import-route.ts'
import type { ObjectNamespace, ObjectState } from './object-storage.ts'
import { openWorkerApp, type WorkerApp } from './open-worker-app.ts'
import { isStateless, readWorkerConfig, type WorkerConfig } from './worker-config.ts'

/** The binding wrangler.jsonc gives the Worker to reach its Durable Objects. */
export const DATABASE_BINDING = 'FAUXREST_DATABASE'
/** The Durable Object class the Worker exports, by that name. */
export const DATABASE_CLASS = 'FauxrestDatabase'

export type WorkerEnv = { readonly [DATABASE_BINDING]?: ObjectNamespace }

export type WorkerHandler = {
  fetch(request: Request, env: WorkerEnv): Promise<Response>
}

export type DatabaseObjectClass = new (
  state: ObjectState,
  env: WorkerEnv,
) => { fetch(request: Request): Promise<Response> }

/**
 * A Worker for `config`: its default export (`handler`) and its Durable Object class. With
 * state, the handler sends every request to the database's object, which keeps the data in
 * memory and every change in its SQLite storage; stateless (fake writes, read-only), the handler
 * answers from data built into the Worker and no object is used.
 */
export function workerModule(
  given: unknown,
  assets: EmbeddedAssets,
): { handler: WorkerHandler; Database: DatabaseObjectClass } {
  const config = readWorkerConfig(given)
  const docsAssets = embeddedAssets(assets)
  let stateless: Promise<WorkerApp> | undefined

  const handler: WorkerHandler = {
    async fetch(request, env) {
      if (isStateless(config)) {
        stateless ??= openWorkerApp(config, () => new MemoryPersistence(), docsAssets)
        return (await stateless).fetch(request)
      }
      const namespace = env[DATABASE_BINDING]
      if (namespace === undefined) {
        const message = `The Worker has no ${DATABASE_BINDING} binding to its Durable Objects (see wrangler.jsonc).`
        return Response.json(errorBody(message), { status: 500 })
      }
      return namespace.get(namespace.idFromName(databaseName(config))).fetch(request)
    },
  }

  class Database {
    readonly #app: Promise<WorkerApp>

    constructor(state: ObjectState) {
      let persistence: DurablePersistence | undefined
      const persistenceFor = (schema: Schema): DurablePersistence => {
        const idKeyOf = (name: string): string => schema.resources.get(name)?.idKey ?? 'id'
        persistence = new DurablePersistence(state.storage, idKeyOf)
        return persistence
      }
      const opening = openWorkerApp(config, persistenceFor, docsAssets)
      this.#app = opening.then((app) => {
        persistence?.started()
        return app
      })
      // No request is let in before the data is read back (or generated and committed).
      void state.blockConcurrencyWhile(() => opening).catch(() => undefined)
    }

    async fetch(request: Request): Promise<Response> {
      const app = await this.#app
      const { pathname } = new URL(request.url)
      if (pathname === IMPORT_PATH && request.method === 'POST') {
        return answerImport(request, app.store)
      }
      return app.fetch(request)
    }
  }

  return { handler, Database }
}

function databaseName(config: WorkerConfig): string {
  return `database:${config.name}`
}
