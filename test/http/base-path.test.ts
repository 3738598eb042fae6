import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { UserError } from '../../src/errors.ts'
import { atBase, insideBase, parseBasePath } from '../../src/routes/base-path.ts'
import { json, memoryMock, send, tempDir } from '../helpers.ts'

const posts = [
  { id: 1, title: 'one' },
  { id: 2, title: 'two' },
  { id: 3, title: 'three' },
]
const comments = [{ id: 1, body: 'hi', postId: 1 }]
const profile = { name: 'typicode' }
const db = () => structuredClone({ posts, comments, profile })

describe('parseBasePath', () => {
  it.each([
    ['/api', '/api'],
    ['/api/', '/api'],
    ['/api/v1', '/api/v1'],
    ['/api/v1/', '/api/v1'],
    ['/', ''],
    ['', ''],
    ['/v1.2~x_y-z', '/v1.2~x_y-z'],
  ])('reads %j as %j', (text, base) => {
    expect(parseBasePath(text)).toBe(base)
  })

  it.each([
    ['api', '--base must be a URL path like /api or /api/v1, not "api": it must start with /'],
    [
      '/api//v1',
      '--base must be a URL path like /api or /api/v1, not "/api//v1": it has an empty segment',
    ],
    [
      '/a pi',
      '--base must be a URL path like /api or /api/v1, not "/a pi": "a pi" is not a URL-safe segment (letters, digits and . _ ~ - only)',
    ],
    [
      '/api/..',
      '--base must be a URL path like /api or /api/v1, not "/api/..": ".." is not a URL-safe segment (letters, digits and . _ ~ - only)',
    ],
    [
      '/api?x=1',
      '--base must be a URL path like /api or /api/v1, not "/api?x=1": "api?x=1" is not a URL-safe segment (letters, digits and . _ ~ - only)',
    ],
  ])('refuses %j with one line', (text, message) => {
    expect(() => parseBasePath(text)).toThrow(new UserError(message))
  })

  it('places and strips paths', () => {
    expect(insideBase('/api', '/api/posts/1')).toBe('/posts/1')
    expect(insideBase('/api', '/api')).toBe('/')
    expect(insideBase('/api', '/api/')).toBe('/')
    expect(insideBase('/api', '/apix/posts')).toBeUndefined()
    expect(insideBase('/api', '/posts')).toBeUndefined()
    expect(insideBase('', '/posts')).toBe('/posts')
    expect(atBase('/api', '/')).toBe('/api')
    expect(atBase('/api', '/posts')).toBe('/api/posts')
    expect(atBase('', '/posts')).toBe('/posts')
  })
})

describe('createMock({ base: "/api/v1" })', () => {
  let mock: Mock
  beforeAll(async () => {
    mock = await memoryMock({ schema: db(), base: '/api/v1/' })
  })
  afterAll(() => mock.close())

  it('normalises the prefix and puts the homepage there', () => {
    expect(mock.options.base).toBe('/api/v1')
    expect(mock.homePath).toBe('/api/v1')
  })

  it('serves every resource route under the prefix', async () => {
    const list = await send(mock, 'GET', '/api/v1/posts?_page=1&_limit=2')
    expect(list.status).toBe(200)
    expect(await json(list)).toEqual(posts.slice(0, 2))
    expect(list.headers.get('Link')).toBe(
      '<http://localhost/api/v1/posts?_page=1&_limit=2>; rel="first", ' +
        '<http://localhost/api/v1/posts?_page=2&_limit=2>; rel="next", ' +
        '<http://localhost/api/v1/posts?_page=2&_limit=2>; rel="last"',
    )
    const item = await send(mock, 'GET', '/api/v1/posts/2')
    expect(await json(item)).toEqual(posts[1])
    const nested = await send(mock, 'GET', '/api/v1/posts/1/comments')
    expect(await json(nested)).toEqual(comments)
    const single = await send(mock, 'GET', '/api/v1/profile')
    expect(await json(single)).toEqual(profile)
  })

  it('writes Location under the prefix', async () => {
    const created = await send(mock, 'POST', '/api/v1/posts', { title: 'four' })
    expect(created.status).toBe(201)
    expect(created.headers.get('Location')).toBe('/api/v1/posts/4')
    expect(await json(created)).toEqual({ id: 4, title: 'four' })
    const nested = await send(mock, 'POST', '/api/v1/posts/1/comments', { body: 'again' })
    expect(nested.headers.get('Location')).toBe('/api/v1/comments/2')
    const single = await send(mock, 'POST', '/api/v1/profile', { name: 'other' })
    expect(single.headers.get('Location')).toBe('/api/v1/profile')
    expect((await send(mock, 'DELETE', '/api/v1/posts/4')).status).toBe(200)
    expect((await send(mock, 'DELETE', '/api/v1/comments/2')).status).toBe(200)
    await send(mock, 'PUT', '/api/v1/profile', profile)
  })

  it('serves its own routes under the prefix', async () => {
    const whole = await send(mock, 'GET', '/api/v1/db')
    expect(await json(whole)).toEqual(db())
    const docs = await send(mock, 'GET', '/api/v1/docs')
    const html = await docs.text()
    expect(docs.status).toBe(200)
    expect(html).toContain('/api/v1/openapi.json')
    expect(html).toContain('href="/api/v1/docs/assets/swagger-ui.css"')
    const slash = await send(mock, 'GET', '/api/v1/docs/')
    expect(slash.status).toBe(301)
    expect(slash.headers.get('Location')).toBe('/api/v1/docs')
    const reset = await send(mock, 'POST', '/api/v1/_reset')
    expect(await json(reset)).toEqual({ reset: true })
    const events = await send(mock, 'GET', '/api/v1/_events?resource=nothing')
    expect(events.status).toBe(400)
  })

  it('names the prefix as the server in the OpenAPI document', async () => {
    const response = await send(mock, 'GET', '/api/v1/openapi.json')
    const document = (await json(response)) as { servers: unknown; paths: object }
    expect(document.servers).toEqual([{ url: '/api/v1' }])
    expect(Object.keys(document.paths)).toContain('/posts/{id}')
  })

  it('links the homepage under the prefix, with and without a final slash', async () => {
    for (const path of ['/api/v1', '/api/v1/']) {
      const response = await send(mock, 'GET', path, undefined, { Accept: 'application/json' })
      expect(response.status).toBe(200)
      const home = (await json(response)) as Record<string, unknown>
      expect(home['url']).toBe('http://localhost/api/v1')
      expect(home['links']).toEqual({
        docs: '/api/v1/docs',
        openapi: '/api/v1/openapi.json',
        db: '/api/v1/db',
        reset: '/api/v1/_reset',
        sessions: '/api/v1/_sessions',
        events: '/api/v1/_events',
      })
      expect((home['resources'] as Record<string, unknown>[])[0]).toEqual({
        name: 'posts',
        url: '/api/v1/posts',
        count: 3,
        routes: ['GET POST /api/v1/posts', 'GET PUT PATCH DELETE /api/v1/posts/:id'],
      })
    }
    const html = await (await send(mock, 'GET', '/api/v1')).text()
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '')
    const local = hrefs.filter((href) => href.startsWith('/'))
    expect(local.length).toBeGreaterThan(10)
    expect(local.filter((href) => !href.startsWith('/api/v1/'))).toEqual([])
    expect(html).toContain('data-base="/api/v1"')
    expect(html).toContain('curl -X POST &#39;http://localhost/api/v1/posts&#39;')
  })

  it('redirects / to the prefix, and answers a JSON 404 elsewhere outside it', async () => {
    const root = await send(mock, 'GET', '/')
    expect(root.status).toBe(302)
    expect(root.headers.get('Location')).toBe('/api/v1')
    for (const path of ['/posts', '/api/posts/1', '/api/v1x/posts', '/db']) {
      const response = await send(mock, 'GET', path)
      expect(response.status).toBe(404)
      expect(await json(response)).toEqual({
        error: `The requested resource was not found: ${path}. The API is served under /api/v1.`,
      })
    }
    const post = await send(mock, 'POST', '/posts', { title: 'lost' })
    expect(post.status).toBe(404)
    expect(mock.store.list('posts')).toEqual(posts)
  })

  it('keeps 404 and 405 answers inside the prefix', async () => {
    const missing = await send(mock, 'GET', '/api/v1/nothing')
    expect(await json(missing)).toEqual({
      error: 'The requested resource was not found: /api/v1/nothing.',
    })
    const refused = await send(mock, 'DELETE', '/api/v1/db')
    expect(refused.status).toBe(405)
    expect(refused.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
  })
})

