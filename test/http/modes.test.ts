import { Hono } from 'hono'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import type { Delay } from '../../src/app-options.ts'
import { requestPipeline } from '../../src/http/pipeline/pipeline.ts'
import type { Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER, SHOP, json, memoryMock, send } from '../helpers.ts'

const LIBRARY = new URL('../fixtures/library.json', import.meta.url).pathname
const JSON_TYPE = 'application/json; charset=utf-8'
const POST = { userId: 1, title: 'Hello', body: 'World' }

// One mock per set of options, reset before each use: opening the JSONPlaceholder data takes a while.
const mocks = new Map<string, Promise<Mock>>()
async function open(options: Parameters<typeof memoryMock>[0]): Promise<Mock> {
  const key = JSON.stringify(options)
  let mock = mocks.get(key)
  if (mock === undefined) {
    mock = memoryMock(options)
    mocks.set(key, mock)
  }
  const ready = await mock
  await ready.reset()
  return ready
}
afterEach(() => {
  vi.useRealTimers()
})
afterAll(async () => {
  await Promise.all([...mocks.values()].map(async (mock) => (await mock).close()))
})

async function db(mock: Mock): Promise<unknown> {
  return json(await send(mock, 'GET', '/db'))
}

describe('readOnly', () => {
  const readOnlyAllow = 'GET, HEAD, OPTIONS'

  it.each([
    ['POST', '/posts', POST],
    ['POST', '/users/1/posts', { title: 't', body: 'b' }],
    ['PUT', '/posts/1', POST],
    ['PATCH', '/posts/1', { title: 'x' }],
    ['DELETE', '/posts/1', undefined],
    ['DELETE', '/posts/999', undefined],
  ])('%s %s is 405 with Allow listing the read methods', async (method, path, body) => {
    const mock = await open({ schema: JSONPLACEHOLDER, readOnly: true })
    const before = await db(mock)
    const response = await send(mock, method, path, body)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe(readOnlyAllow)
    expect(await json(response)).toEqual({
      error: `${method} is not allowed here (the server is read-only). Allowed: ${readOnlyAllow}.`,
    })
    expect(await db(mock)).toEqual(before)
  })

  it('refuses writes to a singular resource too', async () => {
    const shop = await open({ schema: SHOP, readOnly: true })
    const response = await send(shop, 'PUT', '/settings', { currency: 'USD', open: false })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe(readOnlyAllow)
  })

  it('refuses POST /_reset with an empty Allow (switched off by configuration)', async () => {
    const mock = await open({ schema: JSONPLACEHOLDER, readOnly: true })
    const response = await send(mock, 'POST', '/_reset')
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('')
    expect(await json(response)).toEqual({
      error: 'POST is not allowed here (the server is read-only).',
    })
  })

  it('still reads, and OPTIONS lists the read methods', async () => {
    const mock = await open({ schema: JSONPLACEHOLDER, readOnly: true, cors: false })
    expect(await json(await send(mock, 'GET', '/posts/1'))).toEqual(mock.store.get('posts', 1))
    const options = await send(mock, 'OPTIONS', '/posts/1')
    expect(options.status).toBe(204)
    expect(options.headers.get('allow')).toBe(readOnlyAllow)
  })
})

