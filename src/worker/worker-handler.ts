import { errorBody } from '../http/answer/error-response.ts'
import type { AssetSource } from '../http/route.ts'
import { MemoryPersistence } from '../store/memory-persistence.ts'
import { clientRequest } from './internal-call.ts'
import { openWorkerApp, type WorkerApp } from './open-worker-app.ts'
import { sessionOfRequest } from './session-of-request.ts'
import { sessionObject } from './session-objects.ts'
import {
  DATABASE_BINDING,
  SESSION_BINDING,
  databaseName,
  type WorkerEnv,
} from './worker-bindings.ts'
import { isStateless, type WorkerConfig } from './worker-config.ts'

export type WorkerHandler = {
  fetch(request: Request, env: WorkerEnv): Promise<Response>
}

/**
 * The Worker's default export. With state, it sends a request inside a session to that session's
 * object and every other one to the database's object. Stateless (fake writes, read-only), it
 * answers from data built into the Worker and no object is used.
 */
export function workerHandler(config: WorkerConfig, docsAssets: AssetSource): WorkerHandler {
  let stateless: Promise<WorkerApp> | undefined
  return {
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
      return namespace.get(namespace.idFromName(databaseName(config))).fetch(client)
    },
  }
}
