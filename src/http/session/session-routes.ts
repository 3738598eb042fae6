import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import { checkSessionName } from '../../sessions/session-name.ts'
import type { Sessions } from '../../sessions/sessions.ts'
import { toJsonBody } from '../answer/json-body.ts'
import { sendJson } from '../answer/send-json.ts'
import type { Answer } from '../route.ts'

/** `GET /_sessions`: the live sessions with their sizes, and the limits they live under. */
export function listSessions(sessions: Sessions): (c: Context) => Answer {
  return (c) =>
    sendJson(
      c,
      toJsonBody({
        count: sessions.size,
        max: sessions.maxSessions,
        idleSeconds: Math.round(sessions.idleMs / 1000),
        sessions: sessions.list().map((session) => session.info()),
      }),
    )
}

/** `GET /_sessions/{session}`: one session's size; `DELETE` drops it and ends its streams. */
export function oneSession(sessions: Sessions): (c: Context) => Answer {
  return (c) => {
    const name = checkSessionName(c.req.param('session') ?? '')
    if (c.req.method === 'DELETE') {
      if (!sessions.drop(name)) throw noSession(name)
      return sendJson(c, toJsonBody({}))
    }
    const session = sessions.find(name)
    if (session === undefined) throw noSession(name)
    return sendJson(c, toJsonBody(session.info()))
  }
}

function noSession(name: string): AppError {
  return new AppError('not_found', `There is no session ${JSON.stringify(name)}.`)
}
