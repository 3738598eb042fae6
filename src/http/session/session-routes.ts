import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import type { SessionDirectory } from '../../sessions/session-directory.ts'
import { checkSessionName } from '../../sessions/session-name.ts'
import { toJsonBody } from '../answer/json-body.ts'
import { sendJson } from '../answer/send-json.ts'
import type { Answer } from '../route.ts'

/** `GET /_sessions`: the live sessions with their sizes, and the limits they live under. */
export function listSessions(sessions: SessionDirectory): (c: Context) => Answer {
  return async (c) => sendJson(c, toJsonBody(await sessions.list()))
}

/** `GET /_sessions/{session}`: one session's size; `DELETE` drops it and ends its streams. */
export function oneSession(sessions: SessionDirectory): (c: Context) => Answer {
  return async (c) => {
    const name = checkSessionName(c.req.param('session') ?? '')
    if (c.req.method === 'DELETE') {
      if (!(await sessions.drop(name))) throw noSession(name)
      return sendJson(c, toJsonBody({}))
    }
    const session = await sessions.info(name)
    if (session === undefined) throw noSession(name)
    return sendJson(c, toJsonBody(session))
  }
}

function noSession(name: string): AppError {
  return new AppError('not_found', `There is no session ${JSON.stringify(name)}.`)
}
