import type { Context } from 'hono'
import { queryError } from '../../query/query-error.ts'

// A JavaScript name or dotted path (`handle`, `app.handlers.posts`): nothing that could run code.
const CALLBACK = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/
const MAX_LENGTH = 256
const SCRIPT_TYPE = 'text/javascript; charset=utf-8'

/**
 * The JSONP callback of a GET or HEAD (`?callback=name`), `undefined` when there is none; a 400
 * when it is not a JavaScript name or dotted path.
 */
export function jsonpCallback(c: Context): string | undefined {
  const method = c.req.method
  if (method !== 'GET' && method !== 'HEAD') return undefined
  const name = c.req.query('callback')
  if (name === undefined) return undefined
  if (name.length <= MAX_LENGTH && CALLBACK.test(name)) return name
  throw queryError([
    {
      path: 'callback',
      message: 'must be a JavaScript name or dotted path, such as "handle" or "app.handle"',
    },
  ])
}

/**
 * A JSON answer as a script calling `name` with it (errors too, as json-server does); other
 * answers (304, HTML) as they are. The ETag is dropped: it names the JSON, not the script.
 */
export async function toJsonp(response: Response, name: string): Promise<Response> {
  if (response.headers.get('content-type')?.startsWith('application/json') !== true) {
    return response
  }
  const json = await response.text()
  const headers = new Headers(response.headers)
  headers.set('Content-Type', SCRIPT_TYPE)
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.delete('ETag')
  headers.delete('Content-Length')
  // The comment keeps the answer from starting with bytes a plugin could read as another format;
  // U+2028 and U+2029 are valid in JSON but end a line in older JavaScript.
  const body = `/**/ ${name}(${json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')});`
  return new Response(body, { status: response.status, headers })
}
