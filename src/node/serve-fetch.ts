import { getRequestListener, type HttpBindings } from '@hono/node-server'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { UserError } from '../errors.ts'
import { errorBody } from '../http/answer/error-response.ts'
import { withFeedTakeover } from './feed-takeover.ts'
import type { Fetch } from './node-fetch.ts'

export type { Fetch } from './node-fetch.ts'

export type Listening = {
  readonly url: string
  readonly port: number
  /** Stops accepting connections, finishes requests in flight, then resolves. */
  readonly close: () => Promise<void>
}

export type ServeOptions = {
  readonly port: number
  readonly host: string
  readonly bodyLimit: number
}

const LATEST_RESPONSE = Symbol('latest response')
type Connection = Socket & { [LATEST_RESPONSE]?: ServerResponse }

// A body this far over the limit is not worth draining: the connection is dropped instead.
const DRAIN_LIMIT = 64 * 1024 * 1024

/**
 * Serves `fetch` on a port. `close` stops accepting connections, lets the requests in flight finish
 * (their connections then close instead of idling in keep-alive), then resolves.
 */
export function serveFetch(fetch: Fetch, options: ServeOptions): Promise<Listening> {
  const { port, host } = options
  return new Promise((resolvePromise, reject) => {
    // Connections, each with its latest response, so `close` can tell the answers in flight to end
    // their connection. Tracked per connection: a 'close' listener per request cost about 15% of a
    // small read's throughput.
    const connections = new Set<Connection>()
    let closing = false
    const serve = withFeedTakeover(fetch)
    const listener = getRequestListener((request, env) => serve(request, env as HttpBindings))
    const read = bodyFirst(listener, options.bodyLimit)
    const server = createServer((request, response) => {
      const socket: Connection = request.socket
      socket[LATEST_RESPONSE] = response
      if (closing) keepNoConnection(response)
      return read(request, response)
    })
    server.on('connection', (socket: Connection) => {
      connections.add(socket)
      socket.once('close', () => connections.delete(socket))
    })
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new UserError(`port ${port} on ${host} is already in use (try --port 0 for a free one)`)
          : error,
      )
    }
    server.on('clientError', answerClientError)
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      const info = server.address() as AddressInfo
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address
      resolvePromise({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            closing = true
            for (const socket of connections) {
              const response = socket[LATEST_RESPONSE]
              if (response === undefined || response.writableFinished) continue
              // An answer already under way (an event stream) cannot say so: its connection is
              // closed once it ends.
              if (response.headersSent) response.once('finish', () => socket.end())
              else keepNoConnection(response)
            }
            server.close(() => done())
            server.closeIdleConnections()
          }),
      })
    })
  })
}

type Listener = (request: IncomingMessage, response: ServerResponse) => unknown

/**
 * Reads a request's body before the app sees it. An answer sent while the client is still sending
 * (a 413, a 404, a DELETE that ignores its body) followed by a close would make the kernel reset
 * the connection, and the client would lose the answer. The body is handed to @hono/node-server as
 * `rawBody`, which it reads instead of the socket; one over the limit is drained and dropped, and
 * its real length makes the app answer 413.
 */
function bodyFirst(listener: Listener, limit: number): Listener {
  return (request, response) => {
    const length = request.headers['content-length']
    const chunked = request.headers['transfer-encoding'] !== undefined
    if (!chunked && (length === undefined || length === '0')) return listener(request, response)
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
      else if (size > DRAIN_LIMIT) request.destroy()
    })
    request.once('end', () => {
      request.headers['content-length'] = String(size)
      delete request.headers['transfer-encoding']
      if (size <= limit) Object.assign(request, { rawBody: Buffer.concat(chunks, size) })
      listener(request, response)
    })
    return undefined
  }
}

const CLIENT_ERRORS: Readonly<Record<string, [number, string, string]>> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'The request headers are too large.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request took too long to arrive.'],
}

/** Bytes Node cannot parse as HTTP get a JSON 400 (431, 408) like every other error. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy()
    return
  }
  const [status, reason, message] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'Bad Request',
    'The request is not valid HTTP.',
  ]
  const body = JSON.stringify(errorBody(message), null, 2)
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

function keepNoConnection(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader('Connection', 'close')
}
