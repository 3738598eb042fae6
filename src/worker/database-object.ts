import { errorBody } from '../http/answer/error-response.ts'
import type { AssetSource } from '../http/route.ts'
import type { Schema } from '../schema/types.ts'
import type { SessionDirectory } from '../sessions/session-directory.ts'
import { DurablePersistence } from './durable-persistence.ts'
import { IMPORT_PATH, answerImport } from './import-route.ts'
import { internalCall } from './internal-call.ts'
import type { ObjectState } from './object-storage.ts'
import { openWorkerApp, type WorkerApp } from './open-worker-app.ts'
import { sessionObjects } from './session-objects.ts'
import { SessionRegistry } from './session-registry.ts'
import { SESSION_BINDING, type WorkerEnv } from './worker-bindings.ts'
import type { WorkerConfig } from './worker-config.ts'

/** What a Worker's database object is made with. */
export type DatabaseObjectSetup = {
  readonly config: WorkerConfig
  readonly docsAssets: AssetSource
  readonly limits: { readonly max: number; readonly idleMs: number }
}

/**
 * The Durable Object a Worker's database lives in: its data in memory and every change in its
 * SQLite storage, the registry of its sessions, and `POST /_import`.
 */
export class DatabaseObject {
  readonly #app: Promise<WorkerApp>
  readonly #registry: SessionRegistry
  readonly #directory: SessionDirectory | undefined

  constructor(
    state: ObjectState,
    env: WorkerEnv,
    { config, docsAssets, limits }: DatabaseObjectSetup,
  ) {
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
