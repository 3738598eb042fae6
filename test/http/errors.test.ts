import { HTTPException } from 'hono/http-exception'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { toErrorResponse } from '../../src/http/answer/error-response.ts'
import type { Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER, SHOP, json, memoryMock, send } from '../helpers.ts'

/** Two authors with two books each; a book restricts deleting its author. */
const LIBRARY = new URL('../fixtures/library.json', import.meta.url).pathname

const JSON_TYPE = 'application/json; charset=utf-8'
const INVALID = 'Request had invalid or missing data.'

let mock: Mock
let shop: Mock
let library: Mock
beforeAll(async () => {
  mock = await memoryMock({ schema: JSONPLACEHOLDER })
  shop = await memoryMock({ schema: SHOP })
  library = await memoryMock({ schema: LIBRARY })
})
beforeEach(async () => {
  await Promise.all([mock.reset(), shop.reset(), library.reset()])
})
afterAll(async () => {
  await Promise.all([mock.close(), shop.close(), library.close()])
})

/** Status, JSON content type and the whole body of an error answer. */
async function answer(response: Response): Promise<{ status: number; body: unknown }> {
  expect(response.headers.get('content-type')).toBe(JSON_TYPE)
  return { status: response.status, body: await json(response) }
}

describe('one error shape, one status per problem', () => {
  it('400: malformed JSON, saying where', async () => {
    const response = await send(mock, 'POST', '/posts', '{\n  "title": "x",\n  "body": "y"\n')
    expect(await answer(response)).toEqual({
      status: 400,
      body: {
        error: 'This request was not properly formatted. Please send again.',
        details: [
          {
            path: '',
            message: 'malformed JSON at line 4, column 1: unexpected end of file (missing "}")',
          },
        ],
      },
    })
  })

  it('400: a bad query parameter', async () => {
    expect(await answer(await send(mock, 'GET', '/posts?views_gt=abc'))).toEqual({
      status: 400,
      body: {
        error: 'Invalid query parameter "views_gt": unknown field "views".',
        details: [{ path: 'views_gt', message: 'unknown field "views"' }],
      },
    })
  })

  it('404: an unknown route, id or nested item', async () => {
    for (const path of ['/motorcycles', '/posts/101', '/users/2/posts/1', '/users/1/nothing']) {
      expect(await answer(await send(mock, 'GET', path))).toEqual({
        status: 404,
        body: { error: `The requested resource was not found: ${path}.` },
      })
    }
  })

  it('405: a method a resource path does not take, with Allow', async () => {
    const response = await send(mock, 'PUT', '/posts')
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
    expect(await answer(response)).toEqual({
      status: 405,
      body: { error: 'PUT is not allowed here. Allowed: GET, HEAD, POST, OPTIONS.' },
    })
  })

  it.each([
    ['DELETE', '/db', 'GET, HEAD, OPTIONS'],
    ['POST', '/', 'GET, HEAD, OPTIONS'],
    ['GET', '/_reset', 'POST, OPTIONS'],
  ])("405: %s %s, one of fauxrest's own routes, with Allow", async (method, path, allow) => {
    const response = await send(mock, method, path)
    expect(response.headers.get('allow')).toBe(allow)
    expect(await answer(response)).toEqual({
      status: 405,
      body: { error: `${method} is not allowed here. Allowed: ${allow}.` },
    })
  })

  it("OPTIONS on fauxrest's own routes lists their methods (without CORS too)", async () => {
    const plain = await memoryMock({ schema: LIBRARY, cors: false })
    const response = await send(plain, 'OPTIONS', '/db')
    expect(response.status).toBe(204)
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    await plain.close()
  })

  it('409: a POST with an id that exists', async () => {
    const response = await send(mock, 'POST', '/posts', { id: 5, userId: 1, title: 't', body: 'b' })
    expect(await answer(response)).toEqual({
      status: 409,
      body: {
        error: 'Request conflicts with existing data.',
        details: [{ path: 'id', message: 'posts 5 already exists' }],
      },
    })
  })

  it('409: a unique value another item has', async () => {
    const taken = shop.store.list('customers')[1] as { id: string; email: string }
    const response = await send(shop, 'POST', '/customers', {
      name: 'N',
      email: taken.email,
      tier: 'pro',
    })
    expect(await answer(response)).toEqual({
      status: 409,
      body: {
        error: 'Request conflicts with existing data.',
        details: [
          {
            path: 'email',
            message: `must be unique: "${taken.email}" is already used by customers "${taken.id}"`,
          },
        ],
      },
    })
  })

  it('409: deleting a parent a restrict child still refers to', async () => {
    expect(await answer(await send(library, 'DELETE', '/authors/1'))).toEqual({
      status: 409,
      body: {
        error: 'Cannot delete authors 1: restricted by books.authorId.',
        details: [
          { path: 'books.authorId', message: 'books 1, 2 refer to authors 1 (onDelete: restrict)' },
        ],
      },
    })
  })

  it('412: If-Match with a stale ETag', async () => {
    const response = await send(mock, 'PATCH', '/posts/1', { title: 'x' }, { 'If-Match': '"old"' })
    expect(await answer(response)).toEqual({
      status: 412,
      body: { error: 'The item has changed since it was read (If-Match).' },
    })
  })

  it('413: a body over the configured limit', async () => {
    const small = await memoryMock({ schema: LIBRARY, bodyLimit: 64 })
    const response = await send(small, 'POST', '/authors', { name: 'x'.repeat(100) })
    expect(await answer(response)).toEqual({
      status: 413,
      body: { error: 'The request body is larger than the limit of 64 bytes.' },
    })
    expect(small.store.list('authors')).toHaveLength(2)
    await small.close()
  })

  it('413: a body over the default limit of 1 MB, even without a Content-Length', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024) })
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big))
        controller.close()
      },
    })
    const init = {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { 'Content-Type': 'application/json' },
    }
    const response = await library.app.request('/authors', init as RequestInit)
    expect(await answer(response)).toEqual({
      status: 413,
      body: { error: 'The request body is larger than the limit of 1048576 bytes.' },
    })
  })

  it('415: a body that is not JSON, naming its media type', async () => {
    const xml = '<?xml version="1.0"?><post><title>x</title></post>'
    const response = await send(mock, 'POST', '/posts', xml, { 'Content-Type': 'application/xml' })
    expect(await answer(response)).toEqual({
      status: 415,
      body: { error: 'The application/xml mediatype is not supported.' },
    })
  })

  it('422: a body that fails the schema, with every problem', async () => {
    const response = await send(mock, 'POST', '/posts', { userId: 99, title: 5, tags: [] })
    expect(await answer(response)).toEqual({
      status: 422,
      body: {
        error: INVALID,
        details: [
          { path: 'userId', message: 'users 99 does not exist' },
          { path: 'title', message: 'must be a string, not a number' },
          { path: 'tags', message: 'unknown field "tags"' },
          { path: 'body', message: 'is required' },
        ],
      },
    })
  })

  it.each([
    ['an array', '[1, 2]', 'must be a JSON object, not an array'],
    ['a string', '"post"', 'must be a JSON object, not a string'],
    ['null', 'null', 'must be a JSON object, not null'],
  ])('422: a body that is %s', async (_, text, message) => {
    expect(await answer(await send(mock, 'POST', '/posts', text))).toEqual({
      status: 422,
      body: { error: INVALID, details: [{ path: '', message }] },
    })
  })

  it('500: an unexpected failure says nothing about the server', async () => {
    vi.spyOn(mock.store, 'list').mockImplementation(() => {
      throw new Error('ENOENT: /home/secret/project/db.json at Store.list (store.ts:80:3)')
    })
    const response = await send(mock, 'GET', '/posts')
    const text = await response.clone().text()
    expect(await answer(response)).toEqual({
      status: 500,
      body: { error: 'Internal server error.' },
    })
    expect(text).not.toContain('secret')
    expect(text).not.toContain('store.ts')
  })
})

