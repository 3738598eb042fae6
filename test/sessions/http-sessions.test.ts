import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER, json, memoryMock, send } from '../helpers.ts'

const POST = { userId: 1, title: 'Hello', body: 'World' }
const A = { 'Fauxrest-Session': 'a' }
const B = { 'Fauxrest-Session': 'b' }

let mock: Mock
beforeAll(async () => {
  mock = await memoryMock({ schema: JSONPLACEHOLDER })
})
afterAll(() => mock.close())
beforeEach(async () => {
  mock.sessions.clear()
  await mock.reset()
})

describe('Fauxrest-Session header', () => {
  it('keeps a session’s writes to itself, with ids of its own', async () => {
    const created = await send(mock, 'POST', '/posts', POST, A)
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe('/posts/101')
    expect(await json(created)).toEqual({ ...POST, id: 101 })
    expect(await json(await send(mock, 'GET', '/posts/101', undefined, A))).toEqual({
      ...POST,
      id: 101,
    })
    expect((await send(mock, 'GET', '/posts/101')).status).toBe(404)
    expect((await send(mock, 'GET', '/posts/101', undefined, B)).status).toBe(404)
    // Another session, and the shared database, still get 101: ids are not used up elsewhere.
    expect(await json(await send(mock, 'POST', '/posts', POST, B))).toEqual({ ...POST, id: 101 })
    expect(await json(await send(mock, 'POST', '/posts', POST))).toEqual({ ...POST, id: 101 })
    expect(await json(await send(mock, 'POST', '/posts', POST, A))).toEqual({ ...POST, id: 102 })
  })

  it('lists, filters by foreign key and counts with the session’s rows', async () => {
    await send(mock, 'POST', '/posts/1/comments', { name: 'n', email: 'a@b.co', body: 'b' }, A)
    await send(mock, 'DELETE', '/comments/2', undefined, A)
    await send(mock, 'PATCH', '/comments/3', { postId: 2 }, A)
    const inside = await send(mock, 'GET', '/comments?postId=1', undefined, A)
    expect(((await json(inside)) as { id: number }[]).map((row) => row.id)).toEqual([1, 4, 5, 501])
    const nested = await send(mock, 'GET', '/posts/2/comments?_limit=20', undefined, A)
    expect(((await json(nested)) as { id: number }[]).map((row) => row.id)).toEqual([
      3, 6, 7, 8, 9, 10,
    ])
    const page = await send(mock, 'GET', '/comments?_page=1&_limit=2', undefined, A)
    expect(page.headers.get('x-total-count')).toBe('500')
    const outside = await send(mock, 'GET', '/comments?postId=1')
    expect(((await json(outside)) as { id: number }[]).map((row) => row.id)).toEqual([
      1, 2, 3, 4, 5,
    ])
  })

  it('cascades a delete inside the session only', async () => {
    expect((await send(mock, 'DELETE', '/posts/1', undefined, A)).status).toBe(200)
    expect((await send(mock, 'GET', '/posts/1/comments', undefined, A)).status).toBe(404)
    expect(await json(await send(mock, 'GET', '/comments?postId=1', undefined, A))).toEqual([])
    expect(await json(await send(mock, 'GET', '/comments/1', undefined, A))).toEqual({
      error: 'The requested resource was not found: /comments/1.',
    })
    expect((await send(mock, 'GET', '/comments/1')).status).toBe(200)
    const db = (await json(await send(mock, 'GET', '/db', undefined, A))) as Record<
      string,
      unknown[]
    >
    expect(db['posts']).toHaveLength(99)
    expect(db['comments']).toHaveLength(495)
    expect(mock.store.list('comments')).toHaveLength(500)
  })

  it('gives a changed item its own ETag', async () => {
    const shared = await send(mock, 'GET', '/posts/1')
    await send(mock, 'PATCH', '/posts/1', { title: 'changed' }, A)
    const inside = await send(mock, 'GET', '/posts/1', undefined, A)
    expect(inside.headers.get('etag')).not.toBe(shared.headers.get('etag'))
    const etag = shared.headers.get('etag') ?? ''
    const stale = await send(mock, 'PATCH', '/posts/1', { title: 'x' }, { ...A, 'If-Match': etag })
    expect(stale.status).toBe(412)
    expect((await send(mock, 'GET', '/posts/1', undefined, { 'If-None-Match': etag })).status).toBe(
      304,
    )
  })

  it('resets one session with POST /_reset', async () => {
    await send(mock, 'POST', '/posts', POST, A)
    await send(mock, 'POST', '/posts', POST, B)
    expect(await json(await send(mock, 'POST', '/_reset', undefined, A))).toEqual({ reset: true })
    expect((await send(mock, 'GET', '/posts/101', undefined, A)).status).toBe(404)
    expect((await send(mock, 'GET', '/posts/101', undefined, B)).status).toBe(200)
  })

  it('refuses a bad name with 400', async () => {
    const response = await send(mock, 'GET', '/posts/1', undefined, { 'Fauxrest-Session': 'a b' })
    expect(response.status).toBe(400)
    expect(await json(response)).toEqual({
      error: 'Invalid session name "a b": use 1 to 64 letters, digits, ".", "_", "~" or "-".',
    })
    const long = await send(mock, 'GET', '/posts/1', undefined, {
      'Fauxrest-Session': 'x'.repeat(65),
    })
    expect(long.status).toBe(400)
    expect(mock.sessions.size).toBe(0)
  })
})

