import { AppError } from '../errors.ts'
import { errorBody } from '../http/answer/error-response.ts'
import type { AssetSource } from '../http/route.ts'
import { Sessions } from '../sessions/sessions.ts'
import type { Session } from '../sessions/session.ts'
import { DurableSessionJournal, type KeptSession } from './durable-session-journal.ts'
import { internalCall, internalRequest } from './internal-call.ts'
import type { ObjectNamespace, ObjectState } from './object-storage.ts'
import { workerApp, type WorkerApp, type WorkerStore } from './open-worker-app.ts'
import { DATABASE_BINDING, databaseName, type WorkerEnv } from './worker-bindings.ts'
import type { WorkerConfig } from './worker-config.ts'

/** What every session object of a Worker is made with. */
export type SessionObjectSetup = {
  readonly config: WorkerConfig
  readonly docsAssets: AssetSource
  /** How long a session may stay unused before it expires. */
  readonly idleMs: number
  /** The database's start-up data, opened once per isolate and shared by its session objects. */
  readonly startup: () => Promise<WorkerStore>
}

// How often a session used only for reads writes down when it was last used (a write always does).
const TOUCH_EVERY_MS = 60 * 1000

type Opened = { readonly app: WorkerApp; readonly sessions: Sessions }

/**
 * The Durable Object one session lives in. It reads the database's start-up data (nothing writes
 * it) through the session's copy-on-write view, keeps the session's changes in its SQLite storage
 * before they are answered, and rebuilds the session from them when it restarts. A new session
 * joins the database's registry first (which may refuse it at the limit); an idle one expires on
 * its next request, as on the Node server.
 */
export class SessionObject {
  readonly #setup: SessionObjectSetup
  readonly #journal: DurableSessionJournal
  /** The database's object, which keeps the registry of sessions. */
  readonly #registry: ObjectNamespace | undefined
  readonly #ready: Promise<Opened>
  /** The session this object holds, once made (or read back). */
  #name: string | undefined
  /** Why the registry refused a new session, while its request is answered. */
  #refusal: string | undefined
  #touched = 0

  constructor(state: ObjectState, env: WorkerEnv, setup: SessionObjectSetup) {
    this.#setup = setup
    this.#journal = new DurableSessionJournal(state.storage)
    this.#registry = env[DATABASE_BINDING]
    this.#ready = this.#open()
    // No request is let in before the session is read back.
    void state.blockConcurrencyWhile(() => this.#ready).catch(() => undefined)
  }

  async fetch(request: Request): Promise<Response> {
    const opened = await this.#ready
    const call = internalCall(request)
    if (call === undefined) {
      const message = 'A session object answers only through its Worker.'
      return Response.json(errorBody(message), { status: 400 })
    }
    this.#expire(opened.sessions)
    const session = this.#name === call.name ? opened.sessions.find(call.name) : undefined
    switch (call.op) {
      case 'info':
        return session === undefined
          ? new Response(null, { status: 404 })
          : Response.json(session.info())
      case 'drop':
        if (session !== undefined) this.#drop(opened.sessions)
        return new Response(null, { status: session === undefined ? 404 : 200 })
      case 'request':
        return this.#answer(request, call.name, session, opened)
      default:
        return new Response(null, { status: 400 })
    }
  }

  async #open(): Promise<Opened> {
    const { config, docsAssets } = this.#setup
    const opened = await this.#setup.startup()
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

  /** A client's request inside session `name`, made first if this object holds none yet. */
  async #answer(
    request: Request,
    name: string,
    session: Session | undefined,
    { app, sessions }: Opened,
  ): Promise<Response> {
    if (session === undefined) {
      const refusal = await this.#admit(name)
      if (refusal !== undefined) {
        // The app answers the refusal as the Node server does (its 503, CORS headers included).
        // The app's session stage runs before fetch returns, and asks `admit` there.
        this.#refusal = refusal
        const refused = app.fetch(request)
        this.#refusal = undefined
        return refused
      }
      if (this.#name !== name) this.#begin(sessions, name)
    }
    const answer = await app.fetch(request)
    const used = sessions.find(name)?.lastUsed ?? 0
    if (used - this.#touched >= Math.min(TOUCH_EVERY_MS, this.#setup.idleMs / 2)) {
      this.#journal.touch(used)
      this.#touched = used
    }
    return answer
  }

  /** Joins the registry: the refusal's message at the limit, else `undefined`. */
  async #admit(name: string): Promise<string | undefined> {
    if (this.#registry === undefined) return undefined
    const id = this.#registry.idFromName(databaseName(this.#setup.config))
    const answer = await this.#registry.get(id).fetch(internalRequest('admit', name))
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
    if (
      session !== undefined &&
      Date.now() - session.lastUsed > this.#setup.idleMs &&
      !session.listening
    ) {
      this.#drop(sessions)
    }
  }

  #drop(sessions: Sessions): void {
    if (this.#name !== undefined) sessions.drop(this.#name)
    this.#journal.clear()
    this.#name = undefined
  }
}
