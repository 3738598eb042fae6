import { AppError } from '../errors.ts'
import { errorBody } from '../http/answer/error-response.ts'
import type { AssetSource } from '../http/route.ts'
import { DEFAULT_SESSION_IDLE_MS, Sessions } from '../sessions/sessions.ts'
import { MemoryPersistence } from '../store/memory-persistence.ts'
import { DurableSessionJournal, type KeptSession } from './durable-session-journal.ts'
import { internalCall, internalRequest } from './internal-call.ts'
import type { ObjectNamespace, ObjectState } from './object-storage.ts'
import { openWorkerStore, workerApp, type WorkerApp, type WorkerStore } from './open-worker-app.ts'
import type { WorkerConfig } from './worker-config.ts'

export type SessionObjectClass = new (
  state: ObjectState,
  env: { readonly [binding: string]: ObjectNamespace | undefined },
) => { fetch(request: Request): Promise<Response> }

// How often a session used only for reads writes down when it was last used (a write always does).
const TOUCH_EVERY_MS = 60 * 1000

/**
 * The Durable Object one session lives in. It reads the database's start-up data (generated from
 * the seed, once per isolate and shared by the session objects in it: nothing writes it) through
 * the session's copy-on-write view, keeps the session's changes in its SQLite storage before they
 * are answered, and rebuilds the session from them when it restarts. A new session joins the
 * database's registry first (which may refuse it at the limit); an idle one expires on its next
 * request, as on the Node server.
 */
export function sessionObjectClass(
  config: WorkerConfig,
  docsAssets: AssetSource,
  registryOf: (env: {
    readonly [binding: string]: ObjectNamespace | undefined
  }) => ObjectNamespace | undefined,
  databaseName: string,
): SessionObjectClass {
  let startup: Promise<WorkerStore> | undefined
  const idleMs = config.sessions?.idleMs ?? DEFAULT_SESSION_IDLE_MS

  return class SessionObject {
    readonly #journal: DurableSessionJournal
    readonly #registry: ObjectNamespace | undefined
    readonly #ready: Promise<{ app: WorkerApp; sessions: Sessions }>
    /** The session this object holds, once made (or read back). */
    #name: string | undefined
    /** Why the registry refused a new session, while its request is answered. */
    #refusal: string | undefined
    #touched = 0

    constructor(
      state: ObjectState,
      env: { readonly [binding: string]: ObjectNamespace | undefined },
    ) {
      this.#journal = new DurableSessionJournal(state.storage)
      this.#registry = registryOf(env)
      this.#ready = this.#open()
      // No request is let in before the session is read back.
      void state.blockConcurrencyWhile(() => this.#ready).catch(() => undefined)
    }

    async #open(): Promise<{ app: WorkerApp; sessions: Sessions }> {
      startup ??= openWorkerStore(config, () => new MemoryPersistence())
      const opened = await startup
      const sessions = new Sessions(opened.store.startup(), {
        ...config.sessions,
        // This object drops its session itself when idle (#expire), its storage with it.
        idleMs: Number.MAX_SAFE_INTEGER,
        admit: () => {
          if (this.#refusal !== undefined) throw new AppError('unavailable', this.#refusal)
        },
      })
      const app = workerApp(opened, config, docsAssets, { sessions, sessionsOnly: true })
      const kept = this.#journal.read()
      if (kept !== undefined) this.#resume(sessions, kept)
      return { app, sessions }
    }

    #resume(sessions: Sessions, kept: KeptSession): void {
      const session = sessions.open(kept.name, kept.created)
      session.lastUsed = kept.lastUsed
      session.store.restore(kept.entries)
      session.store.keepIn(this.#journal)
      this.#name = kept.name
      this.#touched = kept.lastUsed
    }

    async fetch(request: Request): Promise<Response> {
      const { app, sessions } = await this.#ready
      const call = internalCall(request)
      if (call === undefined) {
        const message = 'A session object answers only through its Worker.'
        return Response.json(errorBody(message), { status: 400 })
      }
      this.#expire(sessions)
      const session = this.#name === call.name ? sessions.find(call.name) : undefined
      if (call.op === 'info') {
        return session === undefined
          ? new Response(null, { status: 404 })
          : Response.json(session.info())
      }
      if (call.op === 'drop') {
        if (session !== undefined) this.#drop(sessions)
        return new Response(null, { status: session === undefined ? 404 : 200 })
      }
      if (call.op !== 'request') return new Response(null, { status: 400 })
      if (session === undefined) {
        const refusal = await this.#admit(call.name)
        if (refusal !== undefined) {
          // The app answers the refusal as the Node server does (its 503, CORS headers included).
          // The app's session stage runs before fetch returns, and asks `admit` there.
          this.#refusal = refusal
          const refused = app.fetch(request)
          this.#refusal = undefined
          return refused
        }
        if (this.#name !== call.name) this.#begin(sessions, call.name)
      }
      const answer = await app.fetch(request)
      const used = sessions.find(call.name)?.lastUsed ?? 0
      if (used - this.#touched >= Math.min(TOUCH_EVERY_MS, idleMs / 2)) {
        this.#journal.touch(used)
        this.#touched = used
      }
      return answer
    }

    /** Joins the registry: the refusal's message at the limit, else `undefined`. */
    async #admit(name: string): Promise<string | undefined> {
      if (this.#registry === undefined) return undefined
      const database = this.#registry.get(this.#registry.idFromName(databaseName))
      const answer = await database.fetch(internalRequest('admit', name))
      if (answer.status === 200) return undefined
      const body: unknown = await answer.json().catch(() => undefined)
      const error =
        typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined
      return typeof error === 'string' ? error : `The session ${name} could not be made.`
    }

    #begin(sessions: Sessions, name: string): void {
      const session = sessions.open(name)
      this.#journal.begin(name, session.created)
      session.store.keepIn(this.#journal)
      this.#name = name
      this.#touched = session.created
    }

    /** An idle session (and no stream open) is dropped, as the Node server drops it. */
    #expire(sessions: Sessions): void {
      const session = this.#name === undefined ? undefined : sessions.find(this.#name)
      if (session !== undefined && Date.now() - session.lastUsed > idleMs && !session.listening) {
        this.#drop(sessions)
      }
    }

    #drop(sessions: Sessions): void {
      if (this.#name !== undefined) sessions.drop(this.#name)
      this.#journal.clear()
      this.#name = undefined
    }
  }
}