describe('/_sessions/NAME/ prefix', () => {
  it('serves the session under the prefix, and links stay inside it', async () => {
    const created = await send(mock, 'POST', '/_sessions/a/posts', POST)
    expect(created.headers.get('location')).toBe('/_sessions/a/posts/101')
    expect((await send(mock, 'GET', '/posts/101', undefined, A)).status).toBe(200)
    const page = await send(mock, 'GET', '/_sessions/a/posts?_page=2&_limit=10')
    expect(page.headers.get('link')).toContain(
      '<http://localhost/_sessions/a/posts?_page=3&_limit=10>; rel="next"',
    )
    const nested = await send(mock, 'POST', '/_sessions/a/posts/101/comments', {
      name: 'n',
      email: 'a@b.co',
      body: 'b',
    })
    expect(nested.headers.get('location')).toBe('/_sessions/a/comments/501')
    expect((await json(await send(mock, 'GET', '/_sessions/a/db'))) as object).toHaveProperty(
      'posts',
    )
  })

  it('resets and drops sessions, and lists them with their sizes', async () => {
    await send(mock, 'POST', '/_sessions/a/posts', POST)
    await send(mock, 'PATCH', '/_sessions/a/posts/1', { title: 't' })
    await send(mock, 'GET', '/_sessions/b/posts/1')
    const list = (await json(await send(mock, 'GET', '/_sessions'))) as {
      count: number
      sessions: { name: string; changes: number; bytes: number }[]
    }
    expect(list.count).toBe(2)
    expect(list.sessions.map(({ name, changes }) => ({ name, changes }))).toEqual([
      { name: 'a', changes: 2 },
      { name: 'b', changes: 0 },
    ])
    expect(list.sessions[0]?.bytes).toBeGreaterThan(50)
    expect(await json(await send(mock, 'POST', '/_sessions/a/_reset'))).toEqual({ reset: true })
    expect((await json(await send(mock, 'GET', '/_sessions/a'))) as object).toMatchObject({
      name: 'a',
      changes: 0,
    })
    expect((await send(mock, 'DELETE', '/_sessions/a')).status).toBe(200)
    const missing = await send(mock, 'DELETE', '/_sessions/a')
    expect(missing.status).toBe(404)
    expect(await json(missing)).toEqual({ error: 'There is no session "a".' })
    expect(mock.sessions.size).toBe(1)
  })

  it('refuses a header that names another session', async () => {
    const response = await send(mock, 'GET', '/_sessions/a/posts/1', undefined, B)
    expect(response.status).toBe(400)
  })
})

describe('mock.session()', () => {
  it('fetches inside the session, resets it and closes it', async () => {
    const session = mock.session('worker-1')
    expect(session.url).toBe('/_sessions/worker-1')
    expect(session.headers).toEqual({ 'Fauxrest-Session': 'worker-1' })
    const created = await session.fetch('/todos', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 1, title: 't', completed: false }),
    })
    expect(await json(created)).toEqual({ userId: 1, title: 't', completed: false, id: 201 })
    expect((await session.fetch('/todos/201')).status).toBe(200)
    await session.reset()
    expect((await session.fetch('/todos/201')).status).toBe(404)
    session.close()
    expect(mock.sessions.find('worker-1')).toBeUndefined()
  })
})

describe('sessions under --base', () => {
  it('puts the session prefix inside the API prefix', async () => {
    const api = await memoryMock({ schema: JSONPLACEHOLDER, base: '/api' })
    try {
      const created = await send(api, 'POST', '/api/_sessions/a/posts', POST)
      expect(created.headers.get('location')).toBe('/api/_sessions/a/posts/101')
      const header = await send(api, 'POST', '/api/posts', POST, B)
      expect(header.headers.get('location')).toBe('/api/posts/101')
      expect((await send(api, 'GET', '/api/posts/101')).status).toBe(404)
      expect((await send(api, 'GET', '/api/_sessions/b/posts/101')).status).toBe(200)
      const list = (await json(await send(api, 'GET', '/api/_sessions'))) as { count: number }
      expect(list.count).toBe(2)
    } finally {
      await api.close()
    }
  })
})

describe('documents', () => {
  it('name the header and the prefix in the OpenAPI document and on the homepage', async () => {
    const document = (await json(await send(mock, 'GET', '/openapi.json'))) as {
      info: { description: string }
      components: { parameters: Record<string, { in: string; required: boolean }> }
      paths: Record<string, Record<string, { parameters: { $ref?: string }[] }>>
    }
    expect(document.components.parameters['Fauxrest-Session']).toMatchObject({
      in: 'header',
      required: false,
    })
    expect(document.paths['/posts/{id}']?.['get']?.parameters).toContainEqual({
      $ref: '#/components/parameters/Fauxrest-Session',
    })
    expect(document.info.description).toContain('`/_sessions/NAME/`')
    const home = await (await send(mock, 'GET', '/', undefined, { Accept: 'text/html' })).text()
    expect(home).toContain('<code>Fauxrest-Session: NAME</code>')
    expect(home).toContain('<code>/_sessions/NAME/</code>')
  })
})

describe('sessions with a routes file', () => {
  it('rewrites the path after the session prefix, and with the header', async () => {
    const api = await memoryMock({ schema: JSONPLACEHOLDER, routes: { '/api/*': '/$1' } })
    try {
      const created = await send(api, 'POST', '/_sessions/a/api/posts', POST)
      expect(created.status).toBe(201)
      expect((await send(api, 'GET', '/_sessions/a/api/posts/101')).status).toBe(200)
      expect((await send(api, 'GET', '/api/posts/101', undefined, A)).status).toBe(200)
      expect((await send(api, 'GET', '/api/posts/101')).status).toBe(404)
    } finally {
      await api.close()
    }
  })
})
