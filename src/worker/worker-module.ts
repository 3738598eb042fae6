import { errorBody } from '../http/answer/error-response.ts'
import type { Schema } from '../schema/types.ts'
import { DEFAULT_MAX_SESSIONS, DEFAULT_SESSION_IDLE_MS } from '../sessions/sessions.ts'
import type { SessionDirectory } from '../sessions/session-directory.ts'
import { MemoryPersistence } from '../store/memory-persistence.ts'
import { DurablePersistence } from './durable-persistence.ts'
import { embeddedAssets, type EmbeddedAssets } from './embedded-assets.ts'
import { IMPORT_PATH, answerImport } from './import-route.ts'
import { clientRequest, internalCall } from './internal-call.ts'
import type { ObjectNamespace, ObjectState } from './object-storage.ts'
import { openWorkerApp, type WorkerApp } from './open-worker-app.ts'
import { sessionObjectClass, type SessionObjectClass } from './session-object-class.ts'
import { sessionOfRequest } from './session-of-request.ts'
import { sessionObject, sessionObjects } from './session-objects.ts'
import { SessionRegistry } from './session-registry.ts'
import { isStateless, readWorkerConfig, type WorkerConfig } from './worker-config.ts'

/** The binding wrangler.jsonc gives the Worker to reach its Durable Objects. */
export const DATABASE_BINDING = 'FAUXREST_DATABASE'
/** The Durable Object class the Worker exports, by that name. */
export const DATABASE_CLASS = 'FauxrestDatabase'
/** The binding to the objects sessions live in, one each. */
export const SESSION_BINDING = 'FAUXREST_SESSION'
export const SESSION_CLASS = 'FauxrestSession'

export type WorkerEnv = { readonly [binding: string]: ObjectNamespace | undefined }

export type WorkerHandler = {
  fetch(request: Request, env: WorkerEnv): Promise<Response>
}

export type DatabaseObjectClass = new (
  state: ObjectState,
  env: WorkerEnv,
) => { fetch(request: Request): Promise<Response> }

/**
 * A Worker for `config`: its default export (`handler`) and its Durable Object classes. With
 * state, the handler sends a request inside a session to that session's object and every other
 * one to the database's object; each keeps its data in memory and every change in its SQLite
 * storage. Stateless (fake writes, read-only), the handler answers from data built into the
 * Worker and no object is used.
 */
export function workerModule(
  given: unknown,
  assets: EmbeddedAssets,
): { handler: WorkerHandler; Database: DatabaseObjectClass; Session: SessionObjectClass } {
  const config = readWorkerConfig(given)
  const docsAssets = embeddedAssets(assets)
  const name = databaseName(config)
  const limits = {
    max: config.sessions?.maxSessions ?? DEFAULT_MAX_SESSIONS,
    idleMs: config.sessions?.idleMs ?? DEFAULT_SESSION_IDLE_MS,
  }
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
      // Only the Worker's own parts talk to each other with internal headers.
      const client = clientRequest(request)
      const sessions = env[SESSION_BINDING]
      const session = sessions === undefined ? undefined : sessionOfRequest(client)
      if (sessions !== undefined && session !== undefined) {
        const tagged = clientRequest(client, { op: 'request', name: session })
        return sessionObject(sessions, session).fetch(tagged)
      }
      return namespace.get(namespace.idFromName(name)).fetch(client)
    },
  }

  class Database {
    readonly #app: Promise<WorkerApp>
    readonly #registry: SessionRegistry
    readonly #directory: SessionDirectory | undefined

    constructor(state: ObjectState, env: WorkerEnv) {
      let persistence: DurablePersistence | undefined
      const persistenceFor = (schema: Schema): DurablePersistence => {
        const idKeyOf = (resource: string): string => schema.resources.get(resource)?.idKey ?? 'id'
        persistence = new DurablePersistence(state.storage, idKeyOf)
        return persistence
      }
      this.#registry = new SessionRegistry(state.storage, limits.max)
      // Sessions live in objects of their own; without their binding (a project written before
      // them), in this object's memory.
      const sessions = env[SESSION_BINDING]
      const directory =
        sessions === undefined ? undefined : sessionObjects(sessions, this.#registry, limits)
      this.#directory = directory
      const opening = openWorkerApp(
        config,
        persistenceFor,
        docsAssets,
        directory === undefined ? {} : { directory },
      )
      this.#app = opening.then((app) => {
        persistence?.started()
        return app
      })
      // No request is let in before the data is read back (or generated and committed).
      void state.blockConcurrencyWhile(() => opening).catch(() => undefined)
    }

    async fetch(request: Request): Promise<Response> {
      const app = await this.#app
      const call = internalCall(request)
      if (call !== undefined) return this.#registryCall(call.op, call.name)
      const { pathname } = new URL(request.url)
      if (pathname === IMPORT_PATH && request.method === 'POST') {
        return answerImport(request, app.store)
      }
      return app.fetch(request)
    }

    /** A new session's object asks to join the registry. */
    async #registryCall(op: string, session: string): Promise<Response> {
      const directory = this.#directory
      if (op !== 'admit' || directory === undefined) return new Response(null, { status: 400 })
      // At the limit, listing asks each session's object, and the expired ones leave.
      const refusal = await this.#registry.admit(session, async () => {
        await directory.list()
      })
      return refusal === undefined
        ? Response.json({})
        : Response.json(errorBody(refusal), { status: 503 })
    }
  }

  const Session = sessionObjectClass(config, docsAssets, (env) => env[DATABASE_BINDING], name)
  return { handler, Database, Session }
}

function databaseName(config: WorkerConfig): string {
  return `database:${config.name}`
}
