import { isJsonObject } from '../json.ts'
import type { SessionInfo } from '../sessions/session.ts'
import type { SessionDirectory } from '../sessions/session-directory.ts'
import { internalRequest } from './internal-call.ts'
import type { ObjectNamespace, ObjectStub } from './object-storage.ts'
import type { SessionRegistry } from './session-registry.ts'

/** The object a session lives in, by the session's name. */
export function sessionObject(namespace: ObjectNamespace, name: string): ObjectStub {
  return namespace.get(namespace.idFromName(`session:${name}`))
}

/**
 * The sessions of a Worker's database, each in its own object: the registry names them, and each
 * object answers for its own (an idle one has expired, and leaves the registry when asked).
 */
export function sessionObjects(
  namespace: ObjectNamespace,
  registry: SessionRegistry,
  limits: { readonly max: number; readonly idleMs: number },
): SessionDirectory {
  const info = async (name: string): Promise<SessionInfo | undefined> => {
    const answer = await sessionObject(namespace, name).fetch(internalRequest('info', name))
    if (answer.status === 404) {
      // Dropped, or expired: it leaves the registry.
      registry.forget(name)
      return undefined
    }
    if (answer.status !== 200) throw new Error(`session ${name}'s object answered ${answer.status}`)
    const body: unknown = await answer.json()
    return isJsonObject(body) ? (body as SessionInfo) : undefined
  }
  return {
    async list() {
      const found = await Promise.all(registry.names().map(info))
      const sessions = found.filter((session) => session !== undefined)
      return {
        count: sessions.length,
        max: limits.max,
        idleSeconds: Math.round(limits.idleMs / 1000),
        sessions,
      }
    },
    info,
    async drop(name) {
      const answer = await sessionObject(namespace, name).fetch(internalRequest('drop', name))
      registry.forget(name)
      return answer.status === 200
    },
  }
}
