// Run by object-shapes.test.ts in a Node started with --allow-natives-syntax --expose-gc: serves
// the JSONPlaceholder schema, answers its first requests one at a time with a full GC after each
// (nothing from the request left alive), then reports whether objects of the classes every
// request builds are still created with fast (not dictionary-mode) properties.
import { Context } from 'hono'
import { IncomingMessage, request, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { createMock } from '../../src/index.ts'
import { JSONPLACEHOLDER } from '../helpers.ts'

const fullGc: unknown = Reflect.get(globalThis, 'gc')
if (typeof fullGc !== 'function') throw new Error('run with --expose-gc')
const hasFastProperties = new Function('value', 'return %HasFastProperties(value)') as (
  value: object,
) => boolean

/** One GET on its own connection; resolves with the status once the connection has closed. */
function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume()
      res.socket.once('close', () => resolve(res.statusCode ?? 0))
    })
    req.once('error', reject)
    req.end()
  })
}

const mock = await createMock({ schema: JSONPLACEHOLDER })
const server = await mock.listen(0)
const statuses: number[] = []
for (const path of ['/posts/1', '/comments?postId=7', '/photos', '/users/1/posts']) {
  for (let round = 0; round < 3; round++) {
    statuses.push(await get(server.port, path))
    // Let the server side of the connection finish closing before the collection.
    await new Promise((done) => setImmediate(done))
    fullGc()
  }
}
const socket = new Socket()
const response = new ServerResponse(new IncomingMessage(socket))
const context = new Context(new Request('http://127.0.0.1/posts/1'))
process.stdout.write(
  `${JSON.stringify({
    statuses: [...new Set(statuses)],
    context: hasFastProperties(context),
    serverResponse: hasFastProperties(response),
    socket: hasFastProperties(socket),
  })}\n`,
)
socket.destroy()
await server.close()
