// json-server 1.0's own tests (src/app.test.ts and src/service.test.ts, 1.0.0-beta.15), run over
// HTTP against fauxrest with the same data. Rows marked DIFFERS assert fauxrest's answer; the
// README's "Compared with json-server" gives each reason.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { json, memoryMock, send, tempDir } from '../helpers.ts'

const notFound = (path: string) => ({
  error: `The requested resource was not found: ${path.split('?')[0] ?? path}.`,
})

describe('json-server 1.0 app.test.ts: createApp', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let mock: Mock
  beforeAll(async () => {
    dir = await tempDir()
    // json-server serves test.html from its own public folder; here the static folder holds it.
    await writeFile(join(dir.path, 'file.html'), 'utf-8')
    await writeFile(join(dir.path, 'test.html'), '<p>test</p>')
  })
  afterAll(() => dir.remove())
  beforeEach(async () => {
    mock = await memoryMock({
      schema: {
        posts: [{ id: '1', title: 'foo' }],
        comments: [{ id: '1', postId: '1' }],
        object: { f1: 'foo' },
      },
      staticDir: dir.path,
    })
  })
  afterEach(() => mock.close())

  const LIST = 'GET, HEAD, POST, OPTIONS'
  const ITEM = 'GET, HEAD, PUT, PATCH, DELETE, OPTIONS'
  const SINGULAR = 'GET, HEAD, POST, PUT, PATCH, OPTIONS'
  // [method, url, json-server's status, fauxrest's status when it DIFFERS, fauxrest's Allow]
  const ROWS: [string, string, number, (number | undefined)?, string?][] = [
    ['GET', '/', 200],
    ['GET', '/test.html', 200],
    ['GET', '/file.html', 200],
    ['OPTIONS', '/posts', 204, undefined, LIST],
    ['GET', '/posts', 200],
    ['GET', '/posts?_embed=comments', 200],
    ['GET', '/posts/1', 200],
    ['GET', '/posts/-1', 404],
    ['GET', '/posts/1?_embed=comments', 200],
    ['GET', '/comments', 200],
    ['GET', '/comments?postId=1', 200],
    ['GET', '/object', 200],
    ['GET', '/object/1', 404],
    ['GET', '/not-found', 404],
    ['POST', '/posts', 201],
    ['POST', '/posts/1', 404, 405, ITEM],
    ['POST', '/posts/-1', 404, 405, ITEM],
    ['POST', '/object', 404, 201],
    ['POST', '/object/1', 404],
    ['POST', '/not-found', 404],
    ['PUT', '/posts', 404, 405, LIST],
    ['PUT', '/posts/1', 200],
    ['PUT', '/object', 200],
    ['PUT', '/object/1', 404],
    ['PUT', '/posts/-1', 404],
    ['PUT', '/not-found', 404],
    ['PATCH', '/posts', 404, 405, LIST],
    ['PATCH', '/posts/1', 200],
    ['PATCH', '/object', 200],
    ['PATCH', '/object/1', 404],
    ['PATCH', '/posts/-1', 404],
    ['PATCH', '/not-found', 404],
    ['DELETE', '/posts', 404, 405, LIST],
    ['DELETE', '/posts/1', 200],
    ['DELETE', '/object', 404, 405, SINGULAR],
    ['DELETE', '/object/1', 404],
    ['DELETE', '/posts/-1', 404],
    ['DELETE', '/not-found', 404],
  ]

  it.each(ROWS)('%s %s', async (method, url, status, differs, allow) => {
    const response = await mock.app.request(url, { method })
    const answered = differs ?? status
    // 404s carry fauxrest's error, 405s theirs with Allow; other bodies are json-server's test's
    // concern only through the status.
    const body =
      answered === 404
        ? notFound(url)
        : answered === 405
          ? { error: `${method} is not allowed here. Allowed: ${allow}.` }
          : undefined
    expect({
      status: response.status,
      allow: response.headers.get('Allow'),
      body: body === undefined ? undefined : await json(response),
    }).toEqual({ status: answered, allow: allow ?? null, body })
  })

  it('GET /posts?_where=... uses JSON query', async () => {
    const where = encodeURIComponent(JSON.stringify({ title: { eq: 'foo' } }))
    const response = await send(mock, 'GET', `/posts?_where=${where}`)
    expect([response.status, await json(response)]).toEqual([200, [{ id: '1', title: 'foo' }]])
  })

  it('GET /posts?_where=... overrides query params', async () => {
    const where = encodeURIComponent(JSON.stringify({ title: { eq: 'foo' } }))
    const response = await send(mock, 'GET', `/posts?title:eq=bar&_where=${where}`)
    expect([response.status, await json(response)]).toEqual([200, [{ id: '1', title: 'foo' }]])
  })

  it.each([
    ['POST', '/posts', [{ title: 'foo' }], 'an array'],
    ['PATCH', '/posts/1', 'hello', 'a string'],
    ['PUT', '/posts/1', null, 'null'],
  ])(
    'DIFFERS: %s %s with a body that is not an object is a 422',
    async (method, url, body, what) => {
      const response = await send(mock, method, url, JSON.stringify(body))
      expect(response.status).toBe(422)
      expect(await json(response)).toEqual({
        error: 'Request had invalid or missing data.',
        details: [{ path: '', message: `must be a JSON object, not ${what}` }],
      })
    },
  )
})