describe('fakeWrites', () => {
  it('answers POSTs as if applied, without using up the next id', async () => {
    const mock = await open({ schema: JSONPLACEHOLDER, fakeWrites: true })
    const before = await db(mock)
    for (let i = 0; i < 2; i++) {
      const response = await send(mock, 'POST', '/posts', POST)
      expect(response.status).toBe(201)
      expect(response.headers.get('location')).toBe('/posts/101')
      expect(await json(response)).toEqual({ ...POST, id: 101 })
    }
    expect(await db(mock)).toEqual(before)
  })

  it('sets the foreign key of a nested POST', async () => {
    const mock = await open({ schema: JSONPLACEHOLDER, fakeWrites: true })
    const response = await send(mock, 'POST', '/users/3/todos', { title: 'x', completed: false })
    expect(await json(response)).toEqual({ title: 'x', completed: false, userId: 3, id: 201 })
    expect(mock.store.byRef('todos', 'userId', 3)).toHaveLength(20)
  })

  it('answers PUT, PATCH and DELETE as if applied, and nothing changes', async () => {
    const mock = await open({ schema: JSONPLACEHOLDER, fakeWrites: true })
    const before = await db(mock)
    const post = mock.store.get('posts', 1)
    expect(await json(await send(mock, 'PUT', '/posts/1', POST))).toEqual({ ...POST, id: 1 })
    expect(await json(await send(mock, 'PATCH', '/posts/1', { title: 'Hi' }))).toEqual({
      ...post,
      title: 'Hi',
    })
    const deleted = await send(mock, 'DELETE', '/posts/1')
    expect(deleted.status).toBe(200)
    expect(await json(deleted)).toEqual({})
    expect(await db(mock)).toEqual(before)
  })

  it('answers a singular resource as if applied', async () => {
    const shop = await open({ schema: SHOP, fakeWrites: true })
    const response = await send(shop, 'PATCH', '/settings', { open: false })
    expect(await json(response)).toEqual({ currency: 'EUR', open: false })
    expect(shop.store.single('settings')).toEqual({ currency: 'EUR', open: true })
  })

  it.each([
    [
      'invalid data',
      'POST',
      '/posts',
      { title: 1 },
      422,
      {
        error: 'Request had invalid or missing data.',
        details: [
          { path: 'title', message: 'must be a string, not a number' },
          { path: 'userId', message: 'is required' },
          { path: 'body', message: 'is required' },
        ],
      },
    ],
    [
      'a taken id',
      'POST',
      '/posts',
      { ...POST, id: 1 },
      409,
      {
        error: 'Request conflicts with existing data.',
        details: [{ path: 'id', message: 'posts 1 already exists' }],
      },
    ],
    [
      'a missing parent',
      'PATCH',
      '/posts/1',
      { userId: 11 },
      422,
      {
        error: 'Request had invalid or missing data.',
        details: [{ path: 'userId', message: 'users 11 does not exist' }],
      },
    ],
  ])('still refuses %s, as a real write would', async (_, method, path, body, status, error) => {
    const mock = await open({ schema: JSONPLACEHOLDER, fakeWrites: true })
    const response = await send(mock, method, path, body)
    expect(response.status).toBe(status)
    expect(await json(response)).toEqual(error)
  })

  it('refuses a delete that restrict children forbid, with the same answer as a real one', async () => {
    const fake = await open({ schema: LIBRARY, fakeWrites: true })
    const real = await open({ schema: LIBRARY })
    const fakeAnswer = await send(fake, 'DELETE', '/authors/2')
    const realAnswer = await send(real, 'DELETE', '/authors/2')
    expect(fakeAnswer.status).toBe(409)
    const body = await json(fakeAnswer)
    expect(body).toEqual(await json(realAnswer))
    expect(body).toEqual({
      error: 'Cannot delete authors 2: restricted by books.authorId.',
      details: [
        { path: 'books.authorId', message: 'books 3, 4 refer to authors 2 (onDelete: restrict)' },
      ],
    })
  })
})

describe('deleteMode', () => {
  it("'empty' (the default) answers 200 {} as JSONPlaceholder does", async () => {
    const mock = await open({ schema: JSONPLACEHOLDER })
    const response = await send(mock, 'DELETE', '/todos/1')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(JSON_TYPE)
    expect(await json(response)).toEqual({})
  })

  it("'no-content' answers 204 with no body and no content type", async () => {
    const mock = await open({ schema: JSONPLACEHOLDER, deleteMode: 'no-content' })
    const response = await send(mock, 'DELETE', '/todos/1')
    expect(response.status).toBe(204)
    expect(response.headers.get('content-type')).toBeNull()
    expect(await response.text()).toBe('')
    expect(mock.store.get('todos', 1)).toBeUndefined()
  })

  it("'item' answers 200 with the deleted item", async () => {
    const mock = await open({ schema: JSONPLACEHOLDER, deleteMode: 'item' })
    const todo = mock.store.get('todos', 1)
    const response = await send(mock, 'DELETE', '/todos/1')
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual(todo)
    expect(mock.store.get('todos', 1)).toBeUndefined()
  })
})

