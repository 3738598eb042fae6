import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { json, send } from '../../helpers.ts'
import type { OpenTarget, Target } from '../target.ts'

/** Reads and writes on the JSONPlaceholder clone: status, headers and whole bodies. */
export function crudContract(open: OpenTarget): void {
  let mock: Target
  beforeAll(async () => {
    mock = await open('jsonplaceholder')
  })
  beforeEach(() => mock.reset())
  afterAll(() => mock.close())

  const row = (resource: string, id: number): unknown => mock.row(resource, id)

  describe('GET', () => {
    it('lists every item of a resource in id order', async () => {
      const response = await send(mock, 'GET', '/posts')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      const body = (await json(response)) as { id: number }[]
      expect(body).toHaveLength(100)
      expect(body.map((post) => post.id)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
      expect(body[0]).toEqual(row('posts', 1))
    })

    it('answers one item with the exact JSONPlaceholder shape', async () => {
      const response = await send(mock, 'GET', '/todos/1')
      const body = (await json(response)) as Record<string, unknown>
      expect(response.status).toBe(200)
      expect(Object.keys(body)).toEqual(['userId', 'id', 'title', 'completed'])
      expect(body).toEqual(row('todos', 1))
      expect(typeof body['completed']).toBe('boolean')
    })

    it('pretty-prints bodies with two spaces, as JSONPlaceholder does', async () => {
      const text = await (await send(mock, 'GET', '/posts/1')).text()
      expect(text).toBe(JSON.stringify(row('posts', 1), null, 2))
    })

    it.each([
      ['/users/1/posts', 10, 'userId', 1],
      ['/users/2/albums', 10, 'userId', 2],
      ['/users/3/todos', 20, 'userId', 3],
      ['/posts/1/comments', 5, 'postId', 1],
      ['/albums/4/photos', 50, 'albumId', 4],
    ])('lists nested children: %s', async (path, count, field, parentId) => {
      const body = (await json(await send(mock, 'GET', path))) as Record<string, unknown>[]
      expect(body).toHaveLength(count)
      expect(body.every((item) => item[field] === parentId)).toBe(true)
    })

    it('answers a JSON 404 for an unknown id', async () => {
      const response = await send(mock, 'GET', '/posts/1000')
      expect(response.status).toBe(404)
      expect(await json(response)).toEqual({
        error: 'The requested resource was not found: /posts/1000.',
      })
    })

    it('answers a JSON 404 for an unknown route', async () => {
      const response = await send(mock, 'GET', '/motorcycles')
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(await json(response)).toEqual({
        error: 'The requested resource was not found: /motorcycles.',
      })
    })

    it('serves the whole database on /db', async () => {
      const body = (await json(await send(mock, 'GET', '/db'))) as Record<string, unknown[]>
      expect(Object.keys(body)).toEqual(['users', 'posts', 'comments', 'albums', 'photos', 'todos'])
      expect(Object.values(body).map((rows) => rows.length)).toEqual([10, 100, 500, 100, 5000, 200])
    })
  })

  describe('POST', () => {
    it('creates with the next id, 201 and Location, as the seed tutorial shows', async () => {
      const todo = { userId: 1, title: 'Buy milk', completed: false }
      const response = await send(mock, 'POST', '/todos', todo)
      expect(response.status).toBe(201)
      expect(response.headers.get('location')).toBe('/todos/201')
      const body = await json(response)
      expect(body).toEqual({ userId: 1, title: 'Buy milk', completed: false, id: 201 })
      expect(Object.keys(body as object)).toEqual(['userId', 'title', 'completed', 'id'])
      expect(await json(await send(mock, 'GET', '/todos/201'))).toEqual(body)
    })

    it('sets the foreign key from a nested path, typed', async () => {
      const response = await send(mock, 'POST', '/posts/3/comments', {
        name: 'n',
        email: 'a@b.c',
        body: 'b',
      })
      expect(response.status).toBe(201)
      expect(await json(response)).toEqual({
        name: 'n',
        email: 'a@b.c',
        body: 'b',
        postId: 3,
        id: 501,
      })
      const comments = (await json(await send(mock, 'GET', '/posts/3/comments'))) as unknown[]
      expect(comments).toHaveLength(6)
    })

    it('never reuses an id while the server runs', async () => {
      await send(mock, 'POST', '/albums', { userId: 1, title: 'a' })
      await send(mock, 'DELETE', '/albums/101')
      const response = await send(mock, 'POST', '/albums', { userId: 1, title: 'b' })
      expect(await json(response)).toEqual({ userId: 1, title: 'b', id: 102 })
    })
  })

  describe('PUT, PATCH, DELETE', () => {
    it('replaces an item and keeps its id', async () => {
      const response = await send(mock, 'PUT', '/todos/10', {
        userId: 1,
        title: 'Wash car',
        completed: true,
      })
      expect(response.status).toBe(200)
      expect(await json(response)).toEqual({
        userId: 1,
        title: 'Wash car',
        completed: true,
        id: 10,
      })
    })

    it('merges a patch into the item, keeping its key order', async () => {
      const before = row('todos', 10) as Record<string, unknown>
      const response = await send(mock, 'PATCH', '/todos/10', { title: 'Mow lawn' })
      const body = await json(response)
      expect(response.status).toBe(200)
      expect(body).toEqual({ ...before, title: 'Mow lawn' })
      expect(Object.keys(body as object)).toEqual(['userId', 'id', 'title', 'completed'])
    })

    it('deletes with 200 {} and the item is gone', async () => {
      const response = await send(mock, 'DELETE', '/todos/10')
      expect(response.status).toBe(200)
      expect(await json(response)).toEqual({})
      expect((await send(mock, 'GET', '/todos/10')).status).toBe(404)
    })

    it('cascades a delete to the children', async () => {
      await send(mock, 'DELETE', '/posts/1')
      expect(await json(await send(mock, 'GET', '/comments?postId=1'))).toEqual([])
      expect(((await json(await send(mock, 'GET', '/comments'))) as unknown[]).length).toBe(495)
    })

    it('answers 404 when writing an unknown id', async () => {
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        const response = await send(
          mock,
          method,
          '/posts/999',
          method === 'DELETE' ? undefined : {},
        )
        expect(response.status).toBe(404)
        expect(await json(response)).toEqual({
          error: 'The requested resource was not found: /posts/999.',
        })
      }
    })

    it('answers 405 with Allow for a method the path does not take', async () => {
      const response = await send(mock, 'DELETE', '/posts')
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
      expect(await json(response)).toEqual({
        error: 'DELETE is not allowed here. Allowed: GET, HEAD, POST, OPTIONS.',
      })
    })
  })

  describe('CORS', () => {
    it('reflects the Origin and allows credentials, so fetch(…, { credentials: "include" }) works', async () => {
      const response = await send(mock, 'GET', '/posts?_page=1', undefined, {
        Origin: 'http://localhost:5173',
      })
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
      expect(response.headers.get('access-control-allow-credentials')).toBe('true')
      expect(response.headers.get('vary')).toBe('Origin')
      expect(response.headers.get('access-control-expose-headers')).toBe(
        'X-Total-Count,Link,Location,ETag',
      )
    })

    it('answers each origin with its own, and a request without Origin with *', async () => {
      for (const origin of ['http://a.test', 'https://b.test:8443', 'http://a.test']) {
        const response = await send(mock, 'GET', '/posts/1', undefined, { Origin: origin })
        expect(response.headers.get('access-control-allow-origin')).toBe(origin)
      }
      const plain = await send(mock, 'GET', '/posts/1')
      expect(plain.headers.get('access-control-allow-origin')).toBe('*')
      expect(plain.headers.get('access-control-allow-credentials')).toBeNull()
    })

    it('reflects the Origin on errors and writes too', async () => {
      const headers = { Origin: 'http://localhost:5173' }
      const missing = await send(mock, 'GET', '/posts/999', undefined, headers)
      const created = await send(
        mock,
        'POST',
        '/posts',
        { userId: 1, title: 't', body: 'b' },
        headers,
      )
      for (const response of [missing, created]) {
        expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
        expect(response.headers.get('access-control-allow-credentials')).toBe('true')
      }
    })

    it('answers preflights for the origin, with credentials', async () => {
      const response = await send(mock, 'OPTIONS', '/posts/1', undefined, {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'content-type, authorization',
      })
      expect(response.status).toBe(204)
      expect(Object.fromEntries(response.headers)).toEqual({
        'access-control-allow-credentials': 'true',
        'access-control-allow-headers': 'content-type,authorization',
        'access-control-allow-methods': 'GET,HEAD,PUT,POST,DELETE,PATCH',
        'access-control-allow-origin': 'http://localhost:5173',
        'access-control-expose-headers': 'X-Total-Count,Link,Location,ETag',
        'access-control-max-age': '600',
        vary: 'Origin, Access-Control-Request-Headers',
      })
    })

    it('with --no-cors sends no CORS header, even to an origin', async () => {
      const closed = await open('jsonplaceholder', { cors: false })
      const response = await send(closed, 'GET', '/posts/1', undefined, { Origin: 'http://a.test' })
      expect(
        [...response.headers.keys()].filter((name) => name.startsWith('access-control')),
      ).toEqual([])
      expect(response.headers.get('vary')).toBeNull()
      await closed.close()
    })
  })

  describe('Cache-Control', () => {
    it('API answers say no-cache, so browsers revalidate, and the ETag still gives 304', async () => {
      const first = await send(mock, 'GET', '/posts/1')
      expect(first.headers.get('cache-control')).toBe('no-cache')
      const etag = first.headers.get('etag') ?? ''
      const again = await send(mock, 'GET', '/posts/1', undefined, { 'If-None-Match': etag })
      expect(again.status).toBe(304)
      expect(again.headers.get('cache-control')).toBe('no-cache')
      expect(again.headers.get('etag')).toBe(etag)
    })

    it.each([
      ['GET', '/posts?_page=2'],
      ['GET', '/db'],
      ['GET', '/posts/999'],
      ['POST', '/posts'],
    ])('%s %s says no-cache', async (method, path) => {
      const body = method === 'POST' ? { userId: 1, title: 't', body: 'b' } : undefined
      const response = await send(mock, method, path, body)
      expect(response.headers.get('cache-control')).toBe('no-cache')
    })
  })
}