describe("Hono's own errors", () => {
  it.each([
    [new HTTPException(401, { message: 'Token expired.' }), 401, { error: 'Token expired.' }],
    [new HTTPException(408), 408, { error: 'Request Timeout.' }],
    [new HTTPException(418), 418, { error: "I'm a Teapot." }],
  ])('map to their status in the error shape: %s', (error, status, body) => {
    expect(toErrorResponse(error)).toEqual({ status, body })
  })

  it('are answered in the error shape through the app', async () => {
    const fresh = await memoryMock({ schema: LIBRARY })
    fresh.app.get('/_teapot', () => {
      throw new HTTPException(418)
    })
    expect(await answer(await send(fresh, 'GET', '/_teapot'))).toEqual({
      status: 418,
      body: { error: "I'm a Teapot." },
    })
    await fresh.close()
  })
})

describe('safety', () => {
  const hostile: [string, string, unknown][] = [
    ['POST', '/posts', '{"__proto__": {"polluted": 1}, "userId": 1, "title": "t", "body": "b"}'],
    ['POST', '/posts', '{"constructor": {"prototype": {"polluted": 1}}}'],
    [
      'POST',
      '/posts',
      '{"userId": 1, "title": "t", "body": "b", "x": [{"__proto__": {"polluted": 1}}]}',
    ],
    ['PATCH', '/posts/1', '{"__proto__": {"polluted": 1}}'],
    ['PUT', '/posts/1', '{"prototype": {"polluted": 1}}'],
    ['POST', '/notes', '{"__proto__": {"polluted": 1}}'],
    ['POST', '/notes', '{"a": {"b": {"constructor": {"prototype": {"polluted": 1}}}}}'],
    ['POST', '/notes', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['POST', '/notes', `${'['.repeat(200_000)}${']'.repeat(200_000)}`],
    ['POST', '/notes', '{"n": 1e999}'],
    ['POST', '/notes', '{"n": [-1e400]}'],
    ['POST', '/notes', '\u0000'],
    ['GET', '/posts?__proto__.polluted=1', undefined],
    ['GET', '/posts?constructor.prototype.polluted=1', undefined],
    ['GET', '/posts?__proto__=1&_sort=__proto__', undefined],
    ['GET', '/posts?_embed=__proto__&_expand=constructor', undefined],
    ['GET', '/posts?_select=__proto__,constructor', undefined],
    ['GET', '/posts?title_like=(a%2B)%2B$&q=__proto__', undefined],
    ['GET', '/posts?_delay=__proto__', undefined],
    ['GET', '/posts?_status=constructor', undefined],
    ['GET', '/__proto__', undefined],
    ['GET', '/posts/__proto__', undefined],
    ['GET', '/users/1/__proto__/1', undefined],
    ['GET', '/users/%E0%A4%A/posts', undefined],
    ['DELETE', '/__proto__/1', undefined],
  ]

  it('no body, query or path reaches Object.prototype or crashes the server', async () => {
    const notes = await memoryMock({ schema: SHOP })
    const before = Object.getOwnPropertyNames(Object.prototype)
    const firstPost = structuredClone(mock.store.get('posts', 1))
    for (const [method, path, body] of hostile) {
      const on = path.startsWith('/notes') ? notes : mock
      const response = await send(on, method, path, body)
      expect(response.status, `${method} ${path}`).toBeLessThan(500)
      // A hostile body is always refused; a hostile query may be harmless and answered
      expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(
        body === undefined ? 200 : 400,
      )
      expect(response.headers.get('content-type')).toBe(JSON_TYPE)
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(before)
    expect(notes.store.list('notes')).toHaveLength(2)
    expect(mock.store.list('posts')).toHaveLength(100)
    expect(await json(await send(mock, 'GET', '/posts/1'))).toEqual(firstPost)
    await notes.close()
  })

  it('refuses bodies nested deeper than 64 levels (they could not be stored)', async () => {
    const body = `${'{"a":'.repeat(70)}1${'}'.repeat(70)}`
    const response = await send(shop, 'POST', '/notes', body)
    expect(await answer(response)).toEqual({
      status: 422,
      body: {
        error: INVALID,
        details: [
          {
            path: Array(64).fill('a').join('.'),
            message: 'is nested too deeply (at most 64 levels)',
          },
        ],
      },
    })
  })

  it('stores a free-form body whose nested keys look dangerous without using them as keys', async () => {
    const response = await send(shop, 'POST', '/notes', { text: 'proto', tags: ['__proto__'] })
    expect(await json(response)).toEqual({ text: 'proto', tags: ['__proto__'], id: 3 })
  })
})
