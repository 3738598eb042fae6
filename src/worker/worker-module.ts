import { DEFAULT_MAX_SESSIONS, DEFAULT_SESSION_IDLE_MS } from '../sessions/sessions.ts'
import { MemoryPersistence } from '../store/memory-persistence.ts'
import { DatabaseObject, type DatabaseObjectSetup } from './database-object.ts'
import { embeddedAssets, type EmbeddedAssets } from './embedded-assets.ts'
import type { ObjectState } from './object-storage.ts'
import { openWorkerStore, type WorkerStore } from './open-worker-app.ts'
import { SessionObject, type SessionObjectSetup } from './session-object.ts'
import type { ObjectClass, WorkerEnv } from './worker-bindings.ts'
import { readWorkerConfig } from './worker-config.ts'
import { workerHandler, type WorkerHandler } from './worker-handler.ts'

/**
 * A Worker for `config`: its default export (`handler`) and its Durable Object classes, the
 * database's and the sessions', each bound to what this Worker's objects are made with.
 */
export function workerModule(
  given: unknown,
  assets: EmbeddedAssets,
): { handler: WorkerHandler; Database: ObjectClass; Session: ObjectClass } {
  const config = readWorkerConfig(given)
  const docsAssets = embeddedAssets(assets)
  const limits = {
    max: config.sessions?.maxSessions ?? DEFAULT_MAX_SESSIONS,
    idleMs: config.sessions?.idleMs ?? DEFAULT_SESSION_IDLE_MS,
  }
  const database: DatabaseObjectSetup = { config, docsAssets, limits }
  // Nothing writes the start-up data: the session objects in one isolate share it.
  let startup: Promise<WorkerStore> | undefined
  const session: SessionObjectSetup = {
    config,
    docsAssets,
    idleMs: limits.idleMs,
    startup: () => (startup ??= openWorkerStore(config, () => new MemoryPersistence())),
  }
  return {
    handler: workerHandler(config, docsAssets),
    Database: class extends DatabaseObject {
      constructor(state: ObjectState, env: WorkerEnv) {
        super(state, env, database)
      }
    },
    Session: class extends SessionObject {
      constructor(state: ObjectState, env: WorkerEnv) {
        super(state, env, session)
      }
    },
  }
}