describe('json-server 1.0 service.test.ts, over HTTP', () => {
  const post1 = {
    id: '1',
    title: 'a',
    views: 100,
    published: true,
    author: { name: 'foo' },
    tags: ['foo', 'bar'],
  }
  const post2 = {
    id: '2',
    title: 'b',
    views: 200,
    published: false,
    author: { name: 'bar' },
    tags: ['bar'],
  }
  const post3 = {
    id: '3',
    title: 'c',
    views: 300,
    published: false,
    author: { name: 'baz' },
    tags: ['foo'],
  }
  const comment1 = { id: '1', title: 'a', postId: '1' }
  let mock: Mock
  beforeEach(async () => {
    const data = { posts: [post1, post2, post3], comments: [comment1], object: { f1: 'foo' } }
    mock = await memoryMock({ schema: structuredClone(data) })
  })
  afterEach(() => mock.close())

  async function get(path: string): Promise<[number, unknown]> {
    const response = await send(mock, 'GET', path)
    return [response.status, await json(response)]
  }

  it.each([
    ['/posts/1', [200, post1]],
    ['/posts/xxx', [404, notFound('/posts/xxx')]],
    ['/posts/1?_embed=comments', [200, { ...post1, comments: [comment1] }]],
    ['/comments/1?_embed=post', [200, { ...comment1, post: post1 }]],
    ['/xxx/1', [404, notFound('/xxx/1')]],
  ])('findById %s', async (path, answer) => {
    expect(await get(path)).toEqual(answer)
  })

  const where = (value: object) => `/posts?_where=${encodeURIComponent(JSON.stringify(value))}`
  it.each([
    ['/posts?title:eq=b', [post2]],
    [where({ author: { name: { eq: 'bar' } } }), [post2]],
    ['/posts?_sort=-views', [post3, post2, post1]],
    [
      '/posts?_page=2&_per_page=2',
      { first: 1, prev: 1, next: null, last: 2, pages: 2, items: 3, data: [post3] },
    ],
  ])('find %s', async (path, body) => {
    expect(await get(path)).toEqual([200, body])
  })

  it('create: a string id, none for an unknown resource', async () => {
    const created = await send(mock, 'POST', '/posts', { title: 'new post' })
    expect(await json(created)).toEqual({ title: 'new post', id: '4' })
    expect((await send(mock, 'POST', '/xxx', { title: 'new post' })).status).toBe(404)
  })

  it('DIFFERS: create keeps an id the client sends, as json-server 0.17 does', async () => {
    const created = await send(mock, 'POST', '/posts', { title: 'new post', id: 'foo' })
    expect(await json(created)).toEqual({ title: 'new post', id: 'foo' })
  })

  it('update and patch a singular resource; unknown resources and lists are refused', async () => {
    expect(await json(await send(mock, 'PUT', '/object', { f1: 'bar' }))).toEqual({ f1: 'bar' })
    expect(await json(await send(mock, 'PATCH', '/object', { f2: 'bar' }))).toEqual({
      f1: 'bar',
      f2: 'bar',
    })
    expect((await send(mock, 'PUT', '/xxx', {})).status).toBe(404)
    expect((await send(mock, 'PATCH', '/xxx', {})).status).toBe(404)
    expect((await send(mock, 'PUT', '/posts', {})).status).toBe(405)
    expect((await send(mock, 'PATCH', '/posts', {})).status).toBe(405)
  })

  it.each(['PUT', 'PATCH'])('%s by id keeps the id', async (method) => {
    const response = await send(mock, method, '/posts/1', { id: 'xxx', title: 'updated post' })
    expect(await json(response)).toMatchObject({ id: '1', title: 'updated post' })
    expect((await send(mock, method, '/xxx/1', {})).status).toBe(404)
    expect((await send(mock, method, '/posts/xxx', {})).status).toBe(404)
  })

  it('DIFFERS: destroy deletes the children instead of nulling their foreign keys (as 0.17)', async () => {
    expect((await send(mock, 'DELETE', '/posts/1')).status).toBe(200)
    expect(await get('/posts')).toEqual([200, [post2, post3]])
    expect(await get('/comments')).toEqual([200, []])
  })

  it('destroy deletes dependent resources (?_dependent=comments)', async () => {
    expect((await send(mock, 'DELETE', '/posts/1?_dependent=comments')).status).toBe(200)
    expect(await get('/comments')).toEqual([200, []])
    expect(await get('/posts')).toEqual([200, [post2, post3]])
  })

  it('destroy ignores unknown resources and ids', async () => {
    expect((await send(mock, 'DELETE', '/xxx/1')).status).toBe(404)
    expect((await send(mock, 'DELETE', '/posts/xxx')).status).toBe(404)
    expect(mock.store.list('posts')).toHaveLength(3)
  })
})