describe('delay', () => {
  /** A one-route app behind the front door, recording every wait instead of waiting. */
  function delayed(options: { delay: Delay | undefined; random?: () => number }) {
    const waits: number[] = []
    const door = requestPipeline({
      cors: false,
      log: undefined,
      bodyLimit: 1024,
      scope: () => undefined,
      onError: (error, c) => c.json({ error: String(error) }, 400),
      ...options,
      sleep: async (ms) => void waits.push(ms),
    })
    const app = new Hono()
    app.get('/', (c) => door(c, () => c.text('ok')))
    app.onError((error, c) => c.json({ error: error.message }, 400))
    return { app, waits }
  }

  it('waits the fixed time on every answer', async () => {
    const { app, waits } = delayed({ delay: { min: 300, max: 300 } })
    await app.request('/')
    await app.request('/')
    expect(waits).toEqual([300, 300])
  })

  it.each([
    [0, 200],
    [0.5, 500],
    [0.9999, 800],
  ])('picks a time in MIN-MAX (random %s gives %s ms)', async (random, ms) => {
    const { app, waits } = delayed({ delay: { min: 200, max: 800 }, random: () => random })
    await app.request('/')
    expect(waits).toEqual([ms])
  })

  it('?_delay=MS replaces the configured delay for one request; 0 means none', async () => {
    const { app, waits } = delayed({ delay: { min: 300, max: 300 } })
    await app.request('/?_delay=50')
    await app.request('/?_delay=0')
    await app.request('/?_delay=30000')
    expect(waits).toEqual([50, 30_000])
  })

  it('does not wait at all without a delay', async () => {
    const { app, waits } = delayed({ delay: undefined })
    expect(await (await app.request('/')).text()).toBe('ok')
    expect(waits).toEqual([])
  })

  it.each(['30001', 'abc', '-5', '1.5', ''])('?_delay=%s is a 400 naming _delay', async (value) => {
    const mock = await open({ schema: JSONPLACEHOLDER })
    const response = await send(mock, 'GET', `/posts?_delay=${value}`)
    expect(response.status).toBe(400)
    const message = `must be an integer from 0 to 30000 (got ${JSON.stringify(value)})`
    expect(await json(response)).toEqual({
      error: `Invalid query parameter "_delay": ${message}.`,
      details: [{ path: '_delay', message }],
    })
  })

  it('delays a real answer (--delay) until the time has passed', async () => {
    const mock = await open({ schema: JSONPLACEHOLDER, delay: { min: 300, max: 300 } })
    vi.useFakeTimers()
    let status = 0
    const pending = send(mock, 'GET', '/posts/1').then((response) => (status = response.status))
    await vi.advanceTimersByTimeAsync(299)
    expect(status).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    await pending
    expect(status).toBe(200)
  })

  it('delays a forced error too, for loading states that end in an error', async () => {
    const mock = await open({ schema: JSONPLACEHOLDER })
    vi.useFakeTimers()
    let status = 0
    const pending = send(mock, 'GET', '/posts?_delay=1000&_status=500').then(
      (response) => (status = response.status),
    )
    await vi.advanceTimersByTimeAsync(999)
    expect(status).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    await pending
    expect(status).toBe(500)
  })
})