describe('base with a front end and a routes file', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let mock: Mock
  beforeAll(async () => {
    dir = await tempDir()
    await mkdir(join(dir.path, 'public'))
    await writeFile(join(dir.path, 'public', 'index.html'), '<h1>app</h1>')
    mock = await memoryMock({
      schema: db(),
      base: '/api',
      staticDir: join(dir.path, 'public'),
      routes: { '/blog/:id': '/api/posts/:id' },
    })
  })
  afterAll(async () => {
    await mock.close()
    await dir.remove()
  })

  it('serves the front end at / and the API, with its homepage, at the prefix', async () => {
    expect(mock.homePath).toBe('/api')
    const root = await send(mock, 'GET', '/')
    expect(await root.text()).toBe('<h1>app</h1>')
    const home = await send(mock, 'GET', '/api', undefined, { Accept: 'application/json' })
    expect(home.status).toBe(200)
    expect((await send(mock, 'GET', '/_fauxrest')).status).toBe(404)
  })

  it('rewrites to paths under the prefix, and serves the rules there', async () => {
    const rewritten = await send(mock, 'GET', '/blog/2')
    expect(await json(rewritten)).toEqual(posts[1])
    const rules = await send(mock, 'GET', '/api/__rules')
    expect(await json(rules)).toEqual({ '/blog/:id': '/api/posts/:id' })
  })

  it('refuses a bad prefix with one line', async () => {
    await expect(memoryMock({ schema: db(), base: 'api' })).rejects.toThrow(
      new UserError(
        'base must be a URL path like /api or /api/v1, not "api": it must start with /',
      ),
    )
  })
})

describe('base with auth and with fauxrest/app', () => {
  it('registers under the prefix, with its Location, and guards under it', async () => {
    const mock = await memoryMock({ schema: { users: [], posts: [] }, auth: true, base: '/api' })
    const registered = await send(mock, 'POST', '/api/register', {
      email: 'ann@example.com',
      password: 'secret-password',
    })
    expect(registered.status).toBe(201)
    expect(registered.headers.get('Location')).toBe('/api/users/1')
    expect((await send(mock, 'POST', '/register', {})).status).toBe(404)
    await mock.close()
  })

  it('createApp takes base too', async () => {
    const { createApp, createMemoryStore, parseSchema } = await import('../../src/app.ts')
    const schema = parseSchema(db())
    const app = createApp({ schema, store: await createMemoryStore({ schema }), base: '/v2/' })
    const response = await app.request('/v2/posts/1')
    expect([response.status, await json(response)]).toEqual([200, posts[0]])
    expect((await app.request('/posts/1')).status).toBe(404)
  })
})
