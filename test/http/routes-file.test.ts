import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { RouteRules } from '../../src/rewrite/route-rules.ts'
import { parseRoutesFile } from '../../src/rewrite/routes-file.ts'
import { json, memoryMock, send } from '../helpers.ts'

const posts = [
  { id: 1, body: 'foo', category: 'news' },
  { id: 2, body: 'bar', category: 'tech' },
]
const comments = [
  { id: 1, body: 'foo', postId: 1, userId: 1 },
  { id: 2, body: 'bar', postId: 1, userId: 2 },
  { id: 3, body: 'quux', postId: 2, userId: 1 },
]
// json-server 0.17.4's rewriter rules (__tests__/server/plural.js), plus a few of its README's.
const rules = {
  '/api/*': '/$1',
  '/blog/posts/:id/show': '/posts/:id',
  '/comments/special/:userId-:body': '/comments/?userId=:userId&body=:body',
  '/firstpostwithcomments': '/posts/1?_embed=comments',
  '/articles\\?_id=:id': '/posts/:id',
  '/category/:category': '/posts?category=:category',
}

let mock: Mock
beforeEach(async () => {
  mock = await memoryMock({ schema: { posts, comments }, routes: rules })
})
afterEach(() => mock.close())

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const response = await send(mock, 'GET', path)
  return { status: response.status, body: await json(response) }
}

describe('json-server: the rewriter', () => {
  it('rewrites using a prefix', async () => {
    expect(await get('/api/posts/1')).toEqual({ status: 200, body: posts[0] })
  })

  it('rewrites using params', async () => {
    expect(await get('/blog/posts/1/show')).toEqual({ status: 200, body: posts[0] })
  })

  it('rewrites to a target with a query', async () => {
    expect(await get('/firstpostwithcomments')).toEqual({
      status: 200,
      body: { ...posts[0], comments: [comments[0], comments[1]] },
    })
  })

  it('rewrites using params and a query', async () => {
    expect(await get('/comments/special/1-quux')).toEqual({ status: 200, body: [comments[2]] })
  })

  it('rewrites a pattern that names query parameters', async () => {
    expect(await get('/articles?_id=1')).toEqual({ status: 200, body: posts[0] })
  })

  it('documents /__rules in the OpenAPI document, which a server without rules leaves out', async () => {
    type Document = { paths: Record<string, { get?: { operationId?: string } }> }
    const document = (await get('/openapi.json')).body as Document
    expect(document.paths['/__rules']?.get?.operationId).toBe('getRules')
    const plain = await memoryMock({ schema: { posts } })
    const without = (await json(await send(plain, 'GET', '/openapi.json'))) as Document
    expect(without.paths['/__rules']).toBeUndefined()
    expect((await send(plain, 'GET', '/__rules')).status).toBe(404)
    await plain.close()
  })

  it('exposes the rules at /__rules', async () => {
    expect(await get('/__rules')).toEqual({ status: 200, body: rules })
  })
})

describe('rewrites beyond json-server', () => {
  it('keeps the request query string (json-server #540)', async () => {
    expect(await get('/api/posts?_sort=id&_order=desc')).toEqual({
      status: 200,
      body: [posts[1], posts[0]],
    })
    expect(await get('/category/tech?_select=id')).toEqual({ status: 200, body: [{ id: 2 }] })
  })

  it('sends paging links to the rewritten URL', async () => {
    const response = await send(mock, 'GET', '/api/posts?_page=1&_limit=1')
    expect(response.headers.get('link')).toBe(
      '<http://localhost/posts?_page=1&_limit=1>; rel="first", ' +
        '<http://localhost/posts?_page=2&_limit=1>; rel="next", ' +
        '<http://localhost/posts?_page=2&_limit=1>; rel="last"',
    )
  })

  it.each([
    ['POST', '/api/posts', { body: 'new', category: 'x' }, 201],
    ['PUT', '/api/posts/1', { body: 'put', category: 'x' }, 200],
    ['PATCH', '/api/posts/1', { body: 'patched' }, 200],
    ['DELETE', '/api/posts/2', undefined, 200],
  ])('rewrites %s too (json-server #1011)', async (method, path, body, status) => {
    const response = await send(mock, method, path, body)
    expect(response.status).toBe(status)
  })

  it('leaves paths no rule matches alone', async () => {
    expect(await get('/posts/2')).toEqual({ status: 200, body: posts[1] })
  })

  it('answers 404 for a rewritten path that leads nowhere', async () => {
    const response = await send(mock, 'GET', '/api/nothing')
    expect(response.status).toBe(404)
    expect(await json(response)).toEqual({
      error: 'The requested resource was not found: /nothing.',
    })
  })

  it('takes new rules at once when they are replaced', async () => {
    const live = new RouteRules(parseRoutesFile({ '/v1/*': '/$1' }, 'routes.json'))
    const other = await memoryMock({ schema: { posts }, routes: live })
    expect((await send(other, 'GET', '/v1/posts/1')).status).toBe(200)
    live.replace(parseRoutesFile({ '/v2/*': '/$1' }, 'routes.json'))
    expect((await send(other, 'GET', '/v1/posts/1')).status).toBe(404)
    expect((await send(other, 'GET', '/v2/posts/1')).status).toBe(200)
    await other.close()
  })
})