describe('forced status', () => {
  it.each([
    ['GET', '/posts?_status=503', {}, 503, 'Service Unavailable (forced with ?_status=503).'],
    ['GET', '/posts/1', { Prefer: 'code=404' }, 404, 'Not Found (forced with Prefer: code=404).'],
    [
      'GET',
      '/posts',
      { Prefer: 'return=minimal, code="429"' },
      429,
      'Too Many Requests (forced with Prefer: code=429).',
    ],
    [
      'GET',
      '/posts?_status=500',
      { Prefer: 'code=404' },
      500,
      'Internal Server Error (forced with ?_status=500).',
    ],
    ['GET', '/anything?_status=418', {}, 418, "I'm a Teapot (forced with ?_status=418)."],
    ['GET', '/posts?_status=599', {}, 599, 'Status 599 (forced with ?_status=599).'],
  ])('%s %s %j answers %s with a JSON error', async (method, path, headers, status, error) => {
    const mock = await open({ schema: JSONPLACEHOLDER })
    const response = await send(mock, method, path, undefined, headers)
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toBe(JSON_TYPE)
    expect(await json(response)).toEqual({ error })
  })

  it.each([
    ['POST', '/posts?_status=500', POST],
    ['POST', '/posts?_status=201', POST],
    ['PUT', '/posts/1?_status=200', POST],
    ['DELETE', '/posts/1?_status=204', undefined],
  ])('%s %s runs nothing: no write happens', async (method, path, body) => {
    const mock = await open({ schema: JSONPLACEHOLDER })
    const before = await db(mock)
    const nextId = mock.store.peekNextId('posts')
    await send(mock, method, path, body)
    expect(await db(mock)).toEqual(before)
    expect(mock.store.peekNextId('posts')).toBe(nextId)
  })

  it.each([
    [200, '{}'],
    [201, '{}'],
    [302, '{}'],
    [204, ''],
    [205, ''],
    [304, ''],
  ])('%s answers with the body %j', async (status, text) => {
    const mock = await open({ schema: JSONPLACEHOLDER })
    const response = await send(mock, 'GET', `/posts?_status=${status}`)
    expect(response.status).toBe(status)
    expect(await response.text()).toBe(text)
    expect(response.headers.get('content-type')).toBe(text === '' ? null : JSON_TYPE)
  })

  it.each(['99', '100', '600', 'abc', '2e2', ''])(
    '?_status=%s is a 400 naming _status',
    async (value) => {
      const mock = await open({ schema: JSONPLACEHOLDER })
      const response = await send(mock, 'GET', `/posts?_status=${value}`)
      const message = `must be an integer from 200 to 599 (got ${JSON.stringify(value)})`
      expect(response.status).toBe(400)
      expect(await json(response)).toEqual({
        error: `Invalid query parameter "_status": ${message}.`,
        details: [{ path: '_status', message }],
      })
    },
  )

  it('Prefer: code with a bad code is a 400 naming the header; other preferences are ignored', async () => {
    const mock = await open({ schema: JSONPLACEHOLDER })
    const bad = await send(mock, 'GET', '/posts/1', undefined, { Prefer: 'code=abc' })
    const message = 'code must be an integer from 200 to 599 (got "abc")'
    expect(bad.status).toBe(400)
    expect(await json(bad)).toEqual({
      error: `Invalid header "Prefer": ${message}.`,
      details: [{ path: 'Prefer', message }],
    })
    const other = await send(mock, 'GET', '/posts/1', undefined, { Prefer: 'return=minimal' })
    expect(other.status).toBe(200)
  })
})

describe('POST /_reset', () => {
  it('restores the data the server started with, without reusing ids', async () => {
    const mock = await memoryMock({ schema: JSONPLACEHOLDER })
    const startup = await db(mock)
    expect(await json(await send(mock, 'POST', '/posts', POST))).toEqual({ ...POST, id: 101 })
    await send(mock, 'PUT', '/posts/2', POST)
    await send(mock, 'PATCH', '/users/1', { name: 'Changed' })
    await send(mock, 'DELETE', '/users/2')
    expect(await db(mock)).not.toEqual(startup)

    const reset = await send(mock, 'POST', '/_reset')
    expect(reset.status).toBe(200)
    expect(await json(reset)).toEqual({ reset: true })
    expect(await db(mock)).toEqual(startup)
    expect(await json(await send(mock, 'POST', '/posts', POST))).toEqual({ ...POST, id: 102 })
    await mock.close()
  })
})
