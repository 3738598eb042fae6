import type { Context, Next } from 'hono'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createMock, type Listening, type Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER } from '../helpers.ts'
import { sseReader, type SseReader } from './sse.ts'

let mock: Mock | undefined
let server: Listening | undefined
const readers: SseReader[] = []
afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.cancel()))
  await server?.close()
  await mock?.close()
  mock = undefined
  server = undefined
})

async function serve(options: Partial<Parameters<typeof createMock>[0]> = {}): Promise<string> {
  mock = await createMock({ schema: JSONPLACEHOLDER, ...options })
  server = await mock.listen(0, '127.0.0.1')
  return server.url
}

async function open(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(url, { headers })
  readers.push(sseReader(response))
  return response
}

const post = (url: string, title: string): Promise<Response> =>
  fetch(`${url}/posts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId: 1, title, body: 'b' }),
  })

describe('/_events on the Node server', () => {
  it('sends the answer every stage and middleware made, then the events, and replays after a reconnect', async () => {
    const stamp = async (c: Context, next: Next): Promise<void> => {
      await next()
      c.header('X-Stamped', 'after')
    }
    const url = await serve({ middlewares: [stamp] })
    const response = await open(`${url}/_events?resource=posts`, { Origin: 'http://app.test' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(response.headers.get('access-control-allow-origin')).toBe('http://app.test')
    expect(response.headers.get('x-stamped')).toBe('after')
    const reader = readers[0] as SseReader
    const epoch = mock?.feed.epoch ?? ''
    expect(await reader.next()).toEqual({ retry: '2000', id: `${epoch}-0` })
    expect((await post(url, 'one')).status).toBe(201)
    expect((await post(url, 'two')).status).toBe(201)
    const heard = await reader.events(2)
    expect(heard.map(({ event, id }) => [event, id])).toEqual([
      ['created', `${epoch}-1`],
      ['created', `${epoch}-2`],
    ])
    expect(heard[1]?.data).toEqual({
      resource: 'posts',
      id: 102,
      item: { userId: 1, title: 'two', body: 'b', id: 102 },
    })

    const again = await open(`${url}/_events?resource=posts`, { 'Last-Event-ID': `${epoch}-1` })
    const replay = readers[1] as SseReader
    expect(again.status).toBe(200)
    expect(await replay.next()).toEqual({ retry: '2000' })
    expect(await replay.event()).toMatchObject({ event: 'created', id: `${epoch}-2` })
  })

  it('sends the body of a middleware that answered with its own', async () => {
    const replace = async (c: Context, next: Next): Promise<Response> => {
      await next()
      return c.text('not today', 503)
    }
    const url = await serve({ middlewares: [replace] })
    const response = await fetch(`${url}/_events`)
    expect(response.status).toBe(503)
    expect(await response.text()).toBe('not today')
  })

  it('keeps an idle stream open with comments and ends it on close', async () => {
    const url = await serve({ feed: { keepAliveMs: 5 } })
    await open(`${url}/_events`)
    const reader = readers[0] as SseReader
    await reader.next()
    expect(await reader.next()).toEqual({ comment: 'keep-alive' })
    await mock?.endStreams()
    const rest = await reader.rest()
    expect(rest.every((message) => message.comment === 'keep-alive')).toBe(true)
    expect(mock?.feed.subscribers).toBe(0)
  })

  it('writes the opening and each event as HTTP/1.1 chunks', async () => {
    const url = await serve()
    const epoch = mock?.feed.epoch ?? ''
    // The bytes after the headers, up to the end of the first event's chunk.
    const body = await new Promise<string>((resolve, reject) => {
      let text = ''
      let posted = false
      const socket = connect(Number(new URL(url).port), '127.0.0.1', () => {
        socket.write('GET /_events?resource=posts HTTP/1.1\r\nHost: x\r\n\r\n')
      })
      socket.setEncoding('latin1')
      socket.on('error', reject)
      socket.on('data', (data: string) => {
        text += data
        // The POST goes once the opening is in.
        if (!posted && text.includes('\n\n\r\n')) {
          posted = true
          void post(url, 'chunked')
        }
        const event = text.indexOf('event: created')
        if (event !== -1 && text.indexOf('\n\n\r\n', event) !== -1) {
          socket.destroy()
          resolve(text.slice(text.indexOf('\r\n\r\n') + 4))
        }
      })
    })
    const opening = `retry: 2000\nid: ${epoch}-0\n\n`
    const event =
      `id: ${epoch}-1\nevent: created\ndata: {"resource":"posts","id":101,` +
      `"item":{"userId":1,"title":"chunked","body":"b","id":101}}\n\n`
    const chunk = (text: string): string => `${text.length.toString(16)}\r\n${text}\r\n`
    expect(body).toBe(chunk(opening) + chunk(event))
  })

  it('sends a pipelined stream once the answer before it has gone', async () => {
    const url = await serve()
    const epoch = mock?.feed.epoch ?? ''
    const text = await new Promise<string>((resolve, reject) => {
      let received = ''
      let posted = false
      const socket = connect(Number(new URL(url).port), '127.0.0.1', () => {
        // The stream's answer is made while the first one still waits on the connection.
        socket.write(
          'GET /posts/1?_delay=200 HTTP/1.1\r\nHost: x\r\n\r\n' +
            'GET /_events?resource=posts HTTP/1.1\r\nHost: x\r\n\r\n',
        )
      })
      socket.setEncoding('latin1')
      socket.on('error', reject)
      socket.on('data', (data: string) => {
        received += data
        if (!posted && received.includes('text/event-stream')) {
          posted = true
          void post(url, 'pipelined')
        }
        const event = received.indexOf('event: created')
        if (event !== -1 && received.indexOf('\n\n\r\n', event) !== -1) {
          socket.destroy()
          resolve(received)
        }
      })
    })
    const body = text.slice(text.lastIndexOf('\r\n\r\n', text.indexOf('retry:')) + 4)
    const opening = `retry: 2000\nid: ${epoch}-0\n\n`
    const event =
      `id: ${epoch}-1\nevent: created\ndata: {"resource":"posts","id":101,` +
      `"item":{"userId":1,"title":"pipelined","body":"b","id":101}}\n\n`
    const chunk = (part: string): string => `${part.length.toString(16)}\r\n${part}\r\n`
    expect(text.startsWith('HTTP/1.1 200 OK')).toBe(true)
    expect(body).toBe(chunk(opening) + chunk(event))
  })
})
